/**
 * The open-data export at national scale: 100,000 synthetic partnerships (bench/synthetic.ts,
 * through the real importer), all published, then the whole `amity export-open` — the tables read,
 * the CSV, the XLSX, datapackage.json and dataset.jsonld written, the zip made, and the package
 * checked against the Frictionless profiles and its Table Schemas (as `amity export-open` does before
 * it writes) — timed on PGlite and on the
 * PostgreSQL server (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server; a fresh
 * database is created and dropped). Target: ≤ 10 s for 100,000 pairs.
 *
 *   npm run bench:open [-- --rows 100000 --only pglite|postgres]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { systemActor } from '../src/server/auth/actor.js';
import type { DbHandle } from '../src/server/db/client.js';
import { openDatabase } from '../src/server/db/open.js';
import { importData } from '../src/server/imports/import.service.js';
import {
  buildOpenPackage,
  checkOpenPackage,
  writeOpenPackage,
  zipPackage,
} from '../src/server/open/open-package.service.js';
import { validatePackageFiles } from '../src/server/open/package-validate.js';
import { putOpenScope } from '../src/server/open/publication.service.js';
import { syntheticPartnershipsCsv } from './synthetic.js';

const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, only: { type: 'string' } },
});
const ROWS = Number(args.rows);
const TARGET_S = 10;
const actor = systemActor('bench');

type Row = Record<string, string | number>;

async function benchOne(name: string, handle: DbHandle, csv: Buffer): Promise<Row> {
  const report = await importData({ db: handle.db, data: csv, fileName: 'synthetic.csv' });
  if (!report.ok) throw new Error(`import failed: ${JSON.stringify(report.problems.slice(0, 3))}`);
  await putOpenScope({ db: handle.db, actor, scope: '000000', input: { isPublic: true } });
  const t0 = performance.now();
  const pkg = await buildOpenPackage({ db: handle.db, actor, options: { created: '2026-11-29' } });
  const t1 = performance.now();
  const { files, descriptor } = await writeOpenPackage(pkg);
  const t2 = performance.now();
  const zip = zipPackage(files);
  const t3 = performance.now();
  const problems = checkOpenPackage(pkg, descriptor);
  const t4 = performance.now();
  // Not part of the export: the files read back and checked, as an importer or a consumer does.
  const readBack = validatePackageFiles(files).problems;
  const t5 = performance.now();
  if (readBack.length) throw new Error(`the files do not validate: ${JSON.stringify(readBack.slice(0, 3))}`);
  if (problems.length) throw new Error(`the package does not validate: ${JSON.stringify(problems.slice(0, 3))}`);
  const total = (t4 - t0) / 1000;
  const mb = (bytes: number) => +(bytes / 1e6).toFixed(1);
  return {
    database: name,
    pairs: pkg.tables.get('partnerships')?.length ?? 0,
    places: pkg.tables.get('places')?.length ?? 0,
    'read s': +((t1 - t0) / 1000).toFixed(2),
    'write CSV+XLSX+JSON s': +((t2 - t1) / 1000).toFixed(2),
    'zip s': +((t3 - t2) / 1000).toFixed(2),
    'check s': +((t4 - t3) / 1000).toFixed(2),
    'total s': +total.toFixed(2),
    'zip MB': mb(zip.length),
    'xlsx MB': mb(files.get('amity-open-data.xlsx')?.length ?? 0),
    'files read back and checked s': +((t5 - t4) / 1000).toFixed(2),
    target: total <= TARGET_S ? `met (≤ ${TARGET_S} s)` : `NOT met (> ${TARGET_S} s)`,
  };
}

async function main() {
  console.log(`Generating ${ROWS.toLocaleString('en')} synthetic partnerships …`);
  const csv = Buffer.from(syntheticPartnershipsCsv(ROWS));
  const results: Row[] = [];
  if (args.only !== 'postgres') {
    const dir = mkdtempSync(join(tmpdir(), 'amity-bench-open-'));
    const handle = await openDatabase({ dataDir: dir });
    try {
      results.push(await benchOne('PGlite', handle, csv));
    } finally {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (args.only !== 'pglite') {
    const adminUrl =
      process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const admin = new pg.Client({ connectionString: adminUrl });
    const reachable = await admin.connect().then(
      () => true,
      (error: Error) => {
        console.log(`PostgreSQL server not reachable at ${adminUrl} (${error.message}): skipped`);
        return false;
      },
    );
    if (reachable) {
      const name = `amity_bench_open_${process.pid}`;
      await admin.query(`create database ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const handle = await openDatabase({ url: url.toString(), poolSize: 4 });
      try {
        results.push(await benchOne('PostgreSQL', handle, csv));
      } finally {
        await handle.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    }
  }
  console.table(results);
  if (results.some((r) => String(r.target).startsWith('NOT'))) process.exitCode = 1;
}

await main();
