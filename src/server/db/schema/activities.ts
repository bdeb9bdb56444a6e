/** Activities: delegation details, several partnerships per activity, office rules. */
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { partnerships } from './partnerships.js';

export const activities = pgTable(
  'activities',
  {
    id: serial('id').primaryKey(),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    /** delegation_out | delegation_in | visit | agreement | event | online_meeting | letter | other */
    type: text('type').notNull(),
    occurredOn: date('occurred_on').notNull(),
    titleZh: text('title_zh'),
    titleEn: text('title_en'),
    description: text('description'),
    sourceUrl: text('source_url'),
    // Delegation details (empty for other types); fields are FIELDS codes (src/shared/enums.ts);
    // sources are further URLs or citations beside source_url.
    leader: text('leader'),
    participants: integer('participants'),
    days: integer('days'),
    purpose: text('purpose'),
    approvalRef: text('approval_ref'),
    /** each_own | host_pays | guest_pays | shared | other */
    costSharing: text('cost_sharing'),
    fields: text('fields').array().notNull().default([]),
    sources: text('sources').array().notNull().default([]),
    /** A substantive anniversary celebration of the partnership (checked by the anniversary rule). */
    anniversary: boolean('anniversary').notNull().default(false),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activities_partnership_idx').on(t.partnershipId, t.occurredOn),
    index('activities_occurred_idx').on(t.occurredOn),
  ],
);

/** Every partnership an activity belongs to, the primary one (activities.partnership_id) included. */
export const activityPartnerships = pgTable(
  'activity_partnerships',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.partnershipId] }),
    index('activity_partnerships_partnership_idx').on(t.partnershipId, t.activityId),
  ],
);

/**
 * The rules an office sets for the activities of its division and everything below it (a record
 * follows the nearest scope above its division). `settings` is validated by OfficeRulesSchema.
 */
export const officeRules = pgTable('office_rules', {
  /** GB/T 2260 code of the division, or 000000 for the national defaults. */
  scopeCode: text('scope_code').primaryKey(),
  settings: jsonb('settings').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
