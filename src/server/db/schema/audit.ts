/** The append-only audit trail. */
import { index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every change to a record: who, when, what, before → after, and from which import. Written in the
 * same transaction as the change; the database refuses to update or delete a row of it.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** user | token | system */
    actorKind: text('actor_kind').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    /** The record type, e.g. partnership, activity, user. */
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    /** create | update | delete, or a verb of the record type such as stage or revoke. */
    action: text('action').notNull(),
    /** Division code the record belongs to, so that reading the trail follows the same scopes. */
    cnCode: text('cn_code'),
    before: jsonb('before'),
    after: jsonb('after'),
    importRunId: integer('import_run_id'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId, t.id),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_import_idx').on(t.importRunId),
  ],
);
