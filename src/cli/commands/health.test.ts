import { describe, expect, it } from 'vitest';
import { createActivity } from '../../server/activities/activity.service.js';
import { systemActor } from '../../server/auth/actor.js';
import { buildPartnership } from '../../server/testing/factories.js';
import { createTestDb } from '../../server/testing/test-db.js';
import { runHealth } from './health.js';

const handle = await createTestDb();

describe('amity health', () => {
  it('prints the counts and the pairs dormant on paper, or the JSON of the API', async () => {
    const quiet = await buildPartnership(handle, { cnCode: '430100', establishedOn: '2008' });
    const busy = await buildPartnership(handle, { cnCode: '430600', establishedOn: '2010-03' });
    await createActivity({
      db: handle.db,
      actor: systemActor('test'),
      input: { partnershipId: quiet.id, type: 'letter', occurredOn: '2019-05-01', titleEn: 'Letter' },
    });
    for (const occurredOn of ['2025-03-01', '2025-09-01']) {
      await createActivity({
        db: handle.db,
        actor: systemActor('test'),
        input: {
          partnershipId: busy.id,
          type: 'delegation_in',
          occurredOn,
          titleEn: 'Delegation',
          participants: 20,
          days: 5,
          fields: ['education', 'trade', 'culture'],
        },
      });
    }
    const text = await runHealth(handle.db, { scope: '430000', asOf: '2026-06-30', dormant: true });
    expect(text).toContain('active 1  at risk 0  dormant 1');
    expect(text).toContain('dormant on paper: 1');
    expect(text).toContain(`last 2019-05-01  #${quiet.id}  长沙市 Changsha`);
    expect(text).not.toContain(`#${busy.id}`);
    const json = JSON.parse(
      await runHealth(handle.db, { scope: '430000', asOf: '2026-06-30', status: 'any', json: true }),
    );
    expect(json.total).toBe(2);
    expect(json.data.map((r: { id: number }) => r.id)).toEqual([quiet.id, busy.id]);
  });

  it('names the option that is wrong', async () => {
    await expect(runHealth(handle.db, { asOf: '2026-02-30' })).rejects.toThrow(/--as-of/);
    await expect(runHealth(handle.db, { scope: '999999' })).rejects.toThrow(/--scope/);
    await expect(runHealth(handle.db, { suggestion: 'sleepy' })).rejects.toThrow(/--suggestion/);
  });
});
