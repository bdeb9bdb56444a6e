/**
 * The demo's open data: Hunan (430000) publishes its pairs, and the demo's foreign places get the
 * Wikidata items that data/demo/place-qids.csv gives (hand-checked against the 2016 P190 extract by
 * scripts/build-wikidata-ids.ts). Loading twice changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { systemActor } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { updateForeignPlace } from '../partnerships/partner-place.service.js';
import { findForeignPlaceByName } from '../places/place.service.js';
import { getOpenScope, putOpenScope } from './publication.service.js';

export const DEMO_OPEN_SCOPE = '430000';

export type DemoOpenDataSummary = { publicScope: string; placeQids: number };

export async function loadDemoOpenData({ db, dataDir }: { db: Db; dataDir: string }): Promise<DemoOpenDataSummary> {
  const actor = systemActor('demo');
  const current = await getOpenScope({ db, actor, scope: DEMO_OPEN_SCOPE });
  if (!current.own?.isPublic) {
    await putOpenScope({ db, actor, scope: DEMO_OPEN_SCOPE, input: { isPublic: true, version: current.own?.version } });
  }
  const rows = parse(readFileSync(join(dataDir, 'place-qids.csv')), { columns: true, bom: true }) as Record<
    string,
    string
  >[];
  let placeQids = 0;
  for (const row of rows) {
    const place = await findForeignPlaceByName(db, row.country_iso2 as string, row.name_en as string);
    if (!place) throw new Error(`data/demo/place-qids.csv: no demo place ${row.name_en} (${row.country_iso2})`);
    if (place.wikidataId !== row.wikidata_id) {
      await updateForeignPlace({ db, actor, id: place.id, input: { wikidataId: row.wikidata_id } });
    }
    placeQids += 1;
  }
  return { publicScope: DEMO_OPEN_SCOPE, placeQids };
}
