import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { selectPartnershipIdByNames } from '../activities/activity.repo.js';
import { systemActor } from '../auth/actor.js';
import { partnerships } from '../db/schema.js';
import { loadDemo } from '../demo/demo.service.js';
import { importData } from '../imports/import.service.js';
import { buildPartnership } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';
import { getLifecycle, moveLifecycle } from './lifecycle.service.js';

const handle = await createTestDb();
const { db } = handle;
const actor = systemActor('test');

describe('the demo life cycle, and imports after moves', () => {
  it('loads a dormant demo pair whose history says it is illustrative, and a second load changes nothing', async () => {
    const first = await loadDemo({ db });
    expect(first.lifecycle).toEqual({ histories: 1, moves: 1, skipped: 0 });
    const id = (await selectPartnershipIdByNames(db, '430100', 'Mons')) as number;
    const lc = await getLifecycle({ db, actor, id });
    expect(lc).toMatchObject({ phase: 'dormant', allowedMoves: ['reactivate', 'end'], isConsistent: true });
    expect(lc.history.map((e) => [e.move, e.isDemo, e.actorName])).toEqual([['dormant', true, 'system:demo']]);
    const again = await loadDemo({ db });
    expect(again.lifecycle).toEqual({ histories: 0, moves: 0, skipped: 1 });
    expect(again.reports.partnerships).toMatchObject({ added: 0, updated: 0 });
    expect((await getLifecycle({ db, actor, id })).history).toHaveLength(1);
  });

  it('an import does not undo a life-cycle move, but still sets the status of pairs never moved', async () => {
    const moved = await buildPartnership(handle, { cnCode: '431000', partner: { countryIso2: 'FI', nameEn: 'Oulu' } });
    const plain = await buildPartnership(handle, { cnCode: '431000', partner: { countryIso2: 'FI', nameEn: 'Turku' } });
    await moveLifecycle({
      db,
      actor,
      id: moved.id,
      input: { version: moved.version, move: 'dormant', occurredOn: '2020-01-01', reason: 'no visits' },
    });
    const csv = [
      'cn_division_code,partner_name_en,partner_country,kind,status',
      '431000,Oulu,FI,friendship,active',
      '431000,Turku,FI,friendship,dormant',
    ].join('\n');
    const report = await importData({
      db,
      data: Buffer.from(csv),
      fileName: 'x.csv',
      format: 'csv',
      type: 'partnerships',
    });
    expect(report).toMatchObject({ ok: true, updated: 1, unchanged: 1 });
    const status = async (id: number) =>
      (await db.select({ s: partnerships.status }).from(partnerships).where(eq(partnerships.id, id)))[0]?.s;
    expect(await status(moved.id)).toBe('dormant');
    expect(await status(plain.id)).toBe('dormant');
  });
});
