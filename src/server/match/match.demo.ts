/**
 * The demo's illustrative requests for partners (data/demo/match.json): made up, marked isDemo, on
 * real places, entered through the request service. Loading twice adds nothing: a database that
 * holds demo requests already is left as it is.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MatchRequestCreateSchema } from '../../shared/schemas/match.js';
import { systemActor } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { countDemoRequests } from './match.repo.js';
import { createRequest } from './request.service.js';

const DemoFileSchema = z.object({ about: z.string(), requests: z.array(MatchRequestCreateSchema) });

export type DemoMatchSummary = { requests: number; skipped: boolean };

export async function loadDemoMatch({ db, dataDir }: { db: Db; dataDir: string }): Promise<DemoMatchSummary> {
  const path = join(dataDir, 'match.json');
  if (!existsSync(path)) return { requests: 0, skipped: true };
  if ((await countDemoRequests(db)) > 0) return { requests: 0, skipped: true };
  const file = DemoFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const actor = systemActor('demo');
  for (const input of file.requests) await createRequest({ db, actor, input, isDemo: true });
  return { requests: file.requests.length, skipped: false };
}
