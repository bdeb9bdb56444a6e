/**
 * `npm run bench:import`: the importer's rate on the same synthetic partnerships written two ways —
 * in the interchange format (codes, ISO dates) and as an office keeps its sheet (序号, Chinese
 * headers, divisions by short or run-together names, countries by Chinese and official long names,
 * Chinese dates) — each imported into a fresh embedded database, after a dry run that lists every
 * reading. Prints rows/s of both and how much slower the office sheet is.
 *
 * Options: --rows N (default 20000), --runs N (default 3): the two forms take turns, and each
 * figure is the median of its runs, so that a busy machine slows both alike.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/server/db/open.js';
import { importData } from '../src/server/imports/import.service.js';
import { syntheticOfficeSheetCsv, syntheticPartnershipsCsv } from './synthetic.js';

const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: '20000' }, runs: { type: 'string', default: '3' } },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);

type Row = Record<string, string | number>;

async function measure(form: string, csv: Buffer): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'amity-bench-import-'));
  const handle = await openDatabase({ dataDir: dir });
  try {
    const dryStart = performance.now();
    const dry = await importData({ db: handle.db, data: csv, fileName: `${form}.csv`, dryRun: true });
    const dryMs = performance.now() - dryStart;
    if (!dry.ok) throw new Error(`${form}: ${JSON.stringify(dry.problems.slice(0, 3))}`);
    const start = performance.now();
    const report = await importData({ db: handle.db, data: csv, fileName: `${form}.csv` });
    const ms = performance.now() - start;
    if (!report.ok || report.added !== ROWS) throw new Error(`${form}: added ${report.added} of ${ROWS}`);
    return {
      form,
      rows: report.rows,
      'readings listed': dry.readingCount,
      'dry run rows/s': Math.round(report.rows / (dryMs / 1000)),
      'import s': +(ms / 1000).toFixed(2),
      'import rows/s': Math.round(report.rows / (ms / 1000)),
    };
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const standard = Buffer.from(syntheticPartnershipsCsv(ROWS));
const office = Buffer.from(syntheticOfficeSheetCsv(ROWS));
const runs: Row[][] = [[], []];
for (let i = 0; i < RUNS; i++) {
  runs[0]?.push(await measure('interchange', standard));
  runs[1]?.push(await measure('office sheet', office));
}
/** Each numeric figure the median of the runs. */
function medianRow(rows: Row[]): Row {
  const first = rows[0] as Row;
  return Object.fromEntries(
    Object.entries(first).map(([key, value]) => {
      if (typeof value !== 'number') return [key, value];
      const sorted = rows.map((r) => Number(r[key])).sort((x, y) => x - y);
      return [key, sorted[Math.floor(sorted.length / 2)] as number];
    }),
  );
}
const results = runs.map(medianRow);
console.log(
  `\nImport bench: ${ROWS.toLocaleString('en')} synthetic partnerships on embedded PGlite, median of ${RUNS}`,
);
console.table(results);
const [a, b] = results.map((r) => Number(r['import rows/s'])) as [number, number];
console.log(`The office sheet imports at ${((b / a) * 100).toFixed(0)} % of the interchange format's rate.`);
