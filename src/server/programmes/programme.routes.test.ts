import { describe, expect, it } from 'vitest';
import type { MeasureView } from '../../shared/schemas/programme-view.js';
import { selectRecordAudit } from '../audit/audit.repo.js';
import type { Actor } from '../auth/actor.js';
import { buildApp, buildPartnership, jsonInit } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';
import { evidenceOf } from './programme.presenter.js';

const handle = await createTestDb();
const app = buildApp(handle);

const user = (role: Actor['role'], scopeCode: string): Actor => ({
  kind: 'user',
  id: 9,
  name: `${role}@${scopeCode}`,
  role,
  scopeCode,
  canSeeContacts: false,
});

const AREAS = [
  { code: 'resources', nameZh: '资源', nameEn: 'Resources' },
  { code: 'mechanisms', nameZh: '机制', nameEn: 'Mechanisms' },
  { code: 'goals', nameZh: '目标', nameEn: 'Goals' },
  { code: 'content', nameZh: '内容', nameEn: 'Content' },
  { code: 'strength', nameZh: '力量', nameEn: 'Strength' },
  { code: 'support', nameZh: '保障', nameEn: 'Support' },
];

type Measure = {
  id: number;
  version: number;
  status: string;
  progress: number;
  activityIds: number[];
  projectIds: number[];
};
type Programme = { id: number; version: number; areas: { id: number; code: string; measures: Measure[] }[] };
type Evidence = {
  measures: number;
  withEvidence: number;
  areasWithout: string[];
  areas: {
    code: string;
    measures: number;
    withEvidence: number;
    withActivities: number;
    withProjects: number;
    without: { code: string }[];
  }[];
};

const post = (path: string, body: object, a = app) => a.request(path, jsonInit('POST', body));
let n = 0;

async function newProgramme(cnCode = '430000'): Promise<Programme> {
  n += 1;
  const res = await post('/api/programmes', { code: `p${n}`, nameZh: '三十六策', cnCode, areas: AREAS });
  expect(res.status).toBe(201);
  return (await res.json()) as Programme;
}

function areaId(p: Programme, code: string): number {
  const area = p.areas.find((a) => a.code === code);
  if (!area) throw new Error(`no area ${code}`);
  return area.id;
}

describe('programme API', () => {
  it('keeps the six areas in order, measures with status and progress, and shows which have evidence', async () => {
    const p = await newProgramme();
    expect(p.areas.map((a) => a.code)).toEqual(AREAS.map((a) => a.code));
    const partnership = await buildPartnership(handle, { cnCode: '430000' });
    const activity = await post('/api/activities', {
      partnershipId: partnership.id,
      type: 'visit',
      occurredOn: '2023-04-01',
      titleEn: 'Youth exchange visit',
    });
    expect(activity.status).toBe(201);
    const activityId = ((await activity.json()) as { id: number }).id;
    const project = await post('/api/projects', { cnCode: '430000', nameEn: 'Rice', field: 'agriculture' });
    const projectId = ((await project.json()) as { id: number }).id;

    const measure = (body: object) => post(`/api/programmes/${p.id}/measures`, { textZh: '措施', ...body });
    const r1 = await measure({
      areaId: areaId(p, 'resources'),
      code: 'R1',
      activityIds: [activityId],
      status: 'in_progress',
      progress: 40,
    });
    expect(r1.status).toBe(201);
    const r2 = await measure({ areaId: areaId(p, 'resources'), code: 'R2', owner: '省外办' });
    expect(r2.status).toBe(201);
    const c1 = await measure({ areaId: areaId(p, 'content'), code: 'C1', status: 'done' });
    expect(c1.status).toBe(201);
    const c1m = (await c1.json()) as Measure;
    expect(c1m.progress).toBe(100);

    // A project carries out C1 from its own side.
    const linked = await app.request(
      `/api/projects/${projectId}`,
      jsonInit('PATCH', { version: 1, measureIds: [c1m.id] }),
    );
    expect(linked.status).toBe(200);

    const evidence = (await (await app.request(`/api/programmes/${p.id}/evidence`)).json()) as Evidence;
    expect(evidence.measures).toBe(3);
    expect(evidence.withEvidence).toBe(2);
    const resources = evidence.areas.find((a) => a.code === 'resources');
    expect(resources).toMatchObject({ measures: 2, withEvidence: 1, withActivities: 1, withProjects: 0 });
    expect(resources?.without.map((m) => m.code)).toEqual(['R2']);
    expect(evidence.areas.find((a) => a.code === 'content')).toMatchObject({ withEvidence: 1, withProjects: 1 });
    expect(evidence.areasWithout).toEqual(['mechanisms', 'goals', 'strength', 'support']);

    const detail = (await (await app.request(`/api/programmes/${p.id}`)).json()) as Programme;
    const content = detail.areas.find((a) => a.code === 'content');
    expect(content?.measures[0]?.projectIds).toEqual([projectId]);

    // Removing the activity link leaves R1 without evidence.
    const r1m = (await r1.json()) as Measure;
    const unlinked = await app.request(`/api/measures/${r1m.id}`, jsonInit('PATCH', { version: 1, activityIds: [] }));
    expect(unlinked.status).toBe(200);
    const after = (await (await app.request(`/api/programmes/${p.id}/evidence`)).json()) as Evidence;
    expect(after.areasWithout).toContain('resources');
    expect((await selectRecordAudit(handle.db, 'programme_measure', r1m.id)).map((t) => t.action)).toEqual([
      'update',
      'create',
    ]);
  });

  it('refuses progress outside 0–100 or unfit for the status, duplicate codes, unknown links and stale versions', async () => {
    const p = await newProgramme();
    const areaIdOf = areaId(p, 'goals');
    const measure = (body: object) =>
      post(`/api/programmes/${p.id}/measures`, { areaId: areaIdOf, textEn: 'x', ...body });
    expect((await measure({ code: 'G1', progress: 101, status: 'in_progress' })).status).toBe(400);
    expect((await measure({ code: 'G1', progress: -1, status: 'in_progress' })).status).toBe(400);
    expect((await measure({ code: 'G1', progress: 50, status: 'done' })).status).toBe(400);
    expect((await measure({ code: 'G1', status: 'finished' })).status).toBe(400);
    expect((await measure({ code: 'G1', activityIds: [999999] })).status).toBe(400);
    expect((await measure({ code: 'G1', projectIds: [999999] })).status).toBe(400);
    expect((await measure({ code: 'G1', areaId: 999999 })).status).toBe(400);
    const ok = await measure({ code: 'G1', status: 'in_progress', progress: 30 });
    expect(ok.status).toBe(201);
    expect((await measure({ code: 'G1' })).status).toBe(409);
    const m = (await ok.json()) as Measure;
    const done = await app.request(`/api/measures/${m.id}`, jsonInit('PATCH', { version: 1, status: 'done' }));
    expect(((await done.json()) as Measure).progress).toBe(100);
    expect((await app.request(`/api/measures/${m.id}`, jsonInit('PATCH', { version: 1, progress: 10 }))).status).toBe(
      409,
    );
    expect((await app.request(`/api/measures/${m.id}`, jsonInit('PATCH', { version: 2, progress: 10 }))).status).toBe(
      400,
    );
    expect((await post('/api/programmes', { code: `p${n}`, nameZh: 'dup', cnCode: '430000' })).status).toBe(409);
    expect((await post('/api/programmes', { code: 'bad code!', nameZh: 'x', cnCode: '430000' })).status).toBe(400);
    expect(
      (await post('/api/programmes', { code: 'dupareas', nameZh: 'x', cnCode: '430000', areas: [AREAS[0], AREAS[0]] }))
        .status,
    ).toBe(400);
    expect((await app.request(`/api/programme-areas/${areaIdOf}?version=1`, { method: 'DELETE' })).status).toBe(409);
  });

  it('lets a viewer read but not write, and keeps other offices out', async () => {
    const p = await newProgramme('430600');
    const viewer = buildApp(handle, user('viewer', '430000'));
    expect((await viewer.request(`/api/programmes/${p.id}/evidence`)).status).toBe(200);
    expect(
      (await post(`/api/programmes/${p.id}/measures`, { areaId: areaId(p, 'goals'), code: 'V1', textEn: 'x' }, viewer))
        .status,
    ).toBe(403);
    expect((await post('/api/programmes', { code: 'viewer', nameZh: 'x', cnCode: '430000' }, viewer)).status).toBe(403);

    const changsha = buildApp(handle, user('editor', '430100'));
    expect((await changsha.request(`/api/programmes/${p.id}`)).status).toBe(403);
    expect((await changsha.request(`/api/programmes/${p.id}/evidence`)).status).toBe(403);
    expect(
      (await changsha.request(`/api/programmes/${p.id}`, jsonInit('PATCH', { version: 1, nameEn: 'x' }))).status,
    ).toBe(403);
    expect((await changsha.request('/api/programmes?cn=430600')).status).toBe(403);
    const own = (await (await changsha.request('/api/programmes')).json()) as { total: number };
    expect(own.total).toBe(0);
    // An editor cannot link a measure to a project outside their scope either.
    const mine = (await (
      await post('/api/programmes', { code: 'cs', nameZh: '长沙', cnCode: '430100', areas: AREAS }, changsha)
    ).json()) as Programme;
    const foreign = (await (await post('/api/projects', { cnCode: '430600', nameEn: 'y', field: 'trade' })).json()) as {
      id: number;
    };
    expect(
      (
        await post(
          `/api/programmes/${mine.id}/measures`,
          { areaId: areaId(mine, 'goals'), code: 'X', textEn: 'x', projectIds: [foreign.id] },
          changsha,
        )
      ).status,
    ).toBe(403);
  });
});

describe('evidenceOf', () => {
  const m = (id: number, activityIds: number[], projectIds: number[], progress = 0): MeasureView => ({
    id,
    programmeId: 1,
    areaId: 1,
    code: `M${id}`,
    textZh: null,
    textEn: 'x',
    owner: null,
    status: 'in_progress',
    progress,
    notes: null,
    activityIds,
    projectIds,
    isDemo: false,
    version: 1,
  });
  it('counts measures with evidence per area, names those without, and averages progress', () => {
    const area = (id: number, code: string, measures: ReturnType<typeof m>[]) => ({
      id,
      programmeId: 1,
      code,
      nameZh: null,
      nameEn: code,
      position: id,
      version: 1,
      measures,
    });
    const e = evidenceOf(1, [
      area(1, 'a', [m(1, [5], [], 20), m(2, [], [], 60), m(3, [], [7], 100)]),
      area(2, 'b', []),
    ]);
    expect(e).toMatchObject({ measures: 3, withEvidence: 2, areasWithout: ['b'] });
    expect(e.areas[0]).toMatchObject({ withActivities: 1, withProjects: 1, progress: 60, without: [{ code: 'M2' }] });
    expect(e.areas[1]?.progress).toBeNull();
  });
});
