/**
 * The demo's illustrative life-cycle histories (data/demo/lifecycle.json): made-up moves on sourced
 * pairs (one falls dormant, so the demo can bring it back), loaded through the real service with
 * isDemo=true. Loading twice adds nothing: a pair that already has a history is left as it is.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MoveRequestSchema } from '../../shared/schemas/lifecycle.js';
import { selectPartnershipIdByNames } from '../activities/activity.repo.js';
import { systemActor } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { selectStageEvents } from './lifecycle.repo.js';
import { getLifecycle, moveLifecycle } from './lifecycle.service.js';

const DemoMoveSchema = MoveRequestSchema.omit({ version: true });

const DemoFileSchema = z.object({
  about: z.string(),
  histories: z.array(z.object({ cn: z.string(), partner: z.string(), moves: z.array(DemoMoveSchema) })),
});

export type DemoLifecycleSummary = { histories: number; moves: number; skipped: number };

export async function loadDemoLifecycle({ db, dataDir }: { db: Db; dataDir: string }): Promise<DemoLifecycleSummary> {
  const summary: DemoLifecycleSummary = { histories: 0, moves: 0, skipped: 0 };
  const path = join(dataDir, 'lifecycle.json');
  if (!existsSync(path)) return summary;
  const file = DemoFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const actor = systemActor('demo');

  const replay = async (id: number, moves: z.infer<typeof DemoMoveSchema>[]) => {
    if ((await selectStageEvents(db, id)).length > 0) {
      summary.skipped += 1;
      return false;
    }
    for (const move of moves) {
      const { version } = await getLifecycle({ db, actor, id });
      await moveLifecycle({ db, actor, id, input: { ...move, version }, isDemo: true });
      summary.moves += 1;
    }
    return true;
  };

  for (const history of file.histories) {
    const id = await selectPartnershipIdByNames(db, history.cn, history.partner);
    if (id === undefined)
      throw new Error(`data/demo/lifecycle.json: no demo partnership of ${history.cn} with ${history.partner}`);
    if (await replay(id, history.moves)) summary.histories += 1;
  }
  return summary;
}
