/** Database access for partnerships. */

import { and, asc, desc, eq, getTableColumns, gte, inArray, like, lte, type SQL, sql } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import type { PartnershipFilter, PartnershipListQuery } from '../../shared/schemas/partnership.js';
import type { DbOrTx } from '../db/client.js';
import { insertOne, selectById } from '../db/records.js';
import { countries, countryGroupMembers, foreignPlaces, partnerships } from '../db/schema.js';
import { escapeLike } from '../db/sql.js';
import { inDivisionSubtree } from '../db/subtree.js';
import { deleteIfVersion, updateIfVersion } from '../db/versioned.js';
import { type Division, getReferenceCache } from '../places/reference-cache.js';

export type PartnershipRow = typeof partnerships.$inferSelect;
export type NewPartnership = typeof partnerships.$inferInsert;

/**
 * A partnership with both sides, as the presenter needs it. The Chinese side and the countries come
 * from the reference cache (they are reference data, loaded once per process), so a page of pairs
 * joins only the foreign places.
 */
export type PartnershipJoined = {
  p: PartnershipRow;
  cn: Pick<Division, 'code' | 'nameZh' | 'nameEn' | 'level'>;
  place: typeof foreignPlaces.$inferSelect;
};

/** A partnership in a list or an export: every column but the search texts and match keys. */
export type PartnershipListed = {
  p: Omit<PartnershipRow, 'search'>;
  cn: PartnershipJoined['cn'];
  place: Omit<PartnershipJoined['place'], 'search' | 'sortKey' | 'nameKey'>;
};

const joinedColumns = { p: partnerships, place: foreignPlaces };
// Search texts are long and only WHERE and ORDER BY read them: a page of 50 pairs leaves them behind.
const { search: _pairSearch, ...pairColumns } = getTableColumns(partnerships);
const {
  search: _placeSearch,
  sortKey: _placeSort,
  nameKey: _placeKey,
  ...placeColumns
} = getTableColumns(foreignPlaces);
const listedColumns = { p: pairColumns, place: placeColumns };

function withDivision<R extends { p: { cnCode: string } }>(row: R, cache = getReferenceCache()) {
  const division = cache.divisions.get(row.p.cnCode);
  // Every cn_code references cn_divisions, which the cache holds whole; the fallback is never reached.
  const cn = division ?? { code: row.p.cnCode, nameZh: row.p.cnCode, nameEn: row.p.cnCode, level: 'county' as const };
  return { ...row, cn };
}

function withDivisions<R extends { p: { cnCode: string } }>(rows: R[]) {
  const cache = getReferenceCache();
  return rows.map((row) => withDivision(row, cache));
}

/** Pairs joined to their foreign places, selecting the given columns. */
function pairsWithPlaces<T extends SelectedFields>(db: DbOrTx, columns: T) {
  return db
    .select(columns)
    .from(partnerships)
    .innerJoin(foreignPlaces, eq(foreignPlaces.id, partnerships.foreignPlaceId));
}

const joinedQuery = (db: DbOrTx) => pairsWithPlaces(db, joinedColumns);
const listedQuery = (db: DbOrTx) => pairsWithPlaces(db, listedColumns);

export async function selectPartnership(db: DbOrTx, id: number): Promise<PartnershipJoined | undefined> {
  const rows = await joinedQuery(db).where(eq(partnerships.id, id));
  return rows[0] && withDivision(rows[0]);
}

export function selectPartnershipRow(db: DbOrTx, id: number): Promise<PartnershipRow | undefined> {
  return selectById(db, partnerships, id);
}

export async function selectByNaturalKey(db: DbOrTx, cnCode: string, foreignPlaceId: number, kind: string) {
  const rows = await db
    .select()
    .from(partnerships)
    .where(
      and(
        eq(partnerships.cnCode, cnCode),
        eq(partnerships.foreignPlaceId, foreignPlaceId),
        eq(partnerships.kind, kind),
      ),
    );
  return rows[0];
}

export function insertPartnership(db: DbOrTx, row: NewPartnership): Promise<PartnershipRow> {
  return insertOne(db, partnerships, row);
}

/** Updates only when the stored version is the one the caller read; undefined when it is not. */
export function updatePartnershipIfVersion(db: DbOrTx, id: number, version: number, patch: Partial<NewPartnership>) {
  return updateIfVersion(db, partnerships, id, version, patch);
}

export function deletePartnershipIfVersion(db: DbOrTx, id: number, version: number): Promise<boolean> {
  return deleteIfVersion(db, partnerships, id, version);
}

/** The condition that selects the pairs of a division and of every division under it. */
export function subtreeCondition(division: Pick<Division, 'code' | 'level'>): SQL {
  return inDivisionSubtree(partnerships, division);
}

/** WHERE conditions of a list filter (the division is resolved by the service). */
export function filterConditions(filter: PartnershipFilter, division: Division | undefined): SQL[] {
  const conditions: (SQL | undefined)[] = [
    division ? subtreeCondition(division) : undefined,
    filter.level ? inArray(partnerships.level, filter.level) : undefined,
    filter.kind ? inArray(partnerships.kind, filter.kind) : undefined,
    filter.status ? inArray(partnerships.status, filter.status) : undefined,
    filter.stage ? inArray(partnerships.stage, filter.stage) : undefined,
    filter.country ? inArray(partnerships.countryIso2, filter.country) : undefined,
    filter.place !== undefined ? eq(partnerships.foreignPlaceId, filter.place) : undefined,
    filter.continent
      ? inArray(
          partnerships.countryIso2,
          sql`(select ${countries.iso2} from ${countries} where ${inArray(countries.continent, filter.continent)})`,
        )
      : undefined,
    filter.group
      ? inArray(
          partnerships.countryIso2,
          sql`(select ${countryGroupMembers.countryIso2} from ${countryGroupMembers} where ${countryGroupMembers.groupCode} = ${filter.group})`,
        )
      : undefined,
    filter.yearFrom !== undefined ? gte(partnerships.establishedOn, `${filter.yearFrom}-01-01`) : undefined,
    filter.yearTo !== undefined ? lte(partnerships.establishedOn, `${filter.yearTo}-12-31`) : undefined,
    filter.q ? like(partnerships.search, `%${escapeLike(filter.q)}%`) : undefined,
    filter.demo ? eq(partnerships.isDemo, filter.demo === 'true') : undefined,
  ];
  return conditions.filter((c): c is SQL => c !== undefined);
}

const ORDER: Record<PartnershipListQuery['sort'], SQL[]> = {
  name: [asc(partnerships.sortKey), asc(partnerships.id)],
  '-name': [desc(partnerships.sortKey), desc(partnerships.id)],
  established: [sql`${partnerships.establishedOn} asc nulls last`, asc(partnerships.id)],
  '-established': [sql`${partnerships.establishedOn} desc nulls last`, desc(partnerships.id)],
  country: [asc(partnerships.countryIso2), asc(partnerships.sortKey), asc(partnerships.id)],
  level: [
    sql`case ${partnerships.level} when 'provincial' then 1 when 'city' then 2 else 3 end`,
    asc(partnerships.sortKey),
    asc(partnerships.id),
  ],
  id: [asc(partnerships.id)],
};

/**
 * One page and the number of matches, in one round trip. The count is an uncorrelated subquery,
 * which PostgreSQL runs once for the statement by the filters' indexes — except for a text search:
 * `LIKE '%…%'` has no index and reads every pair anyway, so the matches are counted in that same
 * scan (a window over them) instead of a second one. A page past the end carries no row to read
 * the count from, so only then is it asked for apart.
 */
export async function selectPartnershipPage(
  db: DbOrTx,
  conditions: SQL[],
  sort: PartnershipListQuery['sort'],
  page: { limit: number; offset: number; textSearch: boolean },
): Promise<{ rows: PartnershipListed[]; total: number }> {
  const where = conditions.length ? and(...conditions) : undefined;
  const countMatches = db.select({ n: sql<number>`count(*)::int` }).from(partnerships).where(where);
  const total = page.textSearch ? sql<number>`(count(*) over ())::int` : sql<number>`(${countMatches})`;
  const rows = await pairsWithPlaces(db, { ...listedColumns, total })
    .where(where)
    .orderBy(...ORDER[sort])
    .limit(page.limit)
    .offset(page.offset);
  if (rows.length === 0 && page.offset > 0) {
    const counted = await countMatches;
    return { rows: [], total: counted[0]?.n ?? 0 };
  }
  return { rows: withDivisions(rows.map(({ p, place }) => ({ p, place }))), total: rows[0]?.total ?? 0 };
}

/** Streams every matching partnership in pages, for export of any filtered list. */
export async function* iteratePartnerships(
  db: DbOrTx,
  conditions: SQL[],
  batchSize = 5000,
): AsyncGenerator<PartnershipListed[]> {
  let lastKey: { sortKey: string; id: number } | undefined;
  for (;;) {
    const keyset = lastKey
      ? sql`(${partnerships.sortKey}, ${partnerships.id}) > (${lastKey.sortKey}, ${lastKey.id})`
      : undefined;
    const where = and(...conditions, ...(keyset ? [keyset] : []));
    const rows = await listedQuery(db)
      .where(where)
      .orderBy(asc(partnerships.sortKey), asc(partnerships.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield withDivisions(rows);
    const last = rows[rows.length - 1] as PartnershipListed;
    lastKey = { sortKey: last.p.sortKey, id: last.p.id };
    if (rows.length < batchSize) return;
  }
}

/** Rewrites the search text and sort key of every pair of a place (after the place was renamed). */
export async function selectPartnershipsOfPlace(db: DbOrTx, placeId: number) {
  return withDivisions(await joinedQuery(db).where(eq(partnerships.foreignPlaceId, placeId)));
}

export async function setSearchFields(db: DbOrTx, id: number, search: string, sortKey: string) {
  await db.update(partnerships).set({ search, sortKey }).where(eq(partnerships.id, id));
}
