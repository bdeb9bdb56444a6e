import { describe, expect, it } from 'vitest';
import type { ActivityCreateInput } from '../../shared/schemas/activity.js';
import type { ActivityFigures } from '../../shared/schemas/activity-figures.js';
import { createActivity } from '../activities/activity.service.js';
import { type Actor, systemActor } from '../auth/actor.js';
import { projectOutcomes, projectPartnerships, projects } from '../db/schema.js';
import { buildApp, buildPartnership } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';

const handle = await createTestDb();
const app = buildApp(handle);
const system = systemActor('test');

async function activity(
  partnershipId: number,
  occurredOn: string,
  type: string,
  more: Partial<ActivityCreateInput> = {},
) {
  await createActivity({
    db: handle.db,
    actor: system,
    input: { partnershipId, occurredOn, type, titleEn: `${type} ${occurredOn}`, ...more } as ActivityCreateInput,
  });
}

const getJson = async <T>(path: string) => {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

// Hunan: 长沙 and 湘潭; Guangdong: 广州 (never counted for Hunan)
const changsha = await buildPartnership(handle, { cnCode: '430100', establishedOn: '2005' });
const xiangtan = await buildPartnership(handle, { cnCode: '430300', establishedOn: '1990' });
const guangzhou = await buildPartnership(handle, { cnCode: '440100', establishedOn: '2000' });
await activity(changsha.id, '2024-04-01', 'delegation_in', { participants: 12, fields: ['education', 'culture'] });
await activity(changsha.id, '2024-09-01', 'delegation_out', { participants: 6, fields: ['trade'] });
await activity(changsha.id, '2025-02-01', 'delegation_in', { participants: null, fields: ['education'] });
await activity(changsha.id, '2025-03-01', 'event', { fields: ['culture'] });
await activity(xiangtan.id, '2016-05-05', 'delegation_out', { participants: 4 });
await activity(xiangtan.id, '2015-12-31', 'visit'); // before the 10 years shown
await activity(changsha.id, '2025-07-01', 'visit'); // after asOf
await activity(guangzhou.id, '2024-05-05', 'delegation_in', { participants: 100 });
const [project] = await handle.db
  .insert(projects)
  .values({
    nameEn: 'Rice farm',
    field: 'agriculture',
    status: 'running',
    cnCode: '430100',
    provinceCode: '430000',
    prefectureCode: '430100',
    sdgs: [1, 2],
    search: 'rice',
  })
  .returning({ id: projects.id });
await handle.db.insert(projectPartnerships).values({ projectId: project?.id as number, partnershipId: changsha.id });
await handle.db.insert(projectOutcomes).values([
  {
    projectId: project?.id as number,
    metricEn: 'area',
    value: 120,
    unit: 'ha',
    asOf: '2023-01-01',
    asOfPrecision: 'year',
  },
  {
    projectId: project?.id as number,
    metricEn: 'area',
    value: 150,
    unit: 'ha',
    asOf: '2025-01-01',
    asOfPrecision: 'year',
  },
]);

describe('activity figures', () => {
  it('counts activities per year by type and field, delegations, health and outcomes of a scope', async () => {
    const f = await getJson<ActivityFigures>('/api/figures/activities?scope=430000&asOf=2025-06-30');
    expect(f.scope).toEqual({ code: '430000', nameZh: '湖南省', nameEn: 'Hunan' });
    expect(f.years).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(f.activities.total).toBe(5);
    expect(f.activities.byYearType.map(({ year, type, count }) => [year, type, count])).toEqual([
      [2016, 'delegation_out', 1],
      [2024, 'delegation_in', 1],
      [2024, 'delegation_out', 1],
      [2025, 'delegation_in', 1],
      [2025, 'event', 1],
    ]);
    expect(f.activities.byYearField.map(({ year, field, count }) => [year, field, count])).toEqual([
      [2024, 'culture', 1],
      [2024, 'education', 1],
      [2024, 'trade', 1],
      [2025, 'culture', 1],
      [2025, 'education', 1],
    ]);
    expect(f.delegations.in).toMatchObject({ count: 2, participants: 12 });
    expect(f.delegations.out).toMatchObject({ count: 2, participants: 10 });
    expect(f.health).toMatchObject({ measured: 2, active: 1, at_risk: 0, dormant: 1, dormantOnPaper: 1 });
    expect(f.outcomes.byField).toEqual([
      expect.objectContaining({ key: 'agriculture', unit: 'ha', total: 150, outcomes: 1, projects: 1 }),
    ]);
    expect(f.outcomes.bySdg.map((t) => [t.key, t.total])).toEqual([
      ['1', 150],
      ['2', 150],
    ]);
  });

  it('lists exactly the records behind each number', async () => {
    const f = await getJson<ActivityFigures>('/api/figures/activities?scope=430000&asOf=2025-06-30');
    const totalOf = async (path: string) => (await getJson<{ total: number }>(path)).total;
    for (const row of [...f.activities.byYearType, ...f.activities.byYearField]) {
      expect(await totalOf(row.records), row.records).toBe(row.count);
    }
    expect(await totalOf(f.activities.records)).toBe(f.activities.total);
    expect(await totalOf(f.delegations.in.records)).toBe(f.delegations.in.count);
    expect(await totalOf(f.delegations.out.records)).toBe(f.delegations.out.count);
    for (const s of ['active', 'at_risk', 'dormant', 'dormantOnPaper'] as const) {
      expect(await totalOf(f.health.records[s] as string), s).toBe(f.health[s]);
    }
    for (const t of [...f.outcomes.byField, ...f.outcomes.bySdg]) {
      expect(await totalOf(t.records)).toBe(t.projects);
    }
  });

  it('answers for the whole country and for a county, and as of an earlier day', async () => {
    const all = await getJson<ActivityFigures>('/api/figures/activities?scope=000000&asOf=2025-06-30&years=3');
    expect(all.years).toEqual([2023, 2024, 2025]);
    expect(all.delegations.in).toMatchObject({ count: 3, participants: 112 });
    const then = await getJson<ActivityFigures>('/api/figures/activities?scope=430100&asOf=2024-06-30&years=1');
    expect(then.activities.total).toBe(1);
    expect(then.outcomes.byField[0]?.total).toBe(120);
  });

  it('refuses a bad query (400), an unknown scope (400) and a scope outside the reader’s (403)', async () => {
    expect((await app.request('/api/figures/activities?scope=43')).status).toBe(400);
    expect((await app.request('/api/figures/activities?scope=430000&years=0')).status).toBe(400);
    expect((await app.request('/api/figures/activities?scope=990000')).status).toBe(400);
    const viewer: Actor = {
      kind: 'user',
      id: 5,
      name: 'v',
      role: 'viewer',
      scopeCode: '440000',
      canSeeContacts: false,
    };
    const asViewer = buildApp(handle, viewer);
    expect((await asViewer.request('/api/figures/activities?scope=430000')).status).toBe(403);
    expect((await asViewer.request('/api/figures/activities?scope=440100&asOf=2025-06-30')).status).toBe(200);
  });
});
