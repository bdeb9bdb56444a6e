/** Benchmarks: sourced, dated figures about others, for rankings and checks. */
import { date, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** A sourced, dated figure about a province or the nation, used for rankings and checks. */
export const benchmarks = pgTable(
  'benchmarks',
  {
    id: serial('id').primaryKey(),
    /** GB/T 2260 code of the province, or 000000 for the whole country. */
    scopeCode: text('scope_code').notNull(),
    kind: text('kind').notNull(),
    total: integer('total').notNull(),
    provincial: integer('provincial'),
    city: integer('city'),
    county: integer('county'),
    countries: integer('countries'),
    asOf: date('as_of').notNull(),
    asOfPrecision: text('as_of_precision').notNull(),
    source: text('source').notNull(),
    sourceUrl: text('source_url'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('benchmarks_natural_key_idx').on(t.scopeCode, t.kind, t.asOf, t.total)],
);
