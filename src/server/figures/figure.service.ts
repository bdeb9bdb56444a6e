/**
 * Figures: every number about a scope (the whole country, a province, a prefecture, a county) as
 * of a date, computed from the registry by a few aggregate queries, and the records behind each.
 *
 * Counting rules (the same for every figure and for its records):
 * - a pair counts from its established_on (inclusive) until its ended_on (exclusive); a partial
 *   date is stored as the first day of its period, so "2018" counts from 2018-01-01;
 * - a pair without an established_on counts as existing (it is in the registry, so it was signed at
 *   some time before now), but never as new in `since`;
 * - `since` counts the pairs of `total` established on or after `from`;
 * - friendship and exchange pairs are counted separately (`kind`).
 */

import { formatPartialDate, monthsBetween, parsePartialDate, today } from '../../shared/dates.js';
import type { Continent, Kind, Level, Precision } from '../../shared/enums.js';
import { validationFailed } from '../../shared/errors.js';
import type { ListEnvelope } from '../../shared/list.js';
import type {
  FigureRecord,
  FigureRecordsQuery,
  Figures,
  FiguresQuery,
  RankRecord,
} from '../../shared/schemas/figures.js';
import { type Actor, assertCanRead } from '../auth/actor.js';
import type { DbOrTx } from '../db/client.js';
import { readAll } from '../db/sql.js';
import { getReferenceCache, type ReferenceCache } from '../places/reference-cache.js';
import { resolveScope } from '../places/scope.js';
import { presentFigureRecord } from './figure.presenter.js';
import {
  type BenchmarkUsed,
  type CountedFilter,
  hasGroup,
  type RecordFilter,
  type RecordOrder,
  selectFigureSummary,
  selectLatestBenchmarks,
  selectProvinceCoverage,
  selectProvinceTotals,
  selectRecordPage,
} from './figure.repo.js';
import { cachedByGeneration } from './figure-cache.js';

/** Provincial-level divisions outside the mainland, which a ranking of provinces leaves out. */
const NON_MAINLAND = new Set(['710000', '810000', '820000']);
type Scope = {
  code: string;
  nameZh: string;
  nameEn: string;
  level: 'national' | 'province' | 'prefecture' | 'county';
};

type Resolved = { scope: Scope; filter: CountedFilter; since: string | null };

/** Resolves the scope code and the dates of a query; unknown codes and impossible dates fail here. */
function resolveQuery(query: FiguresQuery): Resolved {
  const asOf = query.asOf ?? today();
  if (parsePartialDate(asOf)?.precision !== 'day') {
    throw validationFailed([{ path: 'asOf', message: 'a real day as YYYY-MM-DD', rule: 'date', value: query.asOf }]);
  }
  let since: string | null = null;
  if (query.since !== undefined) {
    const parsed = parsePartialDate(query.since);
    if (!parsed) {
      throw validationFailed([
        { path: 'since', message: 'a real date as YYYY, YYYY-MM or YYYY-MM-DD', rule: 'date', value: query.since },
      ]);
    }
    if (parsed.date > asOf) {
      throw validationFailed([
        {
          path: 'since',
          message: `must be on or before asOf (${asOf})`,
          rule: 'since_after_as_of',
          value: query.since,
        },
      ]);
    }
    since = parsed.date;
  }
  const kind: Kind = query.kind ?? 'friendship';
  const { code, nameZh, nameEn, level, subtree } = resolveScope(query.scope);
  return { scope: { code, nameZh, nameEn, level }, filter: { scope: subtree, kind, asOf }, since };
}

/** The figures of a scope as of a date. */
export async function getFigures({
  db,
  actor,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  query: FiguresQuery;
}): Promise<Figures> {
  assertCanRead(actor, query.scope);
  const resolved = resolveQuery(query);
  const { scope, filter, since } = resolved;
  return cachedByGeneration(db, `figures|${scope.code}|${filter.kind}|${filter.asOf}|${since ?? ''}`, () =>
    computeFigures(db, resolved),
  );
}

async function computeFigures(db: DbOrTx, { scope, filter, since }: Resolved): Promise<Figures> {
  const [counts, rankInputs] = await readAll(db, [
    () => selectFigureSummary(db, filter, since),
    () => loadRankInputs(db, scope, filter),
  ]);
  const ranking = rankInputs ? rankOf(scope, rankInputs, counts.total) : null;
  return {
    scope: { code: scope.code, nameZh: scope.nameZh, nameEn: scope.nameEn },
    asOf: filter.asOf,
    kind: filter.kind,
    total: counts.total,
    byLevel: { provincial: counts.provincial, city: counts.city, county: counts.county },
    countries: counts.countries,
    foreignPlaces: counts.foreignPlaces,
    byContinent: {
      asia: counts.asia,
      europe: counts.europe,
      africa: counts.africa,
      americas: counts.americas,
      oceania: counts.oceania,
    },
    since: since
      ? {
          from: since,
          count: counts.sinceCount,
          monthsPerNew: monthsPerNew(since, filter.asOf, counts.sinceCount),
        }
      : null,
    groups: Object.fromEntries(counts.groups.map(([code, countries, places]) => [code, { countries, places }])),
    rank: ranking ? { position: ranking.position, of: ranking.entries.length, basis: ranking.basis } : null,
  };
}

/** Months from `from` to `asOf` per new pair, to one decimal; null when there is no new pair. */
export function monthsPerNew(from: string, asOf: string, count: number): number | null {
  if (count === 0) return null;
  return Math.round((monthsBetween(from, asOf) / count) * 10) / 10;
}

type RankEntry = {
  scopeCode: string;
  total: number;
  source: 'registry' | 'benchmark';
  benchmark: BenchmarkUsed | null;
};
type Ranking = { position: number; basis: 'registry' | 'benchmarks'; entries: RankEntry[] };
type RankInputs =
  | { basis: 'registry'; totals: Map<string, number> }
  | { basis: 'benchmarks'; benchmarks: BenchmarkUsed[] };

function mainlandProvinces(cache: ReferenceCache): string[] {
  return [...cache.divisions.values()]
    .filter((d) => d.level === 'province' && !NON_MAINLAND.has(d.code))
    .map((d) => d.code)
    .sort();
}

/**
 * Per-province totals by database, kind and date, each with the snapshot it was counted in. Counting
 * every province reads every pair of the kind (tens of milliseconds at national scale), so the
 * totals are reused while the database shows the same snapshot: any committed or rolled-back write
 * anywhere changes the snapshot, so a reused total is never stale.
 */
const provinceTotalsCache = new WeakMap<object, Map<string, { snapshot: string; totals: Map<string, number> }>>();
const PROVINCE_TOTALS_CACHED = 32;

/** What a province's rank is computed from: the registry when it holds every province, else benchmarks. */
async function loadRankInputs(db: DbOrTx, scope: Scope, filter: CountedFilter): Promise<RankInputs | null> {
  if (scope.level !== 'province') return null;
  const provinces = mainlandProvinces(getReferenceCache());
  const dated = { kind: filter.kind, asOf: filter.asOf };
  const [coverage, benchmarks] = await readAll(db, [
    () => selectProvinceCoverage(db, dated, provinces),
    () => selectLatestBenchmarks(db, { ...dated, scopeCodes: provinces.filter((code) => code !== scope.code) }),
  ]);
  if (coverage.covered < provinces.length) return { basis: 'benchmarks', benchmarks };

  const key = `${filter.kind}|${filter.asOf}`;
  const cached = provinceTotalsCache.get(db) ?? new Map();
  provinceTotalsCache.set(db, cached);
  const hit = cached.get(key);
  if (hit && hit.snapshot === coverage.snapshot) return { basis: 'registry', totals: hit.totals };
  const rows = await selectProvinceTotals(db, dated);
  const totals = new Map(rows.map((r) => [r.provinceCode, r.total]));
  if (rows[0]) {
    cached.delete(key);
    cached.set(key, { snapshot: rows[0].snapshot, totals });
    if (cached.size > PROVINCE_TOTALS_CACHED) cached.delete(cached.keys().next().value as string);
  }
  return { basis: 'registry', totals };
}

/**
 * Rank of a province among the provinces. From the registry when it holds every mainland province
 * (each has at least one pair of the kind on the date); otherwise from the latest benchmark of each
 * other province on or before the date, with the scope's own total from the registry. Ties share a
 * rank: position = 1 + the number of provinces with a strictly greater total.
 */
function rankOf(scope: Scope, inputs: RankInputs, registryTotal: number): Ranking {
  const entries: RankEntry[] =
    inputs.basis === 'registry'
      ? mainlandProvinces(getReferenceCache()).map((code) => ({
          scopeCode: code,
          total: inputs.totals.get(code) ?? 0,
          source: 'registry',
          benchmark: null,
        }))
      : [
          { scopeCode: scope.code, total: registryTotal, source: 'registry', benchmark: null },
          ...inputs.benchmarks.map((b) => ({
            scopeCode: b.scopeCode,
            total: b.total,
            source: 'benchmark' as const,
            benchmark: b,
          })),
        ];
  const own = entries.find((e) => e.scopeCode === scope.code)?.total ?? registryTotal;
  const position = 1 + entries.filter((e) => e.total > own).length;
  return { position, basis: inputs.basis, entries };
}

type FigureRef =
  | { kind: 'pairs'; records: RecordFilter; order: RecordOrder }
  | { kind: 'rank' }
  | { kind: 'invalid'; message: string };

function figureRefOf(name: string, since: string | null): FigureRef {
  const [head, second, third] = name.split('.');
  switch (head) {
    case 'total':
      return { kind: 'pairs', records: { by: 'all' }, order: 'name' };
    case 'byLevel':
      return { kind: 'pairs', records: { by: 'level', level: second as Level }, order: 'name' };
    case 'countries':
      return { kind: 'pairs', records: { by: 'all' }, order: 'country' };
    case 'foreignPlaces':
      return { kind: 'pairs', records: { by: 'all' }, order: 'place' };
    case 'byContinent':
      return { kind: 'pairs', records: { by: 'continent', continent: second as Continent }, order: 'country' };
    case 'since':
      if (!since) return { kind: 'invalid', message: 'the figure since needs a since date' };
      return { kind: 'pairs', records: { by: 'since', from: since }, order: 'established' };
    case 'groups':
      return {
        kind: 'pairs',
        records: { by: 'group', code: second as string },
        order: third === 'places' ? 'place' : 'country',
      };
    case 'rank':
      return { kind: 'rank' };
    default:
      return { kind: 'invalid', message: `unknown figure ${name}` };
  }
}

/**
 * The records behind one figure, as a page of the list envelope. For a count of pairs, exactly the
 * pairs counted; for a distinct count (countries, foreignPlaces, groups.*), the pairs that make it up,
 * ordered by country or place. For rank, the provinces compared: the benchmark rows used and the
 * scope's own registry total (or every province's registry total when the registry holds them all).
 */
export async function listFigureRecords({
  db,
  actor,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  query: FigureRecordsQuery;
}): Promise<ListEnvelope<FigureRecord> | ListEnvelope<RankRecord>> {
  assertCanRead(actor, query.scope);
  const { scope, filter, since } = resolveQuery(query);
  const { page, perPage } = query;
  const ref = figureRefOf(query.figure, since);
  if (ref.kind === 'invalid') {
    throw validationFailed([{ path: 'figure', message: ref.message, rule: 'figure', value: query.figure }]);
  }
  if (ref.kind === 'rank') {
    const inputs = await loadRankInputs(db, scope, filter);
    if (!inputs) return { data: [], total: 0, page, perPage };
    const registryTotal = inputs.basis === 'benchmarks' ? (await selectFigureSummary(db, filter, null)).total : 0;
    const rows = presentRanking(getReferenceCache(), scope.code, rankOf(scope, inputs, registryTotal));
    return { data: rows.slice((page - 1) * perPage, page * perPage), total: rows.length, page, perPage };
  }
  if (ref.records.by === 'group' && !(await hasGroup(db, ref.records.code))) {
    throw validationFailed([
      { path: 'figure', message: `no country group ${ref.records.code}`, rule: 'unknown_group', value: query.figure },
    ]);
  }
  const { rows, total } = await selectRecordPage(db, filter, ref.records, {
    order: ref.order,
    limit: perPage,
    offset: (page - 1) * perPage,
  });
  return { data: rows.map(presentFigureRecord), total, page, perPage };
}

function presentRanking(cache: ReferenceCache, scopeCode: string, ranking: Ranking): RankRecord[] {
  const sorted = [...ranking.entries].sort((a, b) => b.total - a.total || a.scopeCode.localeCompare(b.scopeCode));
  return sorted.map((e) => {
    const division = cache.divisions.get(e.scopeCode);
    return {
      position: 1 + sorted.filter((o) => o.total > e.total).length,
      scopeCode: e.scopeCode,
      nameZh: division?.nameZh ?? e.scopeCode,
      nameEn: division?.nameEn ?? e.scopeCode,
      total: e.total,
      source: e.source,
      isScope: e.scopeCode === scopeCode,
      benchmark: e.benchmark
        ? {
            id: e.benchmark.id,
            asOf: formatPartialDate(e.benchmark.asOf, e.benchmark.asOfPrecision as Precision),
            source: e.benchmark.source,
            sourceUrl: e.benchmark.sourceUrl,
          }
        : null,
    };
  });
}
