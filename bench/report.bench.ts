/**
 * `npm run bench:report`: the full annual report as DOCX (charts, appendix of every pair,
 * provenance) timed end to end — reading the figures and records, composing, drawing four charts,
 * writing the Word file — on embedded PGlite:
 *   1. the demo (Hunan, as `amity demo` loads it): the province's report, target ≤ 3 s;
 *   2. national scale (100,000 synthetic partnerships and 100,000 activities in the database): a
 *      province's report and the whole country's (100,000 rows in its appendix), target ≤ 10 s.
 * Prints the median and the slowest of --runs runs (default 5), after one warm-up run.
 *
 * Options: --rows N (default 100000), --runs N, --skip-national.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { systemActor } from '../src/server/auth/actor.js';
import type { DbHandle } from '../src/server/db/client.js';
import { openDatabase } from '../src/server/db/open.js';
import { loadDemo } from '../src/server/demo/demo.service.js';
import { importData } from '../src/server/imports/import.service.js';
import { generateReport } from '../src/server/reports/report.service.js';
import type { ReportQuery } from '../src/shared/schemas/report.js';
import { syntheticPartnershipsCsv } from './synthetic.js';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    'skip-national': { type: 'boolean', default: false },
  },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);
const actor = systemActor('bench');

type Row = {
  case: string;
  pairs: number;
  'docx KB': number;
  'median s': number;
  'max s': number;
  target: string;
  ok: string;
};

async function timeReport(handle: DbHandle, name: string, query: ReportQuery, targetS: number): Promise<Row> {
  const first = await generateReport({ db: handle.db, actor, query });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await generateReport({ db: handle.db, actor, query });
    times.push((performance.now() - started) / 1000);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  const max = times[times.length - 1] as number;
  const appendix = first.document.blocks.findIndex((b) => b.type === 'heading' && b.id === 'appendix-pairs');
  const pairs = first.document.blocks.slice(appendix).find((b) => b.type === 'table');
  const row = {
    case: name,
    pairs: pairs && pairs.type === 'table' ? pairs.rows.length : 0,
    'docx KB': Math.round(first.body.length / 1024),
    'median s': +median.toFixed(2),
    'max s': +max.toFixed(2),
    target: `≤ ${targetS} s`,
    ok: max <= targetS ? 'yes' : 'NO',
  };
  console.log(JSON.stringify(row));
  return row;
}

async function withFreshDb<T>(body: (handle: DbHandle) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'amity-report-bench-'));
  const handle = await openDatabase({ dataDir: join(dir, 'db') });
  try {
    return await body(handle);
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows: Row[] = [];
const base = { asOf: '2024-11-28', since: '2018', lang: 'zh', format: 'docx', compare: '2023-11-28' } as const;

await withFreshDb(async (handle) => {
  await loadDemo({ db: handle.db });
  rows.push(await timeReport(handle, 'demo: Hunan 430000', { ...base, scope: '430000' }, 3));
});

if (!args['skip-national']) {
  await withFreshDb(async (handle) => {
    console.log(`Loading ${ROWS.toLocaleString('en')} synthetic partnerships …`);
    const report = await importData({
      db: handle.db,
      data: Buffer.from(syntheticPartnershipsCsv(ROWS)),
      fileName: 'synthetic.csv',
    });
    if (!report.ok) throw new Error(`import failed: ${JSON.stringify(report.problems.slice(0, 3))}`);
    await handle.db.execute(sql`
      insert into activities (partnership_id, type, occurred_on, title_en)
      select ids.a[1 + (g::bigint * 7919) % cardinality(ids.a)],
        (array['delegation_out','delegation_in','visit','agreement','event','online_meeting','letter','other'])[1 + g % 8],
        date '2015-01-01' + (g % 3600),
        'Synthetic activity ' || g
      from generate_series(1, ${ROWS}) g,
        (select array_agg(id order by id) as a from partnerships) ids`);
    await handle.db.execute(sql`analyze`);
    rows.push(await timeReport(handle, `national scale: province 430000`, { ...base, scope: '430000' }, 10));
    rows.push(await timeReport(handle, `national scale: whole country 000000`, { ...base, scope: '000000' }, 10));
  });
}

console.log(`\nAnnual report bench (DOCX with charts, appendix and provenance; PGlite), median of ${RUNS} runs`);
console.table(rows);
if (rows.some((r) => r.ok !== 'yes')) process.exitCode = 1;
