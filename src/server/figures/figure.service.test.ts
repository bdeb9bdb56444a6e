import { and, asc, eq, like } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FigureRecord, FigureRecordsQuery, RankRecord } from '../../shared/schemas/figures.js';
import { systemActor } from '../auth/actor.js';
import { cnDivisions } from '../db/schema.js';
import { createTestDb } from '../testing/test-db.js';
import {
  clearRegistry,
  deleteGroup,
  insertBenchmarks,
  insertGroup,
  insertPairs,
  type PairSpec,
} from './figure.fixtures.js';
import { getFigures, listFigureRecords, monthsPerNew } from './figure.service.js';

const handle = await createTestDb();
const db = handle.db;

const AS_OF = '2024-11-28';
const COUNTRIES = ['JP', 'KR', 'US', 'FR', 'DE', 'GH', 'AU', 'BR', 'RU', 'MN'];

async function recordIds(
  query: Omit<FigureRecordsQuery, 'page' | 'perPage' | 'kind'> & { kind?: 'friendship' | 'exchange' },
) {
  const page = await listFigureRecords({
    db,
    actor: systemActor('test'),
    query: { kind: 'friendship', page: 1, perPage: 500, ...query },
  });
  return { total: page.total, ids: (page.data as FigureRecord[]).map((r) => r.id).sort((a, b) => a - b), page };
}

beforeEach(async () => {
  await clearRegistry(db);
});

describe('figures of Hunan as of 2024-11-28', () => {
  it('counts 110 pairs (31/66/13), 30 since 2018, one new pair every 2.8 months', async () => {
    const prefectures = await db
      .select({ code: cnDivisions.code })
      .from(cnDivisions)
      .where(and(eq(cnDivisions.parentCode, '430000'), eq(cnDivisions.level, 'prefecture')))
      .orderBy(asc(cnDivisions.code));
    const counties = await db
      .select({ code: cnDivisions.code })
      .from(cnDivisions)
      .where(and(like(cnDivisions.code, '43%'), eq(cnDivisions.level, 'county')))
      .orderBy(asc(cnDivisions.code));
    expect(prefectures.length).toBeGreaterThanOrEqual(14);
    expect(counties.length).toBeGreaterThanOrEqual(13);

    const sides = [
      ...Array.from({ length: 31 }, () => '430000'),
      ...Array.from({ length: 66 }, (_, i) => prefectures[i % prefectures.length]?.code as string),
      ...Array.from({ length: 13 }, (_, i) => counties[i * 7]?.code as string),
    ];
    // Every third pair is new (2018 or later) until there are 30; of the older ones some are undated
    // and some known only to the year or month.
    let recent = 0;
    const specs: PairSpec[] = sides.map((cnCode, i) => {
      const isRecent = i % 3 === 0 && recent < 30;
      if (isRecent) recent += 1;
      const establishedOn = isRecent
        ? `${2018 + (i % 7)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`
        : i % 10 === 1
          ? null
          : i % 10 === 2
            ? `${1980 + (i % 37)}`
            : `${1980 + (i % 37)}-${String(1 + (i % 12)).padStart(2, '0')}`;
      return { cnCode, country: COUNTRIES[i % COUNTRIES.length] as string, establishedOn };
    });
    expect(recent).toBe(30);
    // Pairs that must not count: another province, the other kind, ended, not yet signed.
    const noise: PairSpec[] = [
      { cnCode: '420100', country: 'FR', establishedOn: '2019-05-01' },
      { cnCode: '420000', country: 'US', establishedOn: '1990' },
      { cnCode: '430100', country: 'JP', kind: 'exchange', establishedOn: '2020-01-01' },
      { cnCode: '430000', country: 'JP', kind: 'exchange', establishedOn: null },
      { cnCode: '430100', country: 'KR', establishedOn: '1995', endedOn: '2020-05-01' },
      { cnCode: '430100', country: 'KR', establishedOn: '2019-03', endedOn: AS_OF },
      { cnCode: '430200', country: 'DE', establishedOn: '2024-11-29' },
      { cnCode: '430000', country: 'DE', establishedOn: '2025' },
    ];
    await insertPairs(db, [...specs, ...noise]);

    const figures = await getFigures({
      db,
      actor: systemActor('test'),
      query: { scope: '430000', asOf: AS_OF, since: '2018-01-01', kind: 'friendship' },
    });
    expect(figures.total).toBe(110);
    expect(figures.byLevel).toEqual({ provincial: 31, city: 66, county: 13 });
    expect(figures.since).toEqual({ from: '2018-01-01', count: 30, monthsPerNew: 2.8 });
    expect(figures.scope).toEqual({ code: '430000', nameZh: '湖南省', nameEn: 'Hunan' });
    expect(figures.asOf).toBe(AS_OF);
    expect(figures.kind).toBe('friendship');
    expect(Object.keys(figures)).toEqual([
      'scope',
      'asOf',
      'kind',
      'total',
      'byLevel',
      'countries',
      'foreignPlaces',
      'byContinent',
      'since',
      'groups',
      'rank',
    ]);
    expect(figures.countries).toBe(COUNTRIES.length);
    expect(figures.foreignPlaces).toBe(110);
    // JP KR MN; FR DE RU; GH; US BR; AU.
    expect(figures.byContinent).toEqual({ asia: 33, europe: 33, africa: 11, americas: 22, oceania: 11 });
    // Of the ten countries, MN and RU are on the Belt and Road list.
    expect(figures.groups.bri).toEqual({ countries: 2, places: 22 });
    expect(figures.rank).toEqual({ position: 1, of: 1, basis: 'benchmarks' });

    const since = await recordIds({ scope: '430000', asOf: AS_OF, since: '2018', figure: 'since' });
    expect(since.total).toBe(30);
    expect(since.page.data.every((r) => ((r as FigureRecord).establishedOn ?? '') >= '2018')).toBe(true);
  });

  it('works the pace out from the months between the dates, to one decimal', () => {
    expect(monthsPerNew('2018-01-01', '2024-11-28', 30)).toBe(2.8);
    expect(monthsPerNew('2018-01-01', '2024-11-28', 0)).toBeNull();
    expect(monthsPerNew('2024-01-01', '2024-01-01', 3)).toBe(0);
    expect(monthsPerNew('2023-01-01', '2024-01-01', 4)).toBe(3);
  });
});

describe('dates', () => {
  it('counts a pair from its establishment (inclusive) until its end (exclusive)', async () => {
    const [onDay, dayAfter, endedOnDay, endedDayAfter, undated, undatedEnded] = await insertPairs(db, [
      { cnCode: '430100', country: 'JP', establishedOn: '2020-06-15' },
      { cnCode: '430100', country: 'JP', establishedOn: '2020-06-16' },
      { cnCode: '430100', country: 'JP', establishedOn: '2001-01-01', endedOn: '2020-06-15' },
      { cnCode: '430100', country: 'JP', establishedOn: '2001-01-01', endedOn: '2020-06-16' },
      { cnCode: '430100', country: 'JP', establishedOn: null },
      { cnCode: '430100', country: 'JP', establishedOn: null, endedOn: '2010-01-01' },
    ]);
    const at = (asOf: string, since?: string) =>
      getFigures({ db, actor: systemActor('test'), query: { scope: '430100', asOf, since, kind: 'friendship' } });

    const onTheDay = await at('2020-06-15', '2020-01-01');
    expect(onTheDay.total).toBe(3); // onDay, endedDayAfter, undated
    expect(onTheDay.since?.count).toBe(1); // onDay; the undated pair is never new
    const records = await recordIds({ scope: '430100', asOf: '2020-06-15', figure: 'total' });
    expect(records.ids).toEqual([onDay, endedDayAfter, undated].sort((a, b) => (a ?? 0) - (b ?? 0)));

    const before = await at('2020-06-14');
    expect(before.total).toBe(3); // endedOnDay, endedDayAfter, undated
    const after = await at('2020-06-16');
    expect(after.total).toBe(3); // onDay, dayAfter, undated
    expect((await recordIds({ scope: '430100', asOf: '2020-06-16', figure: 'total' })).ids).toEqual(
      [onDay, dayAfter, undated].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    expect(endedOnDay).toBeDefined();
    expect(undatedEnded).toBeDefined();
    // Undated and ended in 2010: it existed before then.
    expect((await at('2009-12-31')).total).toBe(4);
  });

  it('counts a partial date from the first day of its period and shows it at its precision', async () => {
    await insertPairs(db, [
      { cnCode: '430100', country: 'FR', establishedOn: '2018' },
      { cnCode: '430100', country: 'FR', establishedOn: '2018-06' },
      { cnCode: '430100', country: 'FR', establishedOn: '2018-06-20' },
    ]);
    const at = (asOf: string) =>
      getFigures({ db, actor: systemActor('test'), query: { scope: '430100', asOf, kind: 'friendship' } });
    expect((await at('2017-12-31')).total).toBe(0);
    expect((await at('2018-01-01')).total).toBe(1);
    expect((await at('2018-05-31')).total).toBe(1);
    expect((await at('2018-06-01')).total).toBe(2);
    expect((await at('2018-06-20')).total).toBe(3);
    const since = await getFigures({
      db,
      actor: systemActor('test'),
      query: { scope: '430100', asOf: '2018-12-31', since: '2018-06', kind: 'friendship' },
    });
    expect(since.since).toMatchObject({ from: '2018-06-01', count: 2 });
    const page = await listFigureRecords({
      db,
      actor: systemActor('test'),
      query: { scope: '430100', asOf: '2018-12-31', kind: 'friendship', figure: 'total', page: 1, perPage: 10 },
    });
    expect((page.data as FigureRecord[]).map((r) => r.establishedOn).sort()).toEqual(['2018', '2018-06', '2018-06-20']);
  });

  it('defaults asOf to today and refuses since after asOf', async () => {
    await insertPairs(db, [{ cnCode: '430100', country: 'FR', establishedOn: '2018' }]);
    const figures = await getFigures({
      db,
      actor: systemActor('test'),
      query: { scope: '430100', kind: 'friendship' },
    });
    expect(figures.asOf).toBe(new Date().toISOString().slice(0, 10));
    expect(figures.total).toBe(1);
    expect(figures.since).toBeNull();
    await expect(
      getFigures({
        db,
        actor: systemActor('test'),
        query: { scope: '430100', asOf: '2020-01-01', since: '2021', kind: 'friendship' },
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', details: { issues: [{ path: 'since' }] } });
    await expect(
      getFigures({
        db,
        actor: systemActor('test'),
        query: { scope: '430100', asOf: '2023-02-30', kind: 'friendship' },
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', details: { issues: [{ path: 'asOf' }] } });
  });
});

describe('what counts', () => {
  it('counts friendship and exchange pairs separately', async () => {
    await insertPairs(db, [
      { cnCode: '430100', country: 'JP', place: 'Kagoshima', kind: 'friendship', establishedOn: '1982' },
      { cnCode: '430100', country: 'JP', place: 'Kagoshima', kind: 'exchange', establishedOn: '1980' },
      { cnCode: '430100', country: 'FR', kind: 'exchange', establishedOn: '2010' },
    ]);
    const friendship = await getFigures({
      db,
      actor: systemActor('test'),
      query: { scope: '430000', asOf: AS_OF, kind: 'friendship' },
    });
    const exchange = await getFigures({
      db,
      actor: systemActor('test'),
      query: { scope: '430000', asOf: AS_OF, kind: 'exchange' },
    });
    expect(friendship).toMatchObject({ kind: 'friendship', total: 1, countries: 1 });
    expect(exchange).toMatchObject({ kind: 'exchange', total: 2, countries: 2 });
    expect((await recordIds({ scope: '430000', asOf: AS_OF, kind: 'exchange', figure: 'total' })).total).toBe(2);
  });

  it('limits a scope to its subtree: province, prefecture, county, and the whole country', async () => {
    await insertPairs(db, [
      { cnCode: '430000', country: 'US', establishedOn: '1990' },
      { cnCode: '430100', country: 'US', establishedOn: '1990' },
      { cnCode: '430181', country: 'JP', establishedOn: '1990' }, // 浏阳市 under 长沙市
      { cnCode: '430102', country: 'JP', establishedOn: '1990' }, // 芙蓉区 under 长沙市
      { cnCode: '430200', country: 'FR', establishedOn: '1990' },
      { cnCode: '110000', country: 'FR', establishedOn: '1990' },
      { cnCode: '110101', country: 'FR', establishedOn: '1990' }, // 东城区, directly under Beijing
    ]);
    const total = async (scope: string) =>
      (await getFigures({ db, actor: systemActor('test'), query: { scope, asOf: AS_OF, kind: 'friendship' } })).total;
    expect(await total('430000')).toBe(5);
    expect(await total('430100')).toBe(3);
    expect(await total('430181')).toBe(1);
    expect(await total('430200')).toBe(1);
    expect(await total('110000')).toBe(2);
    expect(await total('110101')).toBe(1);
    expect(await total('000000')).toBe(7);

    const changsha = await getFigures({
      db,
      actor: systemActor('test'),
      query: { scope: '430100', asOf: AS_OF, kind: 'friendship' },
    });
    expect(changsha.byLevel).toEqual({ provincial: 0, city: 1, county: 2 });
    expect(changsha.rank).toBeNull();
    expect(changsha.scope).toEqual({ code: '430100', nameZh: '长沙市', nameEn: 'Changsha' });
    const national = await getFigures({
      db,
      actor: systemActor('test'),
      query: { scope: '000000', asOf: AS_OF, kind: 'friendship' },
    });
    expect(national.scope).toEqual({ code: '000000', nameZh: '全国', nameEn: 'China' });
    expect(national.rank).toBeNull();
    expect(national.byLevel).toEqual({ provincial: 2, city: 2, county: 3 });
  });

  it('refuses a scope code that is no division', async () => {
    await expect(
      getFigures({ db, actor: systemActor('test'), query: { scope: '439999', asOf: AS_OF, kind: 'friendship' } }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: { issues: [{ path: 'scope', rule: 'unknown_division' }] },
    });
  });

  it('counts distinct partner countries and foreign places', async () => {
    await insertPairs(db, [
      { cnCode: '430000', country: 'JP', place: 'Shiga', establishedOn: '1983' },
      { cnCode: '430100', country: 'JP', place: 'Shiga', establishedOn: '1990' },
      { cnCode: '430181', country: 'JP', place: 'Otsu', establishedOn: '1990' },
      { cnCode: '430100', country: 'US', place: 'Saint Paul', establishedOn: '1988' },
      { cnCode: '430200', country: 'US', place: 'Saint Paul', establishedOn: '2000', endedOn: '2010-01-01' },
    ]);
    const figures = await getFigures({
      db,
      actor: systemActor('test'),
      query: { scope: '430000', asOf: AS_OF, kind: 'friendship' },
    });
    expect(figures).toMatchObject({ total: 4, countries: 2, foreignPlaces: 3 });
    const byCountry = await listFigureRecords({
      db,
      actor: systemActor('test'),
      query: { scope: '430000', asOf: AS_OF, kind: 'friendship', figure: 'countries', page: 1, perPage: 50 },
    });
    expect((byCountry.data as FigureRecord[]).map((r) => r.countryIso2)).toEqual(['JP', 'JP', 'JP', 'US']);
    const byPlace = await listFigureRecords({
      db,
      actor: systemActor('test'),
      query: { scope: '430000', asOf: AS_OF, kind: 'friendship', figure: 'foreignPlaces', page: 1, perPage: 50 },
    });
    expect((byPlace.data as FigureRecord[]).map((r) => r.partnerNameEn)).toEqual([
      'Otsu',
      'Saint Paul',
      'Shiga',
      'Shiga',
    ]);
  });

  it('counts pairs by the continent of the partner country', async () => {
    await insertPairs(db, [
      { cnCode: '430100', country: 'JP', establishedOn: '1990' },
      { cnCode: '430100', country: 'SG', establishedOn: '1990' },
      { cnCode: '430100', country: 'FR', establishedOn: '1990' },
      { cnCode: '430100', country: 'GH', establishedOn: '1990' },
      { cnCode: '430100', country: 'CG', establishedOn: '1990' },
      { cnCode: '430100', country: 'BR', establishedOn: '1990' },
      { cnCode: '430100', country: 'US', establishedOn: '1990' },
      { cnCode: '430100', country: 'CA', establishedOn: '1990' },
      { cnCode: '430100', country: 'NZ', establishedOn: '1990' },
    ]);
    const figures = await getFigures({
      db,
      actor: systemActor('test'),
      query: { scope: '430000', asOf: AS_OF, kind: 'friendship' },
    });
    expect(figures.byContinent).toEqual({ asia: 2, europe: 1, africa: 2, americas: 3, oceania: 1 });
    const africa = await listFigureRecords({
      db,
      actor: systemActor('test'),
      query: { scope: '430000', asOf: AS_OF, kind: 'friendship', figure: 'byContinent.africa', page: 1, perPage: 50 },
    });
    expect((africa.data as FigureRecord[]).map((r) => r.countryIso2)).toEqual(['CG', 'GH']);
    expect(africa.data[0]).toMatchObject({ countryNameZh: expect.any(String), countryNameEn: expect.any(String) });
  });

  it('counts the countries and places of every country group, as members on the date', async () => {
    await insertGroup(db, 'test_group', [
      { iso2: 'FR', joinedOn: null },
      { iso2: 'GH', joinedOn: '2018-09-03' },
    ]);
    try {
      await insertPairs(db, [
        { cnCode: '430000', country: 'SG', place: 'Singapore', establishedOn: '1990' },
        { cnCode: '430100', country: 'SG', place: 'Singapore', establishedOn: '1995' },
        { cnCode: '430100', country: 'MN', establishedOn: '1995' },
        { cnCode: '430100', country: 'FR', establishedOn: '1995' },
        { cnCode: '430100', country: 'GH', establishedOn: '1995' },
        { cnCode: '430100', country: 'US', establishedOn: '1995' },
      ]);
      const at = (asOf: string) =>
        getFigures({ db, actor: systemActor('test'), query: { scope: '430000', asOf, kind: 'friendship' } });
      const before = await at('2018-09-02');
      expect(before.groups).toEqual({
        bri: { countries: 2, places: 2 },
        test_group: { countries: 1, places: 1 },
      });
      const after = await at('2018-09-03');
      expect(after.groups.test_group).toEqual({ countries: 2, places: 2 });
      const places = await recordIds({ scope: '430000', asOf: '2018-09-03', figure: 'groups.bri.places' });
      expect(places.total).toBe(3);
      const members = await recordIds({ scope: '430000', asOf: '2018-09-02', figure: 'groups.test_group.countries' });
      expect(members.page.data.map((r) => (r as FigureRecord).countryIso2)).toEqual(['FR']);
      await expect(recordIds({ scope: '430000', asOf: AS_OF, figure: 'groups.nope.places' })).rejects.toMatchObject({
        code: 'validation_failed',
        details: { issues: [{ path: 'figure' }] },
      });
    } finally {
      await deleteGroup(db, 'test_group');
    }
  });
});

describe('rank', () => {
  it('ranks a province by the latest benchmarks of the others, ties sharing a rank', async () => {
    await insertPairs(
      db,
      Array.from({ length: 100 }, () => ({ cnCode: '430100', country: 'JP', establishedOn: '2000' })),
    );
    await insertPairs(db, [{ cnCode: '420100', country: 'JP', establishedOn: '2000' }]);
    await insertBenchmarks(db, [
      { scopeCode: '440000', total: 210, asOf: '2023-12-31' }, // above
      { scopeCode: '320000', total: 150, asOf: '2022' }, // superseded by the next
      { scopeCode: '320000', total: 180, asOf: '2024-06' }, // above
      { scopeCode: '330000', total: 100, asOf: '2024-01-01' }, // tie
      { scopeCode: '370000', total: 90, asOf: '2024-11-28' }, // below, on the day
      { scopeCode: '510000', total: 95, asOf: '2023' }, // below now …
      { scopeCode: '510000', total: 300, asOf: '2024-11-29' }, // … this one is after the date
      { scopeCode: '350000', total: 500, asOf: '2024', kind: 'exchange' }, // other kind
      { scopeCode: '000000', total: 3054, asOf: '2024' }, // the nation is no province
      { scopeCode: '430000', total: 999, asOf: '2024' }, // the scope's own total comes from the registry
    ]);
    const hunan = await getFigures({
      db,
      actor: systemActor('test'),
      query: { scope: '430000', asOf: AS_OF, kind: 'friendship' },
    });
    expect(hunan.total).toBe(100);
    expect(hunan.rank).toEqual({ position: 3, of: 6, basis: 'benchmarks' });

    const zhejiang = await getFigures({
      db,
      actor: systemActor('test'),
      query: { scope: '330000', asOf: AS_OF, kind: 'friendship' },
    });
    // Zhejiang's registry total is 0; Hunan's benchmark now counts as another province's.
    expect(zhejiang.rank).toEqual({ position: 6, of: 6, basis: 'benchmarks' });

    const page = await listFigureRecords({
      db,
      actor: systemActor('test'),
      query: { scope: '430000', asOf: AS_OF, kind: 'friendship', figure: 'rank', page: 1, perPage: 50 },
    });
    const rows = page.data as RankRecord[];
    expect(page.total).toBe(6);
    expect(rows.map((r) => [r.scopeCode, r.total, r.position, r.source])).toEqual([
      ['440000', 210, 1, 'benchmark'],
      ['320000', 180, 2, 'benchmark'],
      ['330000', 100, 3, 'benchmark'],
      ['430000', 100, 3, 'registry'],
      ['510000', 95, 5, 'benchmark'],
      ['370000', 90, 6, 'benchmark'],
    ]);
    expect(rows.find((r) => r.isScope)).toMatchObject({ scopeCode: '430000', nameZh: '湖南省', benchmark: null });
    expect(rows[1]?.benchmark).toMatchObject({ asOf: '2024-06', source: 'test' });

    const ofCounty = await listFigureRecords({
      db,
      actor: systemActor('test'),
      query: { scope: '430100', asOf: AS_OF, kind: 'friendship', figure: 'rank', page: 1, perPage: 50 },
    });
    expect(ofCounty).toEqual({ data: [], total: 0, page: 1, perPage: 50 });
  });

  it('ranks from the registry when it holds every mainland province', async () => {
    const provinces = await db
      .select({ code: cnDivisions.code })
      .from(cnDivisions)
      .where(eq(cnDivisions.level, 'province'))
      .orderBy(asc(cnDivisions.code));
    expect(provinces).toHaveLength(31);
    const extra: Record<string, number> = { '430000': 2, '440000': 4, '320000': 2, '420000': 1 };
    const specs: PairSpec[] = provinces.flatMap(({ code }) =>
      Array.from({ length: 1 + (extra[code] ?? 0) }, () => ({ cnCode: code, country: 'FR', establishedOn: '2000' })),
    );
    // Yunnan's only pair ends in 2024: before then the registry holds every province.
    const yunnan = specs.find((s) => s.cnCode === '530000');
    if (yunnan) yunnan.endedOn = '2024-01-01';
    await insertPairs(db, specs);
    await insertBenchmarks(db, [{ scopeCode: '440000', total: 500, asOf: '2020' }]);

    const before = await getFigures({
      db,
      actor: systemActor('test'),
      query: { scope: '430000', asOf: '2023-12-31', kind: 'friendship' },
    });
    expect(before.total).toBe(3);
    expect(before.rank).toEqual({ position: 2, of: 31, basis: 'registry' });
    const hubei = await getFigures({
      db,
      actor: systemActor('test'),
      query: { scope: '420000', asOf: '2023-12-31', kind: 'friendship' },
    });
    expect(hubei.rank).toEqual({ position: 4, of: 31, basis: 'registry' });
    const records = await listFigureRecords({
      db,
      actor: systemActor('test'),
      query: { scope: '430000', asOf: '2023-12-31', kind: 'friendship', figure: 'rank', page: 1, perPage: 5 },
    });
    expect(records.total).toBe(31);
    expect((records.data as RankRecord[]).map((r) => [r.scopeCode, r.total, r.position])).toEqual([
      ['440000', 5, 1],
      ['320000', 3, 2],
      ['430000', 3, 2],
      ['420000', 2, 4],
      ['110000', 1, 5],
    ]);

    // The province totals are reused only while nothing has been written since.
    const again = await getFigures({
      db,
      actor: systemActor('test'),
      query: { scope: '420000', asOf: '2023-12-31', kind: 'friendship' },
    });
    expect(again.rank).toEqual(hubei.rank);
    await insertPairs(db, [
      { cnCode: '420100', country: 'FR', establishedOn: '2001' },
      { cnCode: '420100', country: 'JP', establishedOn: '2001' },
    ]);
    const moved = await getFigures({
      db,
      actor: systemActor('test'),
      query: { scope: '420000', asOf: '2023-12-31', kind: 'friendship' },
    });
    expect(moved).toMatchObject({ total: 4, rank: { position: 2, of: 31, basis: 'registry' } });
    const hunanNow = await getFigures({
      db,
      actor: systemActor('test'),
      query: { scope: '430000', asOf: '2023-12-31', kind: 'friendship' },
    });
    expect(hunanNow.rank).toEqual({ position: 3, of: 31, basis: 'registry' });

    // From 2024 Yunnan has no pair: back to the benchmarks (only Guangdong has one).
    const after = await getFigures({
      db,
      actor: systemActor('test'),
      query: { scope: '430000', asOf: AS_OF, kind: 'friendship' },
    });
    expect(after.rank).toEqual({ position: 2, of: 2, basis: 'benchmarks' });
    // The exchange kind has no pairs at all.
    const exchange = await getFigures({
      db,
      actor: systemActor('test'),
      query: { scope: '430000', asOf: '2023-12-31', kind: 'exchange' },
    });
    expect(exchange.rank).toEqual({ position: 1, of: 1, basis: 'benchmarks' });
  });
});

describe('records behind figures', () => {
  it('lists exactly the pairs counted, page by page', async () => {
    const ids = await insertPairs(db, [
      { cnCode: '430000', country: 'JP', establishedOn: '2019' },
      { cnCode: '430100', country: 'FR', establishedOn: '2010' },
      { cnCode: '430100', country: 'GH', establishedOn: '2020-02' },
      { cnCode: '430181', country: 'US', establishedOn: null },
      { cnCode: '430181', country: 'US', establishedOn: '2000', endedOn: '2005-01-01' },
      { cnCode: '430200', country: 'MN', establishedOn: '2021-12-12' },
    ]);
    const [provincial, paris, accra, undated, , mongolia] = ids as number[];
    const query = { scope: '430000', asOf: AS_OF, since: '2019-01-01' };
    const figures = await getFigures({ db, actor: systemActor('test'), query: { ...query, kind: 'friendship' } });
    const expected: Record<string, number[]> = {
      total: [provincial, paris, accra, undated, mongolia] as number[],
      'byLevel.provincial': [provincial] as number[],
      'byLevel.city': [paris, accra, mongolia] as number[],
      'byLevel.county': [undated] as number[],
      since: [provincial, accra, mongolia] as number[],
      'byContinent.asia': [provincial, mongolia] as number[],
      'groups.bri.countries': [mongolia] as number[],
    };
    for (const [figure, want] of Object.entries(expected)) {
      const got = await recordIds({ ...query, figure });
      expect(got.ids, figure).toEqual([...want].sort((a, b) => a - b));
    }
    expect(figures.since?.count).toBe(3);

    const first = await listFigureRecords({
      db,
      actor: systemActor('test'),
      query: { ...query, kind: 'friendship', figure: 'since', page: 1, perPage: 2 },
    });
    const second = await listFigureRecords({
      db,
      actor: systemActor('test'),
      query: { ...query, kind: 'friendship', figure: 'since', page: 2, perPage: 2 },
    });
    expect(first.total).toBe(3);
    expect((first.data as FigureRecord[]).map((r) => r.establishedOn)).toEqual(['2019', '2020-02']);
    expect((second.data as FigureRecord[]).map((r) => r.establishedOn)).toEqual(['2021-12-12']);
    expect(Object.keys(first.data[0] ?? {}).sort()).toEqual(
      [
        'id',
        'cnCode',
        'cnNameZh',
        'cnNameEn',
        'partnerNameZh',
        'partnerNameEn',
        'countryIso2',
        'countryNameZh',
        'countryNameEn',
        'level',
        'kind',
        'status',
        'establishedOn',
        'endedOn',
      ].sort(),
    );
    await expect(recordIds({ scope: '430000', asOf: AS_OF, figure: 'since' })).rejects.toMatchObject({
      code: 'validation_failed',
      details: { issues: [{ path: 'figure' }] },
    });
  });
});
