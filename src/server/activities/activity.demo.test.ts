import { describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor.js';
import { loadDemo } from '../demo/demo.service.js';
import { getReminders } from '../reminders/reminders.service.js';
import { createTestDb } from '../testing/test-db.js';
import { listActivities } from './activity.service.js';

const handle = await createTestDb();
const actor = systemActor('test');

describe('demo activities', () => {
  it('are illustrative, include a delegation that breaks a Hunan rule, and leave pairs silent', async () => {
    const first = await loadDemo({ db: handle.db });
    expect(first.activities?.activities).toBeGreaterThanOrEqual(8);
    expect(first.activities?.rules).toBe(1);
    const query = { page: 1, perPage: 500 } as const;
    const all = await listActivities({ db: handle.db, actor, query: { ...query, cn: '430000' } });
    expect(all.total).toBe(first.activities?.activities);
    expect(all.data.every((a) => a.isDemo)).toBe(true);
    const flagged = await listActivities({ db: handle.db, actor, query: { ...query, flagged: 'true' } });
    const rules = flagged.data.flatMap((a) => a.flags.map((f) => f.rule));
    expect(rules).toContain('delegation_size');
    expect(rules).toContain('anniversary_interval');
    expect(all.data.some((a) => a.partnershipIds.length > 1)).toBe(true);

    const reminders = await getReminders({
      db: handle.db,
      actor,
      query: { scope: '430000', asOf: '2026-11-29', years: 3, months: 12 },
    });
    const silent = reminders.silent.data;
    expect(silent.some((s) => s.lastActivityOn === '2019-07-03')).toBe(true);
    expect(silent.some((s) => s.lastActivityOn === null)).toBe(true);
    expect(reminders.anniversaries.total).toBeGreaterThan(0);

    // Loading again adds nothing.
    const again = await loadDemo({ db: handle.db });
    expect(again.activities).toEqual({ rules: 0, activities: 0, skipped: first.activities?.activities });
  });
});
