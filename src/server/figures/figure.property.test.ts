/**
 * Property tests on random registries: every figure equals what a plain reading of the counting
 * rules gives, and the records behind each figure are exactly the pairs that make it up.
 */
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePartialDate } from '../../shared/dates.js';
import { CONTINENTS, LEVEL_OF_DIVISION, LEVELS } from '../../shared/enums.js';
import type { FigureRecord, Figures } from '../../shared/schemas/figures.js';
import { systemActor } from '../auth/actor.js';
import { countryGroupMembers } from '../db/schema.js';
import { getReferenceCache } from '../places/reference-cache.js';
import { createTestDb } from '../testing/test-db.js';
import { clearRegistry, insertPairs, type PairSpec } from './figure.fixtures.js';
import { getFigures, listFigureRecords, monthsPerNew } from './figure.service.js';

const handle = await createTestDb();
const db = handle.db;
const cache = getReferenceCache();

const SIDES = ['430000', '430100', '430181', '430102', '430200', '430223', '420000', '420100', '110000', '110101'];
const SCOPES = ['000000', '430000', '430100', '430181', '430200', '110000', '420100'];
const COUNTRIES = ['JP', 'MN', 'SG', 'FR', 'RU', 'GH', 'US', 'BR', 'AU', 'KR'];

const dayArb = fc
  .date({ min: new Date('1975-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const partialArb = fc
  .tuple(dayArb, fc.constantFrom('year', 'month', 'day'))
  .map(([d, p]) => (p === 'year' ? d.slice(0, 4) : p === 'month' ? d.slice(0, 7) : d));

const pairArb = fc.record({
  cnCode: fc.constantFrom(...SIDES),
  country: fc.constantFrom(...COUNTRIES),
  place: fc.constantFrom('A', 'B', 'C'),
  kind: fc.constantFrom('friendship' as const, 'exchange' as const),
  establishedOn: fc.option(partialArb, { freq: 5 }),
  endedOn: fc.option(dayArb, { freq: 3 }),
});

const registryArb = fc.uniqueArray(pairArb, {
  maxLength: 40,
  selector: (p) => `${p.cnCode}|${p.country}|${p.place}|${p.kind}`,
});

const queryArb = fc.record({
  scope: fc.constantFrom(...SCOPES),
  asOf: dayArb,
  since: fc.option(partialArb, { nil: undefined }),
  kind: fc.constantFrom('friendship' as const, 'exchange' as const),
});

function inScope(scope: string, cnCode: string): boolean {
  if (scope === '000000') return true;
  const side = cache.divisions.get(cnCode);
  const level = cache.divisions.get(scope)?.level;
  if (!side) return false;
  if (level === 'province') return side.provinceCode === scope;
  if (level === 'prefecture') return side.prefectureCode === scope;
  return cnCode === scope;
}

/** The figures as the counting rules read, computed from the pairs in memory. */
function expectedFigures(
  pairs: PairSpec[],
  q: { scope: string; asOf: string; since?: string; kind: string },
  bri: Set<string>,
) {
  const counted = pairs.filter((p) => {
    const established = p.establishedOn ? (parsePartialDate(p.establishedOn)?.date as string) : null;
    return (
      p.kind === q.kind &&
      inScope(q.scope, p.cnCode) &&
      (established === null || established <= q.asOf) &&
      (!p.endedOn || p.endedOn > q.asOf)
    );
  });
  const levelOf = (p: PairSpec) => LEVEL_OF_DIVISION[cache.divisions.get(p.cnCode)?.level ?? 'county'];
  const continentOf = (p: PairSpec) => cache.countries.get(p.country)?.continent;
  const since = q.since ? (parsePartialDate(q.since)?.date as string) : null;
  const sinceCount = since
    ? counted.filter((p) => p.establishedOn && (parsePartialDate(p.establishedOn)?.date as string) >= since).length
    : 0;
  const inBri = counted.filter((p) => bri.has(p.country));
  return {
    total: counted.length,
    byLevel: Object.fromEntries(LEVELS.map((l) => [l, counted.filter((p) => levelOf(p) === l).length])),
    countries: new Set(counted.map((p) => p.country)).size,
    foreignPlaces: new Set(counted.map((p) => `${p.country}|${p.place}`)).size,
    byContinent: Object.fromEntries(CONTINENTS.map((c) => [c, counted.filter((p) => continentOf(p) === c).length])),
    since: since ? { from: since, count: sinceCount, monthsPerNew: monthsPerNew(since, q.asOf, sinceCount) } : null,
    bri: {
      countries: new Set(inBri.map((p) => p.country)).size,
      places: new Set(inBri.map((p) => `${p.country}|${p.place}`)).size,
    },
  };
}

async function allRecords(
  query: { scope: string; asOf: string; since?: string; kind: 'friendship' | 'exchange' },
  figure: string,
) {
  const page = await listFigureRecords({
    db,
    actor: systemActor('test'),
    query: { ...query, figure, page: 1, perPage: 500 },
  });
  return { total: page.total, rows: page.data as FigureRecord[] };
}

describe('figures on random registries', () => {
  it('match the counting rules, and each figure lists exactly the records that make it', async () => {
    const bri = new Set(
      (await db.select().from(countryGroupMembers).where(eq(countryGroupMembers.groupCode, 'bri'))).map(
        (m) => m.countryIso2,
      ),
    );
    await fc.assert(
      fc.asyncProperty(registryArb, queryArb, async (registry, rawQuery) => {
        const pairs: PairSpec[] = registry.map((p) => ({ ...p }));
        const sinceDate = rawQuery.since ? (parsePartialDate(rawQuery.since)?.date as string) : undefined;
        const query = { ...rawQuery, since: sinceDate && sinceDate <= rawQuery.asOf ? rawQuery.since : undefined };
        await clearRegistry(db);
        await insertPairs(db, pairs);

        const figures: Figures = await getFigures({ db, actor: systemActor('test'), query });
        const want = expectedFigures(pairs, query, bri);
        expect(figures).toMatchObject({
          total: want.total,
          byLevel: want.byLevel,
          countries: want.countries,
          foreignPlaces: want.foreignPlaces,
          byContinent: want.byContinent,
          since: want.since,
        });
        expect(figures.groups.bri).toEqual(want.bri);

        // Counts of pairs: the records are exactly as many as the figure says.
        const counts: [string, number][] = [
          ['total', figures.total],
          ...LEVELS.map((l): [string, number] => [`byLevel.${l}`, figures.byLevel[l]]),
          ...CONTINENTS.map((c): [string, number] => [`byContinent.${c}`, figures.byContinent[c]]),
          ...(figures.since ? [['since', figures.since.count] as [string, number]] : []),
        ];
        for (const [figure, value] of counts) {
          const records = await allRecords(query, figure);
          expect(records.total, figure).toBe(value);
          expect(records.rows, figure).toHaveLength(value);
        }
        // Distinct counts: the records are the pairs counted, and they hold that many distinct values.
        const all = await allRecords(query, 'total');
        const byCountry = await allRecords(query, 'countries');
        expect(byCountry.total).toBe(figures.total);
        expect(new Set(byCountry.rows.map((r) => r.countryIso2)).size).toBe(figures.countries);
        const byPlace = await allRecords(query, 'foreignPlaces');
        expect(new Set(byPlace.rows.map((r) => `${r.countryIso2}|${r.partnerNameEn}`)).size).toBe(
          figures.foreignPlaces,
        );
        expect(byPlace.rows.map((r) => r.id).sort()).toEqual(all.rows.map((r) => r.id).sort());
        const briCountries = await allRecords(query, 'groups.bri.countries');
        const briPlaces = await allRecords(query, 'groups.bri.places');
        expect(new Set(briCountries.rows.map((r) => r.countryIso2)).size).toBe(figures.groups.bri?.countries);
        expect(new Set(briPlaces.rows.map((r) => `${r.countryIso2}|${r.partnerNameEn}`)).size).toBe(
          figures.groups.bri?.places,
        );
        expect(briPlaces.rows.every((r) => bri.has(r.countryIso2))).toBe(true);

        // Rank: the records are the provinces compared.
        const rank = await listFigureRecords({
          db,
          actor: systemActor('test'),
          query: { ...query, figure: 'rank', page: 1, perPage: 500 },
        });
        expect(rank.total).toBe(figures.rank?.of ?? 0);
      }),
      { numRuns: 40 },
    );
  });
});
