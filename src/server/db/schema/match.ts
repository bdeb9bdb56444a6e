/** Matchmaking: requests for partners, shortlists, dismissals and offices' policies. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';
import { partnerships } from './partnerships.js';
import { cnDivisions, foreignPlaces } from './reference.js';

/**
 * A request for partners (寻找友城): a Chinese division seeking foreign partners (side cn, cn_code), or
 * a foreign place seeking a Chinese partner (side foreign, foreign_place_id), as an office entered it
 * from a letter or an association's list. owner_scope is the office that keeps it: the division for
 * side cn, the entering office's scope for side foreign.
 */
export const matchRequests = pgTable(
  'match_requests',
  {
    id: serial('id').primaryKey(),
    /** cn | foreign */
    side: text('side').notNull(),
    ownerScope: text('owner_scope')
      .notNull()
      .references(() => cnDivisions.code),
    /** The owner's province and prefecture, so that an office's requests are one indexed equality. */
    ownerProvinceCode: text('owner_province_code').notNull(),
    ownerPrefectureCode: text('owner_prefecture_code'),
    cnCode: text('cn_code').references(() => cnDivisions.code),
    foreignPlaceId: integer('foreign_place_id').references(() => foreignPlaces.id),
    /** Population (with its date), area, economy, description, features: RequestProfileSchema. */
    profile: jsonb('profile').notNull().default({}),
    wishedCountries: text('wished_countries').array().notNull().default([]),
    wishedRegions: text('wished_regions').array().notNull().default([]),
    wishedProvinces: text('wished_provinces').array().notNull().default([]),
    fields: text('fields').array().notNull().default([]),
    /** small | medium | large */
    sizeWished: text('size_wished'),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    source: text('source'),
    sourceUrl: text('source_url'),
    receivedOn: date('received_on'),
    /** open | talks | matched | closed */
    status: text('status').notNull().default('open'),
    statusReason: text('status_reason'),
    expiresOn: date('expires_on').notNull(),
    /** The pair the request became when a match was moved into the life cycle. */
    partnershipId: integer('partnership_id').references(() => partnerships.id, { onDelete: 'set null' }),
    notes: text('notes'),
    isDemo: boolean('is_demo').notNull().default(false),
    search: text('search').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('match_requests_owner_idx').on(t.ownerScope),
    index('match_requests_province_idx').on(t.ownerProvinceCode),
    index('match_requests_prefecture_idx').on(t.ownerPrefectureCode),
    index('match_requests_status_idx').on(t.status, t.side),
    index('match_requests_cn_idx').on(t.cnCode),
    index('match_requests_place_idx').on(t.foreignPlaceId),
    check(
      'match_requests_side_ck',
      sql`(${t.side} = 'cn' and ${t.cnCode} is not null and ${t.foreignPlaceId} is null) or (${t.side} = 'foreign' and ${t.foreignPlaceId} is not null and ${t.cnCode} is null)`,
    ),
  ],
);

/** A candidate an office keeps in view for one of its divisions, with its note. */
export const matchShortlist = pgTable(
  'match_shortlist',
  {
    id: serial('id').primaryKey(),
    cnCode: text('cn_code')
      .notNull()
      .references(() => cnDivisions.code),
    /** gn:<GeoNames id> | fp:<foreign place id> */
    candidateKey: text('candidate_key').notNull(),
    name: text('name').notNull(),
    countryIso2: text('country_iso2').notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('match_shortlist_key_idx').on(t.cnCode, t.candidateKey)],
);

/** A suggestion an office set aside for a division, with its reason: not suggested again until restored. */
export const matchDismissals = pgTable(
  'match_dismissals',
  {
    id: serial('id').primaryKey(),
    cnCode: text('cn_code')
      .notNull()
      .references(() => cnDivisions.code),
    candidateKey: text('candidate_key').notNull(),
    name: text('name').notNull(),
    countryIso2: text('country_iso2').notNull(),
    reason: text('reason').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('match_dismissals_key_idx').on(t.cnCode, t.candidateKey)],
);

/** An office's hard rules for suggestions (MatchPolicySchema); a division follows the nearest scope above it. */
export const matchPolicies = pgTable('match_policies', {
  scopeCode: text('scope_code').primaryKey(),
  settings: jsonb('settings').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
