/** Life cycle: a partnership's stage history and approvals. */
import { boolean, date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { partnerships } from './partnerships.js';

/**
 * Every move of a partnership through its life cycle (src/shared/lifecycle.ts): the state before and
 * after, the day it happened, who recorded it and the paper behind it. Replaying the moves from the
 * first `from` gives the partnership's current stage, status and kind.
 */
export const partnershipStageEvents = pgTable(
  'partnership_stage_events',
  {
    id: serial('id').primaryKey(),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    /** exchange | propose | approve | establish | dormant | reactivate | end | promote | correct */
    move: text('move').notNull(),
    fromStage: text('from_stage').notNull(),
    fromStatus: text('from_status').notNull(),
    fromKind: text('from_kind').notNull(),
    toStage: text('to_stage').notNull(),
    toStatus: text('to_status').notNull(),
    toKind: text('to_kind').notNull(),
    /** The day it happened (the letter's, the approval's, the signing's date), not when it was typed in. */
    occurredOn: date('occurred_on').notNull(),
    /** city | province | national, for an approval */
    approvalLevel: text('approval_level'),
    /** Who approved or signed: an office, an official, the association. */
    approver: text('approver'),
    /** The document number or letter reference, e.g. 湘外办函〔2023〕12号. */
    reference: text('reference'),
    /** Why: required to end, to fall dormant and to come back. */
    reason: text('reason'),
    /** Where it was signed, for establish and promote. */
    place: text('place'),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    /** True for an illustrative history of the demo; never for a sourced one. */
    isDemo: boolean('is_demo').notNull().default(false),
    sourceUrl: text('source_url'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partnership_stage_events_partnership_idx').on(t.partnershipId, t.id)],
);

/** The approvals of a proposed partnership, in their order city → province → national association. */
export const partnershipApprovals = pgTable(
  'partnership_approvals',
  {
    id: serial('id').primaryKey(),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    /** The history event that recorded it. */
    eventId: integer('event_id')
      .notNull()
      .references(() => partnershipStageEvents.id, { onDelete: 'cascade' }),
    /** city | province | national */
    level: text('level').notNull(),
    approver: text('approver').notNull(),
    approvedOn: date('approved_on').notNull(),
    reference: text('reference'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partnership_approvals_partnership_idx').on(t.partnershipId, t.id)],
);
