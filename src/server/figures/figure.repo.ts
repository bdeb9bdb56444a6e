/**
 * Database access for figures: aggregate counts over the pairs that exist in a scope on a date, and
 * the pages of records behind each count. Every figure and its records share one predicate
 * (countedWhere), so a figure and the list behind it cannot drift apart.
 */

import { and, asc, desc, eq, gt, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { CONTINENTS, type Continent, type Kind, type Level } from '../../shared/enums.js';
import type { DbOrTx } from '../db/client.js';
import {
  benchmarks,
  cnDivisions,
  countries,
  countryGroupMembers,
  countryGroups,
  foreignPlaces,
  partnerships,
} from '../db/schema.js';
import { pgArray, queryRows, readPage } from '../db/sql.js';
import { type Subtree, subtreeWhere } from '../db/subtree.js';

export type CountedFilter = {
  /** null for the whole country */
  scope: Subtree | null;
  kind: Kind;
  /** YYYY-MM-DD */
  asOf: string;
};

/** Which of the counted pairs a figure is about. */
export type RecordFilter =
  | { by: 'all' }
  | { by: 'level'; level: Level }
  | { by: 'continent'; continent: Continent }
  | { by: 'since'; from: string }
  | { by: 'group'; code: string };

export type RecordOrder = 'name' | 'country' | 'place' | 'established';

const p = partnerships;

/**
 * The pairs that exist on asOf: established on or before it — an undated pair counts as existing —
 * and not ended by it (a pair ended on asOf no longer counts). Status is not consulted: the dates
 * decide, so that a figure for a past date is what it was then.
 */
export function countedWhere(filter: CountedFilter): SQL {
  return and(
    eq(p.kind, filter.kind),
    subtreeWhere(p, filter.scope),
    // Letters of intent, proposals and approved pairs not yet signed are not partnerships yet.
    eq(p.stage, 'established'),
    or(isNull(p.establishedOn), lte(p.establishedOn, filter.asOf)),
    or(isNull(p.endedOn), gt(p.endedOn, filter.asOf)),
  ) as SQL;
}

/** Countries that belong to a group on a date: joined then or earlier, or with no joining date. */
function memberOn(asOf: string): SQL {
  return or(isNull(countryGroupMembers.joinedOn), lte(countryGroupMembers.joinedOn, asOf)) as SQL;
}

function recordCondition(db: DbOrTx, filter: RecordFilter, asOf: string): SQL | undefined {
  switch (filter.by) {
    case 'all':
      return undefined;
    case 'level':
      return eq(p.level, filter.level);
    case 'continent':
      return inArray(
        p.countryIso2,
        db.select({ iso2: countries.iso2 }).from(countries).where(eq(countries.continent, filter.continent)),
      );
    case 'since':
      return gte(p.establishedOn, filter.from);
    case 'group':
      return inArray(
        p.countryIso2,
        db
          .select({ iso2: countryGroupMembers.countryIso2 })
          .from(countryGroupMembers)
          .where(and(eq(countryGroupMembers.groupCode, filter.code), memberOn(asOf))),
      );
  }
}

const count = sql<number>`count(*)::int`;

export type FigureSummary = {
  total: number;
  provincial: number;
  city: number;
  county: number;
  countries: number;
  foreignPlaces: number;
  sinceCount: number;
  /** [group code, distinct countries, distinct places] for every country group */
  groups: [string, number, number][];
} & Record<Continent, number>;

/**
 * Every count of the figures except rank, in one statement: the scope's pairs are read once (by
 * the index of the scope's column), then counted by level, country, place, continent, date and
 * country group. Groups come back as [code, countries, places] triples, every group included.
 */
export async function selectFigureSummary(db: DbOrTx, filter: CountedFilter, since: string | null) {
  const continentCounts = sql.join(
    CONTINENTS.map((c) => sql`(count(*) filter (where k.continent = ${c}))::int as ${sql.identifier(c)}`),
    sql`, `,
  );
  const rows = await queryRows<FigureSummary>(
    db,
    sql`with counted as materialized (
        select ${p.level} as level, ${p.countryIso2} as country_iso2, ${p.foreignPlaceId} as place_id,
          ${p.establishedOn} as established_on
        from ${p} where ${countedWhere(filter)}
      ), group_counts as (
        select g.code, count(distinct c.country_iso2)::int as countries, count(distinct c.place_id)::int as places
        from ${countryGroups} g
        left join ${countryGroupMembers} m on m.group_code = g.code
          and (m.joined_on is null or m.joined_on <= ${filter.asOf}::date)
        left join counted c on c.country_iso2 = m.country_iso2
        group by g.code
      )
      select count(*)::int as total,
        (count(*) filter (where c.level = 'provincial'))::int as provincial,
        (count(*) filter (where c.level = 'city'))::int as city,
        (count(*) filter (where c.level = 'county'))::int as county,
        count(distinct c.country_iso2)::int as countries,
        count(distinct c.place_id)::int as "foreignPlaces",
        ${continentCounts},
        ${since ? sql`(count(*) filter (where c.established_on >= ${since}::date))::int` : sql`0`} as "sinceCount",
        (select coalesce(json_agg(json_build_array(code, countries, places) order by code), '[]'::json)
          from group_counts) as groups
      from counted c left join ${countries} k on k.iso2 = c.country_iso2`,
  );
  return rows[0] as FigureSummary;
}

export async function hasGroup(db: DbOrTx, code: string): Promise<boolean> {
  const rows = await db.select({ code: countryGroups.code }).from(countryGroups).where(eq(countryGroups.code, code));
  return rows.length > 0;
}

/**
 * How many of the given provinces have at least one pair counted on the date (one index probe
 * each), and the snapshot of the database that the answer was read from.
 */
export async function selectProvinceCoverage(
  db: DbOrTx,
  filter: Omit<CountedFilter, 'scope'>,
  provinceCodes: readonly string[],
) {
  const rows = await queryRows<{ snapshot: string; covered: number }>(
    db,
    sql`select pg_current_snapshot()::text as snapshot,
      (select count(*) from unnest(${pgArray(provinceCodes)}::text[]) as province(code)
        where exists (select 1 from ${p} where ${p.provinceCode} = province.code
          and ${countedWhere({ ...filter, scope: null })}))::int as covered`,
  );
  return rows[0] as { snapshot: string; covered: number };
}

/**
 * Pairs per province on a date (provinces without any are absent), with the snapshot they were
 * counted in: the one query of the figures that reads every pair of the kind.
 */
export async function selectProvinceTotals(db: DbOrTx, filter: Omit<CountedFilter, 'scope'>) {
  return db
    .select({ provinceCode: p.provinceCode, total: count, snapshot: sql<string>`pg_current_snapshot()::text` })
    .from(p)
    .where(countedWhere({ ...filter, scope: null }))
    .groupBy(p.provinceCode);
}

/** The latest benchmark of each given province on or before a date (the last entered on a tie of dates). */
export async function selectLatestBenchmarks(
  db: DbOrTx,
  filter: { kind: Kind; asOf: string; scopeCodes: readonly string[] },
) {
  if (filter.scopeCodes.length === 0) return [];
  return db
    .selectDistinctOn([benchmarks.scopeCode], {
      id: benchmarks.id,
      scopeCode: benchmarks.scopeCode,
      total: benchmarks.total,
      asOf: benchmarks.asOf,
      asOfPrecision: benchmarks.asOfPrecision,
      source: benchmarks.source,
      sourceUrl: benchmarks.sourceUrl,
    })
    .from(benchmarks)
    .where(
      and(
        eq(benchmarks.kind, filter.kind),
        lte(benchmarks.asOf, filter.asOf),
        inArray(benchmarks.scopeCode, [...filter.scopeCodes]),
      ),
    )
    .orderBy(asc(benchmarks.scopeCode), desc(benchmarks.asOf), desc(benchmarks.id));
}
export type BenchmarkUsed = Awaited<ReturnType<typeof selectLatestBenchmarks>>[number];

function orderOf(order: RecordOrder): SQL[] {
  switch (order) {
    case 'country':
      return [asc(p.countryIso2), asc(p.sortKey), asc(p.id)];
    case 'place':
      return [asc(foreignPlaces.sortKey), asc(p.foreignPlaceId), asc(p.id)];
    case 'established':
      return [asc(p.establishedOn), asc(p.id)];
    case 'name':
      return [asc(p.sortKey), asc(p.id)];
  }
}

/** One page of the pairs behind a figure, with the names a reader needs, and how many there are. */
export async function selectRecordPage(
  db: DbOrTx,
  filter: CountedFilter,
  records: RecordFilter,
  options: { order: RecordOrder; limit: number; offset: number },
) {
  const where = and(countedWhere(filter), recordCondition(db, records, filter.asOf));
  return readPage(
    db,
    () =>
      db
        .select({
          id: p.id,
          cnCode: p.cnCode,
          cnNameZh: cnDivisions.nameZh,
          cnNameEn: cnDivisions.nameEn,
          partnerNameZh: foreignPlaces.nameZh,
          partnerNameEn: foreignPlaces.nameEn,
          countryIso2: p.countryIso2,
          countryNameZh: countries.nameZh,
          countryNameEn: countries.nameEn,
          level: p.level,
          kind: p.kind,
          status: p.status,
          establishedOn: p.establishedOn,
          establishedPrecision: p.establishedPrecision,
          endedOn: p.endedOn,
        })
        .from(p)
        .innerJoin(cnDivisions, eq(cnDivisions.code, p.cnCode))
        .innerJoin(foreignPlaces, eq(foreignPlaces.id, p.foreignPlaceId))
        .leftJoin(countries, eq(countries.iso2, p.countryIso2))
        .where(where)
        .orderBy(...orderOf(options.order))
        .limit(options.limit)
        .offset(options.offset),
    () => db.select({ n: count }).from(p).where(where),
  );
}
export type RecordRow = Awaited<ReturnType<typeof selectRecordPage>>['rows'][number];
