import { describe, expect, it } from 'vitest';
import { createActivity } from '../../server/activities/activity.service.js';
import { systemActor } from '../../server/auth/actor.js';
import { buildPartnership } from '../../server/testing/factories.js';
import { createTestDb } from '../../server/testing/test-db.js';
import { runReminders } from './reminders.js';

const handle = await createTestDb();

describe('amity reminders', () => {
  it('prints anniversaries and silent partnerships, or the JSON of the API', async () => {
    const p = await buildPartnership(handle, { cnCode: '430100', establishedOn: '2016-12-10' });
    const q = await buildPartnership(handle, { cnCode: '430600', establishedOn: '2010-03' });
    await createActivity({
      db: handle.db,
      actor: systemActor('test'),
      input: { partnershipId: q.id, type: 'letter', occurredOn: '2021-05-01', titleEn: 'Letter' },
    });
    const text = await runReminders(handle.db, { scope: '430000', asOf: '2026-11-29' });
    expect(text).toContain(`2026-12-10  10th (major) 第10周年  #${p.id}  长沙市`);
    expect(text).toMatch(new RegExp(`last 2021-05-01  #${q.id}  岳阳市`));
    const json = JSON.parse(await runReminders(handle.db, { asOf: '2026-11-29', years: '6', json: true }));
    expect(json.years).toBe(6);
    expect(json.silent.data.map((s: { partnership: { id: number } }) => s.partnership.id)).not.toContain(q.id);
  });

  it('names the option that is wrong', async () => {
    await expect(runReminders(handle.db, { years: '0' })).rejects.toThrow(/--years/);
    await expect(runReminders(handle.db, { asOf: '2026-02-30' })).rejects.toThrow(/--as-of/);
    await expect(runReminders(handle.db, { scope: '999999' })).rejects.toThrow(/--scope/);
  });
});
