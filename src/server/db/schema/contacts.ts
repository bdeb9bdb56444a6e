/** Contacts: the network of people, with role history, links and touches. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { activities } from './activities.js';
import { partnerships } from './partnerships.js';
import { cnDivisions, countries } from './reference.js';

/**
 * A person an office keeps in touch with: a partner-city official, an overseas Chinese, an
 * international friend, an expert. Personal data: only actors with the contacts permission see it.
 * Scope (authorisation) follows cn_code, the office that keeps the contact.
 */
export const contacts = pgTable(
  'contacts',
  {
    id: serial('id').primaryKey(),
    cnCode: text('cn_code')
      .notNull()
      .references(() => cnDivisions.code),
    provinceCode: text('province_code').notNull(),
    prefectureCode: text('prefecture_code'),
    /** partner_official | overseas_chinese | international_friend | expert | other */
    category: text('category').notNull(),
    nameZh: text('name_zh'),
    nameEn: text('name_en'),
    /** The name in its own script (e.g. 山田太郎, Müller), when neither Chinese nor English. */
    nameOriginal: text('name_original'),
    countryIso2: text('country_iso2').references(() => countries.iso2),
    city: text('city'),
    organisation: text('organisation'),
    /** BCP 47 language tags, e.g. {en,fr}. */
    languages: text('languages').array().notNull().default([]),
    email: text('email'),
    phone: text('phone'),
    notes: text('notes'),
    isDemo: boolean('is_demo').notNull().default(false),
    search: text('search').notNull(),
    sortKey: text('sort_key').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contacts_province_idx').on(t.provinceCode),
    index('contacts_prefecture_idx').on(t.prefectureCode),
    index('contacts_cn_code_idx').on(t.cnCode),
    index('contacts_sort_idx').on(t.sortKey, t.id),
  ],
);

/**
 * A post a contact held or holds: kept, never overwritten, so that "who held post P on day D" has an
 * answer. Dates keep their precision; to_end is the last day of the to-period (derived), null while
 * the term runs.
 */
export const contactRoles = pgTable(
  'contact_roles',
  {
    id: serial('id').primaryKey(),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    organisation: text('organisation').notNull(),
    post: text('post').notNull(),
    fromOn: date('from_on').notNull(),
    fromPrecision: text('from_precision').notNull(),
    toOn: date('to_on'),
    toPrecision: text('to_precision'),
    toEnd: date('to_end'),
    /** Organisation and post, normalised, for "who held P". */
    search: text('search').notNull(),
  },
  (t) => [index('contact_roles_contact_idx').on(t.contactId, t.fromOn), index('contact_roles_from_idx').on(t.fromOn)],
);

/** A contact's link to a partnership or to an activity (exactly one of the two). */
export const contactLinks = pgTable(
  'contact_links',
  {
    id: serial('id').primaryKey(),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    partnershipId: integer('partnership_id').references(() => partnerships.id, { onDelete: 'cascade' }),
    activityId: integer('activity_id').references(() => activities.id, { onDelete: 'cascade' }),
  },
  (t) => [
    check('contact_links_one_target', sql`(${t.partnershipId} is null) <> (${t.activityId} is null)`),
    uniqueIndex('contact_links_partnership_idx').on(t.contactId, t.partnershipId),
    uniqueIndex('contact_links_activity_idx').on(t.contactId, t.activityId),
    index('contact_links_by_partnership_idx').on(t.partnershipId),
    index('contact_links_by_activity_idx').on(t.activityId),
  ],
);

/** An explicit "contacted on" entry: a call, a meeting, a letter. Last contact also counts linked activities. */
export const contactTouches = pgTable(
  'contact_touches',
  {
    id: serial('id').primaryKey(),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    touchedOn: date('touched_on').notNull(),
    /** meeting | call | email | letter | message | other */
    channel: text('channel').notNull(),
    note: text('note'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contact_touches_contact_idx').on(t.contactId, t.touchedOn)],
);
