import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.js';
import { buildApp, buildPartnership, jsonInit } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';

const handle = await createTestDb();
const app = buildApp(handle);

type Reminders = {
  asOf: string;
  silentBefore: string;
  anniversaries: { data: { partnership: { id: number }; n: number; major: boolean; label: string }[]; total: number };
  silent: { data: { partnership: { id: number }; lastActivityOn: string | null }[]; total: number };
};

const get = async (query: string, on = app) => {
  const res = await on.request(`/api/reminders?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Reminders;
};

describe('reminders API', () => {
  it('lists anniversaries in the window and partnerships with no activity for N years', async () => {
    const tenth = await buildPartnership(handle, { cnCode: '430100', establishedOn: '2016-12-10' });
    const fifth = await buildPartnership(handle, { cnCode: '430600', establishedOn: '2022-03' });
    const none = await buildPartnership(handle, { cnCode: '430100', establishedOn: '2014-07-01' });
    const ended = await buildPartnership(handle, {
      cnCode: '430100',
      establishedOn: '2016-12',
      status: 'ended',
      endedOn: '2020-01-01',
    });
    const beijing = await buildPartnership(handle, { cnCode: '110000', establishedOn: '2016-12-01' });
    const young = await buildPartnership(handle, { cnCode: '430100', establishedOn: '2025-01-01' });
    const post = (partnershipId: number, occurredOn: string, partnershipIds: number[] = []) =>
      app.request(
        '/api/activities',
        jsonInit('POST', { partnershipId, partnershipIds, type: 'letter', occurredOn, titleEn: 'Letter' }),
      );
    expect((await post(tenth.id, '2025-01-05')).status).toBe(201);
    // An older activity of `fifth`, and a recent one that also counts for `beijing` through its link.
    expect((await post(fifth.id, '2022-06-01')).status).toBe(201);
    expect((await post(tenth.id, '2024-06-01', [beijing.id])).status).toBe(201);

    const r = await get('scope=430000&asOf=2026-11-29&years=3&months=12');
    expect(r.silentBefore).toBe('2023-11-29');
    const anniversaries = r.anniversaries.data.map((a) => [a.partnership.id, a.n, a.major, a.label]);
    expect(anniversaries).toEqual([
      [tenth.id, 10, true, '2026-12-10'],
      [fifth.id, 5, false, '2027-03'],
    ]);
    expect(r.anniversaries.total).toBe(2);
    expect(r.silent.data.map((s) => [s.partnership.id, s.lastActivityOn])).toEqual([
      [none.id, null],
      [fifth.id, '2022-06-01'],
    ]);
    expect(r.silent.data.map((s) => s.partnership.id)).not.toContain(ended.id);
    expect(r.silent.data.map((s) => s.partnership.id)).not.toContain(young.id);

    // Nationally, Beijing's 10th anniversary shows, and its linked activity keeps it from silence.
    const national = await get('asOf=2026-11-29');
    expect(national.anniversaries.data.map((a) => a.partnership.id)).toContain(beijing.id);
    expect(national.silent.data.map((s) => s.partnership.id)).not.toContain(beijing.id);
    // Two years of silence: `tenth` (last 2025-01-05) is not silent, `fifth` is.
    const twoYears = await get('scope=430000&asOf=2026-11-29&years=2');
    expect(twoYears.silent.data.map((s) => s.partnership.id)).toContain(fifth.id);
    expect(twoYears.silent.data.map((s) => s.partnership.id)).not.toContain(tenth.id);
    // As of an earlier day, what happened later does not count: `tenth` had no activity yet.
    const earlier = await get('scope=430000&asOf=2022-01-01&years=3&months=3');
    expect(earlier.silent.data.find((s) => s.partnership.id === tenth.id)?.lastActivityOn).toBeNull();
    expect(earlier.silent.data.map((s) => s.partnership.id)).not.toContain(fifth.id);
    expect(earlier.anniversaries.data).toEqual([]);
  });

  it('refuses bad queries and scopes outside the actor’s', async () => {
    expect((await app.request('/api/reminders?years=0')).status).toBe(400);
    expect((await app.request('/api/reminders?asOf=2023-02-30')).status).toBe(400);
    const changshaViewer: Actor = {
      kind: 'user',
      id: 3,
      name: 'cs',
      role: 'viewer',
      scopeCode: '430100',
      canSeeContacts: false,
    };
    const asViewer = buildApp(handle, changshaViewer);
    expect((await asViewer.request('/api/reminders?scope=430000')).status).toBe(403);
    const own = await get('asOf=2026-11-29', asViewer);
    expect(own.anniversaries.data.length).toBeGreaterThan(0);
    expect((await buildApp(handle, null).request('/api/reminders')).status).toBe(401);
  });
});
