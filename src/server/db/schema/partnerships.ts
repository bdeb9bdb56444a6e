import { sql } from 'drizzle-orm';
/** The registry: one Chinese division paired with one foreign place. */
import { boolean, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { cnDivisions, foreignPlaces } from './reference.js';

export const partnerships = pgTable(
  'partnerships',
  {
    id: serial('id').primaryKey(),
    cnCode: text('cn_code')
      .notNull()
      .references(() => cnDivisions.code),
    /** Province and prefecture of the Chinese side, so that a subtree filter is one indexed equality. */
    provinceCode: text('province_code').notNull(),
    prefectureCode: text('prefecture_code'),
    /** provincial | city | county — always derived from the Chinese side's division level. */
    level: text('level').notNull(),
    foreignPlaceId: integer('foreign_place_id')
      .notNull()
      .references(() => foreignPlaces.id),
    /** Denormalised from the foreign place so that country filters need no join. */
    countryIso2: text('country_iso2').notNull(),
    /** friendship | exchange */
    kind: text('kind').notNull(),
    /**
     * intent | exchanging | proposed | approved | established: the steps before signing, moved only by
     * the life cycle (src/server/lifecycle); only established pairs are counted in figures.
     */
    stage: text('stage').notNull().default('established'),
    /** active | dormant | ended */
    status: text('status').notNull(),
    /** First day of the period when only a year or a month is known; see establishedPrecision. */
    establishedOn: date('established_on'),
    /** year | month | day */
    establishedPrecision: text('established_precision'),
    endedOn: date('ended_on'),
    endedReason: text('ended_reason'),
    sourceUrl: text('source_url'),
    notes: text('notes'),
    /** True for illustrative records that the demo made up; never for sourced facts. */
    isDemo: boolean('is_demo').notNull().default(false),
    /**
     * Open data: true publishes the pair, false withholds it, null follows the nearest scope at or
     * above its division in open_scopes (none: withheld).
     */
    isPublic: boolean('is_public'),
    /** The notes (and the ended reason) are for the office only and never leave in open data. */
    notesInternal: boolean('notes_internal').notNull().default(false),
    search: text('search').notNull(),
    sortKey: text('sort_key').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('partnerships_natural_key_idx').on(t.cnCode, t.foreignPlaceId, t.kind),
    index('partnerships_cn_code_idx').on(t.cnCode),
    // Covers the figures' counting (province, kind and the two dates), so that counting every
    // province's pairs is an index-only scan once the table is vacuumed.
    index('partnerships_province_kind_idx').on(t.provinceCode, t.kind, t.stage, t.establishedOn, t.endedOn),
    // A province's or a prefecture's list page in name order reads its first rows off these.
    index('partnerships_province_sort_idx').on(t.provinceCode, t.sortKey, t.id),
    index('partnerships_prefecture_sort_idx').on(t.prefectureCode, t.sortKey, t.id),
    index('partnerships_sort_idx').on(t.sortKey, t.id),
    index('partnerships_country_idx').on(t.countryIso2),
    index('partnerships_established_idx').on(t.establishedOn),
    // The list's text search (`search LIKE '%…%'`) by trigrams instead of reading every pair
    // (pg_trgm, which PGlite ships too; the migration creates the extension).
    index('partnerships_search_trgm_idx').using('gin', sql`${t.search} gin_trgm_ops`),
  ],
);
