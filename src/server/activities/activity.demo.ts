/**
 * The demo's illustrative activities and office rules (data/demo/activities.json): made up to show
 * the pages, each loaded through the real services with isDemo=true. Loading twice adds nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ActivityCreateSchema } from '../../shared/schemas/activity.js';
import { OfficeRulesSchema } from '../../shared/schemas/rules.js';
import { systemActor } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { selectRulesRows } from '../rules/rules.repo.js';
import { putRules } from '../rules/rules.service.js';
import { activityExists, selectPartnershipIdByNames } from './activity.repo.js';
import { createActivity } from './activity.service.js';

const PairSchema = z.object({ cn: z.string(), partner: z.string() });

const DemoFileSchema = z.object({
  about: z.string(),
  rules: z.array(z.object({ scope: z.string(), settings: OfficeRulesSchema })),
  activities: z.array(PairSchema.extend({ also: z.array(PairSchema).optional() }).loose()),
});

export type DemoActivitiesSummary = { rules: number; activities: number; skipped: number };

export async function loadDemoActivities({ db, dataDir }: { db: Db; dataDir: string }): Promise<DemoActivitiesSummary> {
  const path = join(dataDir, 'activities.json');
  if (!existsSync(path)) return { rules: 0, activities: 0, skipped: 0 };
  const file = DemoFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const actor = systemActor('demo');
  const summary: DemoActivitiesSummary = { rules: 0, activities: 0, skipped: 0 };
  for (const { scope, settings } of file.rules) {
    if ((await selectRulesRows(db, [scope])).length > 0) continue;
    await putRules({ db, actor, scope, input: { settings }, isDemo: true });
    summary.rules += 1;
  }
  const idOf = async ({ cn, partner }: { cn: string; partner: string }) => {
    const id = await selectPartnershipIdByNames(db, cn, partner);
    if (id === undefined) throw new Error(`data/demo/activities.json: no demo partnership of ${cn} with ${partner}`);
    return id;
  };
  for (const entry of file.activities) {
    const { cn, partner, also, ...rest } = entry;
    const partnershipId = await idOf({ cn, partner });
    const partnershipIds = await Promise.all((also ?? []).map(idOf));
    const input = ActivityCreateSchema.parse({ ...rest, partnershipId, partnershipIds });
    const title = input.titleZh ?? input.titleEn ?? '';
    if (await activityExists(db, partnershipId, input.occurredOn, input.type, title)) {
      summary.skipped += 1;
      continue;
    }
    await createActivity({ db, actor, input, isDemo: true });
    summary.activities += 1;
  }
  return summary;
}
