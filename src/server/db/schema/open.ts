/** Open data: what each scope publishes. */
import { boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Open data per scope: whether the pairs of a division and of everything under it are published
 * (a pair's own is_public overrides it; the nearest scope with a row decides).
 */
export const openScopes = pgTable('open_scopes', {
  /** GB/T 2260 code of the division, or 000000 for the whole registry. */
  cnCode: text('cn_code').primaryKey(),
  isPublic: boolean('is_public').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
