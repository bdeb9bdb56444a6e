import { describe, expect, it } from 'vitest';
import { buildPartnership } from '../../server/testing/factories.js';
import { createTestDb } from '../../server/testing/test-db.js';
import { describeError } from '../context.js';
import { runLifecycle } from './lifecycle.js';

const handle = await createTestDb();

describe('amity lifecycle', () => {
  it('prints the life cycle, records a move, and refuses one that is not allowed in one line', async () => {
    const p = await buildPartnership(handle, { establishedOn: '2001' });
    expect(await runLifecycle(handle.db, String(p.id), {})).toContain('phase active');
    const moved = await runLifecycle(handle.db, String(p.id), { move: 'dormant', on: '2020-02-02', reason: '无往来' });
    expect(moved).toContain('phase dormant');
    expect(moved).toContain('2020-02-02  dormant    active → dormant  无往来  [system:cli]');
    const refused = await runLifecycle(handle.db, String(p.id), { move: 'establish', on: '2021-01-01' }).catch((e) =>
      describeError(e),
    );
    expect(refused).toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('establish is not allowed from dormant'),
    });
    const json = JSON.parse(await runLifecycle(handle.db, String(p.id), { json: true }));
    expect(json.history).toHaveLength(1);
    await expect(runLifecycle(handle.db, 'x', {})).rejects.toMatchObject({ exitCode: 2 });
  });
});
