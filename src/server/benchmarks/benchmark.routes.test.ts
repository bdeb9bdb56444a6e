import { describe, expect, it } from 'vitest';
import { buildApp, jsonInit } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';

const handle = await createTestDb();
const app = buildApp(handle);

type Benchmark = { id: number; version: number; asOf: string; scope: { nameZh: string }; total: number };

const hunan2024 = {
  scopeCode: '430000',
  total: 110,
  provincial: 31,
  city: 66,
  county: 13,
  asOf: '2024-11-28',
  source: '华声在线 2024-11-28, report to the provincial people’s congress standing committee',
};

describe('benchmark API', () => {
  it('records a sourced figure and keeps the precision of its date', async () => {
    const res = await app.request('/api/benchmarks', jsonInit('POST', hunan2024));
    expect(res.status).toBe(201);
    const b = (await res.json()) as Benchmark;
    expect(b.scope.nameZh).toBe('湖南省');
    const month = await app.request(
      '/api/benchmarks',
      jsonInit('POST', { scopeCode: '430000', total: 77, asOf: '2017-04', source: '湖南日报 2017-05-15' }),
    );
    expect(((await month.json()) as Benchmark).asOf).toBe('2017-04');
    const national = await app.request(
      '/api/benchmarks',
      jsonInit('POST', { scopeCode: '000000', total: 3054, asOf: '2024-11-19', source: 'CCTV' }),
    );
    expect(((await national.json()) as Benchmark).scope.nameZh).toBe('全国');
    const list = (await (await app.request('/api/benchmarks?scope=430000')).json()) as { data: Benchmark[] };
    expect(list.data.map((x) => x.asOf)).toEqual(['2024-11-28', '2017-04']);
  });

  it('refuses duplicates, non-provinces, future dates and stale versions', async () => {
    expect((await app.request('/api/benchmarks', jsonInit('POST', hunan2024))).status).toBe(409);
    expect(
      (await app.request('/api/benchmarks', jsonInit('POST', { ...hunan2024, scopeCode: '430100', total: 5 }))).status,
    ).toBe(400);
    expect(
      (await app.request('/api/benchmarks', jsonInit('POST', { ...hunan2024, asOf: '2999-01', total: 6 }))).status,
    ).toBe(400);
    expect((await app.request('/api/benchmarks', jsonInit('POST', { ...hunan2024, total: -1 }))).status).toBe(400);
    const created = (await (
      await app.request('/api/benchmarks', jsonInit('POST', { ...hunan2024, asOf: '2020-12-22', total: 100 }))
    ).json()) as Benchmark;
    const ok = await app.request(`/api/benchmarks/${created.id}`, jsonInit('PATCH', { version: 1, total: 101 }));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as Benchmark).total).toBe(101);
    expect(
      (await app.request(`/api/benchmarks/${created.id}`, jsonInit('PATCH', { version: 1, total: 102 }))).status,
    ).toBe(409);
    expect((await app.request(`/api/benchmarks/${created.id}?version=2`, { method: 'DELETE' })).status).toBe(204);
  });
});
