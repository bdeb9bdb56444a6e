/**
 * `npm run bench`: the registry at national scale (100,000 partnerships, 1,000,000 activities) on
 * embedded PGlite and on the PostgreSQL server. Prints the import rate through the real importer,
 * and median times of the figures of one province and of a filtered list page — through the API,
 * beside the very same SQL statements run directly on the driver.
 *
 * Options: --rows N (default 100000), --activities N (default 1000000), --runs N (default 31),
 * --only pglite|postgres. The server is BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/test; a fresh database is created on it and dropped after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { systemActor } from '../src/server/auth/actor.js';
import { type DbHandle, pgliteClientOf } from '../src/server/db/client.js';
import { openDatabase } from '../src/server/db/open.js';
import { queryRows } from '../src/server/db/sql.js';
import { createApp } from '../src/server/http/app.js';
import { ROUTE_MODULES } from '../src/server/http/routes.js';
import { importData } from '../src/server/imports/import.service.js';
import { syntheticPartnershipsCsv } from './synthetic.js';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    activities: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '31' },
    only: { type: 'string' },
  },
});
const ROWS = Number(args.rows);
const ACTIVITIES = Number(args.activities);
const RUNS = Number(args.runs);

type Statement = { text: string; params: unknown[] };

/** Records the statements the driver is asked to run, so that they can be replayed directly. */
function recorder(handle: DbHandle) {
  const recorded: Statement[] = [];
  let on = false;
  const pglite = pgliteClientOf(handle);
  if (pglite) {
    const original = pglite.query.bind(pglite);
    pglite.query = ((text: string, params?: unknown[], options?: object) => {
      if (on) recorded.push({ text, params: params ?? [] });
      return original(text, params, options);
    }) as PGlite['query'];
  } else {
    const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
    const original = pool.query.bind(pool) as (...a: unknown[]) => Promise<unknown>;
    (pool as unknown as { query: unknown }).query = (config: unknown, values?: unknown[]) => {
      if (on) {
        const c = config as { text?: string; values?: unknown[] };
        recorded.push(
          typeof config === 'string'
            ? { text: config, params: values ?? [] }
            : { text: c.text ?? '', params: c.values ?? values ?? [] },
        );
      }
      return original(config, values);
    };
  }
  return {
    async capture(body: () => Promise<unknown>): Promise<Statement[]> {
      recorded.length = 0;
      on = true;
      try {
        await body();
      } finally {
        on = false;
      }
      return [...recorded];
    },
  };
}

/** Runs recorded statements straight on the driver, concurrently as the service does. */
function rawRunner(handle: DbHandle, statements: Statement[]) {
  const pglite = pgliteClientOf(handle);
  if (pglite) return () => Promise.all(statements.map((s) => pglite.query(s.text, s.params)));
  const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
  return () => Promise.all(statements.map((s) => pool.query(s.text, s.params)));
}

/** Median time of a body; a body that returns a number reports its own time (to leave out set-up). */
async function median(body: () => Promise<unknown>, runs = RUNS): Promise<number> {
  for (let i = 0; i < 3; i++) await body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const own = await body();
    times.push(typeof own === 'number' ? own : performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

async function expectOk(res: Response): Promise<void> {
  if (!res.ok) throw new Error(`${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

type Result = Record<string, string | number>;

async function benchOne(name: string, handle: DbHandle, csv: Buffer): Promise<Result> {
  const result: Result = { database: name };
  const started = performance.now();
  const report = await importData({ db: handle.db, data: csv, fileName: 'synthetic.csv' });
  const importMs = performance.now() - started;
  if (!report.ok) throw new Error(`import failed: ${JSON.stringify(report.problems.slice(0, 3))}`);
  result['import rows'] = report.rows;
  result['import s'] = +(importMs / 1000).toFixed(2);
  result['import rows/s'] = Math.round(report.rows / (importMs / 1000));

  const activityStart = performance.now();
  await handle.db.execute(sql`
    insert into activities (partnership_id, type, occurred_on, title_en, fields, participants, days)
    select ids.a[1 + (g::bigint * 7919) % cardinality(ids.a)],
      (array['delegation_out','delegation_in','visit','agreement','event','online_meeting','letter','other'])[1 + g % 8],
      date '2000-01-01' + (g % 9000),
      'Synthetic activity ' || g,
      array[(array['agriculture','media','education','health','trade','culture','tourism','science','governance','youth','sports','other'])[1 + g % 12]],
      case when g % 8 < 2 then 2 + g % 29 end,
      case when g % 8 < 2 then 1 + g % 9 end
    from generate_series(1, ${ACTIVITIES}) g,
      (select array_agg(id order by id) as a from partnerships) ids`);
  // Every activity belongs to its primary partnership (what the activity service writes).
  await handle.db.execute(sql`
    insert into activity_partnerships (activity_id, partnership_id) select id, partnership_id from activities
    on conflict do nothing`);
  await handle.db.execute(sql`analyze`);
  result['activities s'] = +((performance.now() - activityStart) / 1000).toFixed(1);

  // The national office's reader: the bench measures the figures, not the sign-in.
  const app = createApp({ handle, resolveActor: async () => systemActor('bench') }, ROUTE_MODULES);
  const rec = recorder(handle);
  const figuresUrl = '/api/figures?scope=430000&asOf=2024-11-28&since=2018-01-01';
  const listUrl = '/api/partnerships?cn=430000&level=city&status=active&sort=name&page=3&perPage=50';
  const searchUrl = '/api/partnerships?q=changsha&perPage=50';
  const [pair] = await queryRows<{ id: number }>(
    handle.db,
    sql`select id from partnerships where province_code = '430000' order by id limit 1`,
  );
  for (const [label, url] of [
    ['figures', figuresUrl],
    ['list page', listUrl],
    ['search', searchUrl],
    ['health of a pair', `/api/partnerships/${pair?.id}/health?asOf=2024-11-28`],
    ['dormant on paper (province)', '/api/health?scope=430000&asOf=2024-11-28&suggestion=dormant'],
    ['dormant on paper (country)', '/api/health?scope=000000&asOf=2024-11-28&suggestion=dormant'],
    ['activity figures (province)', '/api/figures/activities?scope=430000&asOf=2024-11-28'],
    ['activity figures (country)', '/api/figures/activities?scope=000000&asOf=2024-11-28'],
  ] as const) {
    // The statements of a warm request: what the API runs when nothing changed since the last one.
    await expectOk(await app.request(url));
    const statements = await rec.capture(async () => expectOk(await app.request(url)));
    const apiMs = await median(async () => expectOk(await app.request(url)));
    const rawMs = await median(rawRunner(handle, statements));
    result[`${label} API ms`] = +apiMs.toFixed(2);
    result[`${label} SQL ms`] = +rawMs.toFixed(2);
    result[`${label} API/SQL`] = +(apiMs / rawMs).toFixed(2);
  }
  // Figures right after a write: nothing the service keeps between requests can be reused.
  const coldMs = await median(async () => {
    await handle.db.execute(sql`update meta set value = value where key = 'reference_version'`);
    const start = performance.now();
    await expectOk(await app.request(figuresUrl));
    return performance.now() - start;
  });
  result['figures after a write API ms'] = +coldMs.toFixed(2);
  return result;
}

async function main() {
  console.log(`Generating ${ROWS.toLocaleString('en')} synthetic partnerships …`);
  const csv = Buffer.from(syntheticPartnershipsCsv(ROWS));
  const results: Result[] = [];

  if (args.only !== 'postgres') {
    const dir = mkdtempSync(join(tmpdir(), 'amity-bench-'));
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
      const name = `amity_bench_${process.pid}`;
      await admin.query(`create database ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const handle = await openDatabase({ url: url.toString(), poolSize: 10 });
      try {
        results.push(await benchOne('PostgreSQL', handle, csv));
      } finally {
        await handle.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    }
  }

  console.log(
    `\nRegistry bench: ${ROWS.toLocaleString('en')} partnerships, ${ACTIVITIES.toLocaleString('en')} activities, median of ${RUNS} runs`,
  );
  // One row per measure, one column per database: narrow enough for a terminal.
  const measures = Object.keys(results[0] ?? {}).filter((k) => k !== 'database');
  console.table(
    Object.fromEntries(measures.map((m) => [m, Object.fromEntries(results.map((r) => [r.database, r[m]]))])),
  );
  console.log('Targets: import ≥ 20,000 rows/s; figures ≤ 50 ms; list page ≤ 20 ms; API ≤ 1.5 × its SQL.');
}

await main();
