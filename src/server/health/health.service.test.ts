import { describe, expect, it } from 'vitest';
import { type HealthActivity, scoreHealth, yearsBefore } from '../../shared/health.js';
import type { ActivityCreateInput } from '../../shared/schemas/activity.js';
import type { HealthList, PartnershipHealth } from '../../shared/schemas/health.js';
import { createActivity } from '../activities/activity.service.js';
import { type Actor, systemActor } from '../auth/actor.js';
import { projectOutcomes, projectPartnerships, projects } from '../db/schema.js';
import { buildApp, buildPartnership } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';

const handle = await createTestDb();
const app = buildApp(handle);
const actor = systemActor('test');

async function addActivity(partnershipId: number, a: HealthActivity, more: Partial<ActivityCreateInput> = {}) {
  await createActivity({
    db: handle.db,
    actor,
    input: {
      partnershipId,
      type: a.type as ActivityCreateInput['type'],
      occurredOn: a.occurredOn,
      titleEn: `Activity on ${a.occurredOn}`,
      fields: a.fields as ActivityCreateInput['fields'],
      participants: a.participants,
      days: a.days ?? null,
      ...more,
    },
  });
}

/** A project of the partnerships, started on `startOn`, with outcomes measured on the given days. */
async function addProject(partnershipIds: number[], startOn: string | null, outcomeDays: string[]) {
  const [project] = await handle.db
    .insert(projects)
    .values({
      nameEn: 'Rice demonstration farm',
      field: 'agriculture',
      status: 'running',
      cnCode: '430100',
      provinceCode: '430000',
      prefectureCode: '430100',
      startOn,
      startPrecision: startOn ? 'day' : null,
      search: 'rice',
    })
    .returning({ id: projects.id });
  const projectId = project?.id as number;
  await handle.db
    .insert(projectPartnerships)
    .values(partnershipIds.map((partnershipId) => ({ projectId, partnershipId })));
  for (const asOf of outcomeDays) {
    await handle.db
      .insert(projectOutcomes)
      .values({ projectId, metricEn: `yield ${asOf}`, value: 7.5, unit: 't/ha', asOf, asOfPrecision: 'day' });
  }
}

const getJson = async <T>(path: string, as = app) => {
  const res = await as.request(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

describe('health of one partnership', () => {
  it('scores from the database exactly as scoreHealth does from the same records', async () => {
    const p = await buildPartnership(handle, { cnCode: '430100', establishedOn: '2001-03' });
    const other = await buildPartnership(handle, { cnCode: '430100', establishedOn: '2015' });
    const asOf = '2024-06-30';
    // every age bucket, both sides of each boundary, fields, sizes, lengths, and after the day
    const acts: HealthActivity[] = [
      { occurredOn: asOf, type: 'delegation_in', fields: ['education', 'culture'], participants: 12, days: 5 },
      { occurredOn: yearsBefore(asOf, 1), type: 'delegation_out', fields: ['trade'], participants: 8, days: null },
      { occurredOn: '2023-07-01', type: 'visit', fields: [], participants: null, days: null },
      { occurredOn: '2021-01-15', type: 'event', fields: ['culture', 'youth'], participants: 40, days: 2 },
      { occurredOn: yearsBefore(asOf, 5), type: 'letter', fields: ['health'], participants: 3, days: 1 },
      { occurredOn: '2019-07-01', type: 'delegation_in', fields: ['sports'], participants: 20, days: 3 },
      { occurredOn: '2010-05-05', type: 'agreement', fields: ['science'], participants: 5, days: 1 },
      { occurredOn: '2024-08-01', type: 'visit', fields: ['media'], participants: 99, days: 9 },
    ];
    for (const a of acts) await addActivity(p.id, a);
    // an activity of the other pair that also names this one counts for both
    const shared: HealthActivity = {
      occurredOn: '2022-03-03',
      type: 'online_meeting',
      fields: ['governance'],
      participants: 6,
    };
    await addActivity(other.id, shared, { partnershipIds: [p.id] });
    await addProject([p.id], '2018-01-01', ['2020-01-01', '2023-01-01', '2025-01-01']); // two outcomes by asOf
    await addProject([p.id], null, []); // no outcomes
    await addProject([p.id], '2025-01-01', ['2025-02-01']); // starts after asOf: not counted

    const h = await getJson<PartnershipHealth>(`/api/partnerships/${p.id}/health?asOf=${asOf}`);
    const expected = scoreHealth({
      establishedOn: '2001-03-01',
      status: 'active',
      activities: [...acts, shared],
      projects: 2,
      projectsWithOutcomes: 1,
      outcomes: 2,
      asOf,
    });
    expect(h.dimensions).toEqual(expected.dimensions);
    expect(h.overall).toBe(expected.overall);
    expect(h.suggestion).toBe(expected.suggestion);
    expect(h.lastActivityOn).toBe(asOf);
    expect(h.inputs.activitiesByAge).toEqual([2, 1, 1, 1, 1]);
    expect(h.inputs.fields).toEqual(['culture', 'education', 'governance', 'sports', 'trade', 'youth']);
    expect(h.inputs).toMatchObject({ projects: 2, projectsWithOutcomes: 1, outcomes: 2 });

    const other$ = await getJson<PartnershipHealth>(`/api/partnerships/${other.id}/health?asOf=${asOf}`);
    expect(other$.lastActivityOn).toBe('2022-03-03');
    expect(other$.inputs.projects).toBe(0);
  });

  it('answers 404 for an unknown pair and 400 for an impossible day', async () => {
    const p = await buildPartnership(handle);
    expect((await app.request('/api/partnerships/999999/health')).status).toBe(404);
    expect((await app.request(`/api/partnerships/${p.id}/health?asOf=2023-02-30`)).status).toBe(400);
    const slashed = await getJson<PartnershipHealth>(`/api/partnerships/${p.id}/health?asOf=2024/06/30`);
    expect(slashed.asOf).toBe('2024-06-30');
    const today = await getJson<PartnershipHealth>(`/api/partnerships/${p.id}/health`);
    expect(today.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('has no health for a pair not signed yet (409 naming its stage), instead of calling it dormant', async () => {
    const p = await buildPartnership(handle, { stage: 'intent', establishedOn: null, status: 'active' });
    const res = await app.request(`/api/partnerships/${p.id}/health`);
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { code: string; detail: string; fix?: string } };
    expect(body.error.code).toBe('conflict');
    expect(body.error.detail).toContain('stage intent');
    expect(body.error.fix).toMatch(/signing/);
  });
});

describe('the dormant-on-paper list', () => {
  it('lists the pairs recorded active whose records suggest dormant, with the counts of every suggestion', async () => {
    const asOf = '2025-06-30';
    const lively = await buildPartnership(handle, { cnCode: '430300', establishedOn: '2005' });
    await addActivity(lively.id, {
      occurredOn: '2025-03-01',
      type: 'delegation_in',
      fields: ['education', 'trade'],
      participants: 30,
      days: 5,
    });
    await addActivity(lively.id, {
      occurredOn: '2024-09-01',
      type: 'event',
      fields: ['culture'],
      participants: 50,
      days: 2,
    });
    const onPaper = await buildPartnership(handle, { cnCode: '430300', establishedOn: '1998' });
    await addActivity(onPaper.id, { occurredOn: '2019-05-20', type: 'visit', fields: [], participants: null });
    const silent = await buildPartnership(handle, { cnCode: '430300', establishedOn: '2002-01-01' });
    const admitted = await buildPartnership(handle, { cnCode: '430300', status: 'dormant', establishedOn: '2000' });
    const ended = await buildPartnership(handle, {
      cnCode: '430300',
      status: 'ended',
      establishedOn: '2000',
      endedOn: '2020-01-01',
    });
    const elsewhere = await buildPartnership(handle, { cnCode: '440100', establishedOn: '1990' });

    const list = await getJson<HealthList>(`/api/health?scope=430300&asOf=${asOf}&suggestion=dormant`);
    expect(list.data.map((r) => r.id)).toEqual([silent.id, onPaper.id]); // longest quiet first
    expect(list.total).toBe(2);
    expect(list.counts).toEqual({ active: 1, at_risk: 0, dormant: 3, dormantOnPaper: 2 });
    const row = list.data.find((r) => r.id === onPaper.id);
    expect(row?.reason.en).toBe('73 months without activity since the last activity (2019-05-20)');
    expect(row?.cnNameZh).toBe('湘潭市');
    expect(row?.lastActivityOn).toBe('2019-05-20');

    const any = await getJson<HealthList>(`/api/health?scope=430300&asOf=${asOf}&suggestion=dormant&status=any`);
    expect(any.data.map((r) => r.id).sort()).toEqual([onPaper.id, silent.id, admitted.id].sort());
    expect(any.data.some((r) => r.id === ended.id || r.id === elsewhere.id)).toBe(false);

    // as of 2020 the 2019 visit was recent: not dormant then
    const then = await getJson<HealthList>(`/api/health?scope=430300&asOf=2020-06-30&suggestion=dormant`);
    expect(then.data.map((r) => r.id)).toEqual([silent.id, lively.id]); // lively had not started then
    // everything, lowest overall first
    const all = await getJson<HealthList>(`/api/health?scope=430300&asOf=${asOf}&sort=overall&perPage=2`);
    expect(all.total).toBe(3);
    expect(all.data).toHaveLength(2);
    expect(all.data[0]?.overall).toBeLessThanOrEqual(all.data[1]?.overall as number);
  });

  it('refuses a bad scope, day or suggestion', async () => {
    expect((await app.request('/api/health?scope=999999')).status).toBe(400);
    expect((await app.request('/api/health?asOf=2025-13-01')).status).toBe(400);
    expect((await app.request('/api/health?suggestion=sleepy')).status).toBe(400);
  });
});

describe('who may read health', () => {
  const viewerOf = (scopeCode: string): Actor => ({
    kind: 'user',
    id: 77,
    name: 'viewer',
    role: 'viewer',
    scopeCode,
    canSeeContacts: false,
  });

  it('lets a viewer read in their scope, defaults the list to it, and refuses elsewhere (403)', async () => {
    const hunan = await buildPartnership(handle, { cnCode: '430100', establishedOn: '2011' });
    const guangdong = await buildPartnership(handle, { cnCode: '440100', establishedOn: '2011' });
    const viewer = buildApp(handle, viewerOf('440000'));
    expect((await viewer.request(`/api/partnerships/${guangdong.id}/health`)).status).toBe(200);
    expect((await viewer.request(`/api/partnerships/${hunan.id}/health`)).status).toBe(403);
    expect((await viewer.request('/api/health?scope=430000')).status).toBe(403);
    expect((await viewer.request('/api/health?scope=000000')).status).toBe(403);
    const own = await getJson<HealthList>('/api/health?status=any&perPage=500', viewer);
    expect(own.scope).toBe('440000');
    expect(own.data.length).toBeGreaterThan(0);
    expect(own.data.every((r) => r.cnCode.startsWith('44'))).toBe(true);
  });

  it('has nothing to write: a viewer cannot change a partnership’s recorded status to match (403)', async () => {
    const p = await buildPartnership(handle, { cnCode: '430100' });
    const viewer = buildApp(handle, viewerOf('430000'));
    const res = await viewer.request(`/api/partnerships/${p.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: p.version, status: 'dormant' }),
    });
    expect(res.status).toBe(403);
  });
});
