import { describe, expect, it } from 'vitest';
import { selectRecordAudit } from '../audit/audit.repo.js';
import type { Actor } from '../auth/actor.js';
import { buildApp, buildPartnership, jsonInit } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';

const handle = await createTestDb();
const app = buildApp(handle);

const user = (role: Actor['role'], scopeCode: string): Actor => ({
  kind: 'user',
  id: 7,
  name: `${role}@${scopeCode}`,
  role,
  scopeCode,
  canSeeContacts: false,
});

type Project = {
  id: number;
  version: number;
  cnCode: string;
  field: string;
  sdgs: number[];
  countries: string[];
  partnershipIds: number[];
  startOn: string | null;
};
type Outcome = { id: number; version: number; value: number; unit: string; asOf: string };
type Detail = Project & { outcomes: Outcome[]; partnerships: { id: number }[]; cn: { nameZh: string } };
type Totals = {
  byField: { key: string; unit: string; total: number; projects: number }[];
  bySdg: { key: string; unit: string; total: number }[];
};

const post = (path: string, body: object, a = app) => a.request(path, jsonInit('POST', body));

async function newProject(body: object = {}): Promise<Project> {
  const res = await post('/api/projects', { cnCode: '430000', nameZh: '测试项目', field: 'culture', ...body });
  expect(res.status).toBe(201);
  return (await res.json()) as Project;
}

describe('project API', () => {
  it('creates, lists, reads, updates and deletes a project; countries follow its partnerships', async () => {
    const barbados = await buildPartnership(handle, {
      cnCode: '430000',
      partner: { countryIso2: 'BB', nameEn: 'Bridgetown' },
    });
    const res = await post('/api/projects', {
      cnCode: '430000',
      nameZh: '杂交水稻示范',
      nameEn: 'Hybrid rice demonstration',
      field: 'agriculture',
      status: 'running',
      startOn: '2018',
      partnershipIds: [barbados.id],
      sdgs: [2, 1],
      sources: ['湖南省人民政府关于国际友好城市工作情况的报告'],
    });
    expect(res.status).toBe(201);
    const p = (await res.json()) as Project;
    expect(p.countries).toEqual(['BB']);
    expect(p.sdgs).toEqual([1, 2]);
    expect(p.startOn).toBe('2018');

    const other = await newProject({ field: 'media', countries: ['GH'], sdgs: [4] });

    const list = async (q: string) =>
      (await (await app.request(`/api/projects?${q}`)).json()) as { total: number; data: Project[] };
    expect((await list('field=agriculture')).data.map((x) => x.id)).toEqual([p.id]);
    expect((await list('sdg=2')).data.map((x) => x.id)).toEqual([p.id]);
    expect((await list('country=GH')).data.map((x) => x.id)).toEqual([other.id]);
    expect((await list(`partnership=${barbados.id}`)).total).toBe(1);
    expect((await list('q=zajiao')).data.map((x) => x.id)).toEqual([p.id]);
    expect((await list('q=hybrid')).data.map((x) => x.id)).toEqual([p.id]);

    const detail = (await (await app.request(`/api/projects/${p.id}`)).json()) as Detail;
    expect(detail.partnerships.map((x) => x.id)).toEqual([barbados.id]);
    expect(detail.cn.nameZh).toBe('湖南省');

    const patched = await app.request(
      `/api/projects/${p.id}`,
      jsonInit('PATCH', { version: 1, status: 'completed', endOn: '2023-06' }),
    );
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as Project).version).toBe(2);
    expect(
      (await app.request(`/api/projects/${p.id}`, jsonInit('PATCH', { version: 1, status: 'stopped' }))).status,
    ).toBe(409);

    const trail = await selectRecordAudit(handle.db, 'project', p.id);
    expect(trail.map((t) => t.action)).toEqual(['update', 'create']);

    expect((await app.request(`/api/projects/${other.id}?version=1`, { method: 'DELETE' })).status).toBe(204);
    expect((await app.request(`/api/projects/${other.id}`)).status).toBe(404);
  });

  it('records outcomes with units and evidence, and edits and deletes them', async () => {
    const p = await newProject({ field: 'media' });
    const res = await post(`/api/projects/${p.id}/outcomes`, {
      metricZh: '覆盖国家',
      metricEn: 'countries reached',
      value: 23,
      unit: 'countries',
      asOf: '2024',
      evidence: '湖南省人民政府关于国际友好城市工作情况的报告',
    });
    expect(res.status).toBe(201);
    const o = (await res.json()) as Outcome;
    expect(o.asOf).toBe('2024');
    const updated = await app.request(`/api/outcomes/${o.id}`, jsonInit('PATCH', { version: 1, value: 24 }));
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as Outcome).value).toBe(24);
    expect((await app.request(`/api/outcomes/${o.id}`, jsonInit('PATCH', { version: 2, value: 2.5 }))).status).toBe(
      400,
    );
    const detail = (await (await app.request(`/api/projects/${p.id}`)).json()) as Detail;
    expect(detail.outcomes.map((x) => x.value)).toEqual([24]);
    expect((await app.request(`/api/outcomes/${o.id}?version=1`, { method: 'DELETE' })).status).toBe(409);
    expect((await app.request(`/api/outcomes/${o.id}?version=2`, { method: 'DELETE' })).status).toBe(204);
    expect((await selectRecordAudit(handle.db, 'project_outcome', o.id)).map((t) => t.action)).toEqual([
      'delete',
      'update',
      'create',
    ]);
  });

  it('refuses bad units and values, goals outside 1–17, unknown links and dates out of order', async () => {
    const p = await newProject();
    const outcome = (body: object) =>
      post(`/api/projects/${p.id}/outcomes`, { metricEn: 'x', value: 1, unit: 'ha', asOf: '2023', ...body });
    expect((await outcome({ unit: 'acres' })).status).toBe(400);
    expect((await outcome({ value: -5 })).status).toBe(400);
    expect((await outcome({ unit: 'people', value: 10.5 })).status).toBe(400);
    expect((await outcome({ unit: 'percent', value: 140 })).status).toBe(400);
    expect((await outcome({ unit: 'percent_change', value: -12.5 })).status).toBe(201);
    expect((await outcome({ asOf: '2999' })).status).toBe(400);
    expect((await outcome({ metricEn: undefined })).status).toBe(400);
    expect(
      (await post('/api/projects/999999/outcomes', { metricEn: 'x', value: 1, unit: 'ha', asOf: '2023' })).status,
    ).toBe(404);

    const project = (body: object) =>
      post('/api/projects', { cnCode: '430000', nameEn: 'x', field: 'health', ...body });
    expect((await project({ sdgs: [0] })).status).toBe(400);
    expect((await project({ sdgs: [18] })).status).toBe(400);
    expect((await project({ sdgs: [3, 3] })).status).toBe(400);
    expect((await project({ field: 'mining' })).status).toBe(400);
    expect((await project({ partnershipIds: [999999] })).status).toBe(400);
    expect((await project({ measureIds: [999999] })).status).toBe(400);
    expect((await project({ countries: ['XX'] })).status).toBe(400);
    expect((await project({ startOn: '2020', endOn: '2019-05' })).status).toBe(400);
    expect((await project({ nameEn: undefined })).status).toBe(400);
    expect((await project({ sdgs: [17] })).status).toBe(201);
  });

  it('lets a viewer read but not write, and keeps other offices out', async () => {
    const yueyang = await newProject({ cnCode: '430600', nameZh: '岳阳项目' });
    const changsha = await newProject({ cnCode: '430100', nameZh: '长沙项目' });
    const viewer = buildApp(handle, user('viewer', '430000'));
    expect((await viewer.request(`/api/projects/${yueyang.id}`)).status).toBe(200);
    expect((await post('/api/projects', { cnCode: '430000', nameEn: 'x', field: 'trade' }, viewer)).status).toBe(403);
    expect(
      (
        await post(
          `/api/projects/${yueyang.id}/outcomes`,
          { metricEn: 'x', value: 1, unit: 'ha', asOf: '2023' },
          viewer,
        )
      ).status,
    ).toBe(403);

    const changshaEditor = buildApp(handle, user('editor', '430100'));
    expect((await changshaEditor.request(`/api/projects/${yueyang.id}`)).status).toBe(403);
    expect(
      (
        await changshaEditor.request(
          `/api/projects/${yueyang.id}`,
          jsonInit('PATCH', { version: 1, status: 'stopped' }),
        )
      ).status,
    ).toBe(403);
    expect((await changshaEditor.request(`/api/projects/${yueyang.id}?version=1`, { method: 'DELETE' })).status).toBe(
      403,
    );
    expect(
      (await post('/api/projects', { cnCode: '430600', nameEn: 'x', field: 'trade' }, changshaEditor)).status,
    ).toBe(403);
    expect((await changshaEditor.request('/api/projects?cn=430000')).status).toBe(403);
    const own = (await (await changshaEditor.request('/api/projects')).json()) as { data: Project[] };
    expect(own.data.map((x) => x.cnCode).every((c) => c.startsWith('4301'))).toBe(true);
    expect(own.data.map((x) => x.id)).toContain(changsha.id);
    expect(
      (await post('/api/projects', { cnCode: '430102', nameEn: 'x', field: 'trade' }, changshaEditor)).status,
    ).toBe(201);
  });

  it('totals outcomes by field, goal and unit, counting each metric once with its latest value as of the day', async () => {
    const rice = await newProject({ cnCode: '430700', field: 'agriculture', sdgs: [1, 2], startOn: '2015' });
    const more = await newProject({ cnCode: '430700', field: 'agriculture', sdgs: [2] });
    const add = (id: number, body: object) =>
      post(`/api/projects/${id}/outcomes`, { metricEn: 'area planted', unit: 'ha', ...body });
    expect((await add(rice.id, { value: 10, asOf: '2019' })).status).toBe(201);
    expect((await add(rice.id, { value: 40, asOf: '2022' })).status).toBe(201);
    expect((await add(more.id, { value: 5, asOf: '2021-03-01' })).status).toBe(201);
    expect((await add(more.id, { value: 3, unit: 'people', metricEn: 'experts sent', asOf: '2021' })).status).toBe(201);

    const totals = async (q: string) =>
      (await (await app.request(`/api/projects/outcome-totals?${q}`)).json()) as Totals;
    const now = await totals('scope=430700');
    expect(now.byField).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'agriculture', unit: 'ha', total: 45, projects: 2 }),
        expect.objectContaining({ key: 'agriculture', unit: 'people', total: 3 }),
      ]),
    );
    expect(now.bySdg.find((r) => r.key === '1' && r.unit === 'ha')?.total).toBe(40);
    expect(now.bySdg.find((r) => r.key === '2' && r.unit === 'ha')?.total).toBe(45);
    const earlier = await totals('scope=430700&asOf=2020-12-31');
    expect(earlier.byField).toEqual([
      expect.objectContaining({ key: 'agriculture', unit: 'ha', total: 10, projects: 1 }),
    ]);
    expect((await totals('scope=430100')).byField.find((r) => r.unit === 'ha' && r.total >= 40)).toBeUndefined();
  });
});
