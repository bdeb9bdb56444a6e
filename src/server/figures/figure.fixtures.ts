/**
 * Test data for figures: foreign places, partnerships and benchmarks written straight into the
 * tables (figures read whatever the registry holds, however it got there), many rows at a time.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { parsePartialDate } from '../../shared/dates.js';
import { type Kind, LEVEL_OF_DIVISION, type Status } from '../../shared/enums.js';
import type { DbOrTx } from '../db/client.js';
import { benchmarks, countryGroupMembers, countryGroups, foreignPlaces, partnerships } from '../db/schema.js';
import { getReferenceCache } from '../places/reference-cache.js';

export type PairSpec = {
  cnCode: string;
  country: string;
  /** English name of the foreign place; a new one per pair when omitted. */
  place?: string;
  kind?: Kind;
  status?: Status;
  /** YYYY, YYYY-MM or YYYY-MM-DD; null for an undated pair. */
  establishedOn?: string | null;
  endedOn?: string | null;
};

let placeCounter = 0;

/** Inserts the pairs (and any foreign place they name that is missing); returns their ids in order. */
export async function insertPairs(db: DbOrTx, specs: readonly PairSpec[]): Promise<number[]> {
  const cache = getReferenceCache();
  const named = specs.map((s) => ({ ...s, place: s.place ?? `Place ${++placeCounter}` }));
  const placeKeys = [...new Map(named.map((s) => [`${s.country}|${s.place}`, s])).values()];
  const placeIds = new Map<string, number>();
  for (let i = 0; i < placeKeys.length; i += 1000) {
    const batch = placeKeys.slice(i, i + 1000);
    await db
      .insert(foreignPlaces)
      .values(
        batch.map((s) => ({
          countryIso2: s.country,
          nameEn: s.place,
          nameKey: s.place.toLowerCase(),
          search: s.place.toLowerCase(),
          sortKey: s.place.toLowerCase(),
        })),
      )
      .onConflictDoNothing();
    const rows = await db
      .select({ id: foreignPlaces.id, countryIso2: foreignPlaces.countryIso2, nameKey: foreignPlaces.nameKey })
      .from(foreignPlaces)
      .where(
        inArray(
          sql`${foreignPlaces.countryIso2} || '|' || ${foreignPlaces.nameKey}`,
          batch.map((s) => `${s.country}|${s.place.toLowerCase()}`),
        ),
      );
    for (const r of rows) placeIds.set(`${r.countryIso2}|${r.nameKey}`, r.id);
  }
  const values = named.map((s) => {
    const division = cache.divisions.get(s.cnCode);
    if (!division) throw new Error(`no division ${s.cnCode}`);
    const established = s.establishedOn ? parsePartialDate(s.establishedOn) : undefined;
    if (s.establishedOn && !established) throw new Error(`bad date ${s.establishedOn}`);
    const foreignPlaceId = placeIds.get(`${s.country}|${s.place.toLowerCase()}`);
    if (foreignPlaceId === undefined) throw new Error(`no place ${s.place}`);
    return {
      cnCode: s.cnCode,
      provinceCode: division.provinceCode,
      prefectureCode: division.prefectureCode,
      level: LEVEL_OF_DIVISION[division.level],
      foreignPlaceId,
      countryIso2: s.country,
      kind: s.kind ?? 'friendship',
      status: s.status ?? (s.endedOn ? 'ended' : 'active'),
      establishedOn: established?.date ?? null,
      establishedPrecision: established?.precision ?? null,
      endedOn: s.endedOn ?? null,
      search: `${s.cnCode} ${s.place}`.toLowerCase(),
      sortKey: `${division.nameEn} ${s.place}`.toLowerCase(),
    };
  });
  const ids: number[] = [];
  for (let i = 0; i < values.length; i += 1000) {
    const rows = await db
      .insert(partnerships)
      .values(values.slice(i, i + 1000))
      .returning({ id: partnerships.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

export type BenchmarkSpec = { scopeCode: string; total: number; asOf: string; kind?: Kind; source?: string };

export async function insertBenchmarks(db: DbOrTx, specs: readonly BenchmarkSpec[]): Promise<number[]> {
  if (specs.length === 0) return [];
  const rows = await db
    .insert(benchmarks)
    .values(
      specs.map((b) => {
        const asOf = parsePartialDate(b.asOf);
        if (!asOf) throw new Error(`bad date ${b.asOf}`);
        return {
          scopeCode: b.scopeCode,
          kind: b.kind ?? 'friendship',
          total: b.total,
          asOf: asOf.date,
          asOfPrecision: asOf.precision,
          source: b.source ?? 'test',
        };
      }),
    )
    .returning({ id: benchmarks.id });
  return rows.map((r) => r.id);
}

/** A country group of the test's own, with members and the days they joined. */
export async function insertGroup(db: DbOrTx, code: string, members: { iso2: string; joinedOn: string | null }[]) {
  await db.insert(countryGroups).values({ code, nameZh: code, nameEn: code });
  await db
    .insert(countryGroupMembers)
    .values(members.map((m) => ({ groupCode: code, countryIso2: m.iso2, joinedOn: m.joinedOn })));
}

export async function deleteGroup(db: DbOrTx, code: string) {
  await db.delete(countryGroupMembers).where(eq(countryGroupMembers.groupCode, code));
  await db.delete(countryGroups).where(and(eq(countryGroups.code, code)));
}

/** Empties what the figures read, so that each test starts from a known registry. */
export async function clearRegistry(db: DbOrTx) {
  await db.delete(partnerships);
  await db.delete(benchmarks);
  await db.delete(foreignPlaces);
}
