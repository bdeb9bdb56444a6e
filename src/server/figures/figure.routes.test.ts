import { beforeAll, describe, expect, it } from 'vitest';
import type { ListEnvelope } from '../../shared/list.js';
import type { FigureRecord, RankRecord } from '../../shared/schemas/figures.js';
import { systemActor } from '../auth/actor.js';
import { createApp } from '../http/app.js';
import type { ErrorBody } from '../http/errors.js';
import { createTestDb } from '../testing/test-db.js';
import { clearRegistry, insertBenchmarks, insertPairs } from './figure.fixtures.js';
import { registerFigureRoutes } from './figure.routes.js';

const handle = await createTestDb();
const app = createApp({ handle, resolveActor: async () => systemActor('test') }, [registerFigureRoutes]);

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers });
  return { status: res.status, body: (await res.json()) as unknown };
}

async function getError(path: string, headers: Record<string, string> = {}) {
  const { status, body } = await get(path, headers);
  const error = (body as ErrorBody).error;
  return { status, error, paths: (error.issues ?? []).map((i) => i.path) };
}

async function getRecords<T = FigureRecord>(path: string) {
  const { status, body } = await get(path);
  return { status, body: body as ListEnvelope<T> };
}

beforeAll(async () => {
  await clearRegistry(handle.db);
  await insertPairs(handle.db, [
    { cnCode: '430000', country: 'BB', place: 'Bridgetown', establishedOn: '2023-06' },
    { cnCode: '430100', country: 'CG', place: 'Brazzaville', establishedOn: '1982' },
    { cnCode: '430100', country: 'GH', place: 'Accra', establishedOn: '2019-03-12' },
    { cnCode: '430181', country: 'JP', place: 'Kirishima', establishedOn: '2019-11' },
    { cnCode: '430600', country: 'JP', place: 'Numazu', establishedOn: '1985-06-05', endedOn: '2020-01-01' },
    { cnCode: '430100', country: 'FR', place: 'Calais', kind: 'exchange', establishedOn: '2004' },
    { cnCode: '420100', country: 'FR', place: 'Bordeaux', establishedOn: '1998' },
  ]);
  await insertBenchmarks(handle.db, [{ scopeCode: '440000', total: 210, asOf: '2024-06' }]);
});

describe('GET /api/figures', () => {
  it('returns the figures of a scope as of a date', async () => {
    const { status, body } = await get('/api/figures?scope=430000&asOf=2024-11-28&since=2018-01-01');
    expect(status).toBe(200);
    expect(body).toEqual({
      scope: { code: '430000', nameZh: '湖南省', nameEn: 'Hunan' },
      asOf: '2024-11-28',
      kind: 'friendship',
      total: 4,
      byLevel: { provincial: 1, city: 2, county: 1 },
      countries: 4,
      foreignPlaces: 4,
      byContinent: { asia: 1, europe: 0, africa: 2, americas: 1, oceania: 0 },
      since: { from: '2018-01-01', count: 3, monthsPerNew: 27.6 },
      groups: { bri: { countries: 0, places: 0 } },
      rank: { position: 2, of: 2, basis: 'benchmarks' },
    });
  });

  it('takes the kind and defaults the date to today', async () => {
    const { body } = await get('/api/figures?scope=430100&kind=exchange');
    expect(body).toMatchObject({ kind: 'exchange', total: 1, asOf: new Date().toISOString().slice(0, 10), rank: null });
  });

  it('names the field of an impossible date', async () => {
    const { status, error, paths } = await getError('/api/figures?scope=430000&asOf=2023-02-30');
    expect(status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(paths).toEqual(['asOf']);
    expect((await getError('/api/figures?scope=430000&asOf=2023-01-01&since=2023-13')).paths).toEqual(['since']);
    expect((await getError('/api/figures?scope=430000&asOf=2023-01-01&since=2024')).paths).toEqual(['since']);
    expect((await getError('/api/figures?scope=430000&kind=sister')).paths).toEqual(['kind']);
    expect((await getError('/api/figures')).paths).toEqual(['scope']);
  });

  it('answers 400 for an unknown scope, naming the field, in the language asked for', async () => {
    const { status, error } = await getError('/api/figures?scope=999999', { 'accept-language': 'en' });
    expect(status).toBe(400);
    expect(error).toMatchObject({
      code: 'validation_failed',
      message: 'Some input is invalid; see each field',
      issues: [{ path: 'scope', rule: 'unknown_division', value: '999999' }],
    });
  });

  it('is in the OpenAPI document', async () => {
    const { body } = await get('/api/openapi.json');
    expect(Object.keys((body as { paths: object }).paths)).toEqual(
      expect.arrayContaining(['/api/figures', '/api/figures/records']),
    );
  });
});

describe('GET /api/figures/records', () => {
  it('lists the partnerships behind a figure in the list envelope', async () => {
    const { status, body } = await getRecords('/api/figures/records?figure=byLevel.city&scope=430000&asOf=2024-11-28');
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['data', 'page', 'perPage', 'total']);
    expect(body.total).toBe(2);
    expect(body.data.map((r) => r.partnerNameEn).sort()).toEqual(['Accra', 'Brazzaville']);
    const brazzaville = body.data.find((r) => r.partnerNameEn === 'Brazzaville');
    expect(brazzaville).toMatchObject({
      cnCode: '430100',
      cnNameZh: '长沙市',
      countryIso2: 'CG',
      level: 'city',
      kind: 'friendship',
      status: 'active',
      establishedOn: '1982',
      endedOn: null,
    });
  });

  it('pages, and lists the records of since, continents and rank', async () => {
    const page = await getRecords(
      '/api/figures/records?figure=since&scope=430000&asOf=2024-11-28&since=2018&perPage=2&page=2',
    );
    expect(page.body).toMatchObject({ total: 3, page: 2, perPage: 2 });
    expect(page.body.data.map((r) => r.establishedOn)).toEqual(['2023-06']);
    const africa = await getRecords('/api/figures/records?figure=byContinent.africa&scope=430000&asOf=2024-11-28');
    expect(africa.body.total).toBe(2);
    const rank = await getRecords<RankRecord>('/api/figures/records?figure=rank&scope=430000&asOf=2024-11-28');
    expect(rank.body.data.map((r) => [r.scopeCode, r.source])).toEqual([
      ['440000', 'benchmark'],
      ['430000', 'registry'],
    ]);
  });

  it('refuses an unknown figure and a page size over the limit', async () => {
    const bad = await getError('/api/figures/records?figure=byLevel.village&scope=430000');
    expect(bad.status).toBe(400);
    expect(bad.paths).toEqual(['figure']);
    expect((await getError('/api/figures/records?figure=since&scope=430000')).paths).toEqual(['figure']);
    expect((await getError('/api/figures/records?figure=total&scope=430000&perPage=100000')).paths).toEqual([
      'perPage',
    ]);
  });
});
