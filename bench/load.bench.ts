/**
 * `npm run bench:load`: the real HTTP server (startServer, as `amity serve` runs it) on loopback,
 * under autocannon: 50 connections for 30 s on a mix of list pages, figures and edits, first on
 * the PostgreSQL server, then on embedded PGlite. Prints requests/s, p50/p99 latency per kind of
 * request, errors (every non-2xx answer and socket error, except the 409 an edit gets when it lost
 * a race for a version: those are expected and counted apart), and the server's memory before and
 * after (RSS and JS heap, both after a full GC).
 *
 * The server runs in a child process of its own (this file with --serve), so that its memory is its
 * own and the load generator does not share its event loop. It gets a fresh database, N synthetic
 * partnerships through the real importer, and an editor with an API token that every request sends
 * as Authorization: Bearer <token>.
 *
 * Options: --seconds 30 (per database), --minutes M (instead of seconds: the no-growth check prints
 * the RSS every 30 s), --connections 50, --rows 20000, --warmup 5 (seconds on the same connections before
 * the measured ones, reported apart),
 * --only pglite|postgres, --kinds list,figures,update (a subset, sharing the connections), --workers N
 * (the PostgreSQL run served by N processes, started as `amity serve --workers N` starts them; the
 * memory is then the sum over the N server processes; PGlite is always one). The server is
 * BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server through its Unix socket
 * (/var/run/postgresql, as a deployment on the database's own host connects) when there is one, else
 * postgres://postgres@127.0.0.1:5432/postgres; --tcp takes the last even when the socket is there.
 * A database of its own is created there and dropped.
 *
 * --raw (PostgreSQL only): before the API run, the same mix straight to PostgreSQL (see runRaw),
 * printed beside it with the target that the API's throughput be at least half of the raw run's.
 * The server's CPU time per measured request is printed when it is one process.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';

const { values: args } = parseArgs({
  options: {
    serve: { type: 'string' },
    seconds: { type: 'string', default: '30' },
    minutes: { type: 'string' },
    connections: { type: 'string', default: '50' },
    rows: { type: 'string', default: '20000' },
    warmup: { type: 'string', default: '5' },
    only: { type: 'string' },
    url: { type: 'string' },
    kinds: { type: 'string', default: 'list,figures,update' },
    workers: { type: 'string', default: '1' },
    pool: { type: 'string', default: '10' },
    tcp: { type: 'boolean', default: false },
    raw: { type: 'boolean', default: false },
  },
});

const LOCAL_SOCKET_DIR = '/var/run/postgresql';

type Driver = 'postgres' | 'pglite';
type Ready = { url: string; token: string; ids: { id: number; version: number }[]; rows: number; loadSeconds: number };
/** Summed over the server processes. */
/** cpuMs: CPU time the server process has used so far (user + system), when it is one process. */
type Memory = { rss: number; heapUsed: number; processes: number; cpuMs?: number };

const PROVINCES = ['430000', '110000', '310000', '440000', '320000', '510000', '370000', '330000'];
const PREFECTURES = ['430100', '440100', '320500', '510100', '370200'];

// ---------------------------------------------------------------------------------------------
// The server side: a child process that opens a database, loads it, and serves it.

async function serve(driver: Driver): Promise<void> {
  const { isClusterWorker, poolPerWorker, runClusterWorker, startClusterWorkers } = await import(
    '../src/server/cluster.js'
  );
  // One of the --workers N processes: it serves the database its primary prepared.
  if (isClusterWorker()) return runClusterWorker();
  const { openDatabase } = await import('../src/server/db/open.js');
  const { startServer } = await import('../src/server/server.js');
  const { importData } = await import('../src/server/imports/import.service.js');
  const { createUser } = await import('../src/server/auth/user.service.js');
  const { createApiToken } = await import('../src/server/auth/token.service.js');
  const { systemActor } = await import('../src/server/auth/actor.js');
  const { queryRows } = await import('../src/server/db/sql.js');
  const { syntheticPartnershipsCsv } = await import('./synthetic.js');

  let dir: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let url: string | undefined;
  if (driver === 'postgres') {
    const server = args.url as string;
    const name = `amity_load_${process.pid}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(server);
    u.pathname = `/${name}`;
    url = u.toString();
    dropDatabase = async () => {
      const dropper = new pg.Client({ connectionString: server });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    };
  } else {
    dir = mkdtempSync(join(tmpdir(), 'amity-load-'));
  }
  const poolSize = Number(args.pool);
  const handle = await openDatabase(url ? { url, poolSize } : { dataDir: join(dir as string, 'db') });

  const rows = Number(args.rows);
  const started = performance.now();
  const report = await importData({
    db: handle.db,
    data: Buffer.from(syntheticPartnershipsCsv(rows)),
    fileName: 'synthetic.csv',
    type: 'partnerships',
  });
  if (!report.ok) throw new Error(`the synthetic import failed: ${JSON.stringify(report.problems.slice(0, 3))}`);
  const loadSeconds = (performance.now() - started) / 1000;

  const system = systemActor('bench');
  const user = await createUser({
    db: handle.db,
    actor: system,
    input: {
      username: 'load-bench',
      displayName: 'Load bench',
      password: 'load-bench-password-1234',
      role: 'editor',
      scopeCode: '000000',
      canSeeContacts: false,
    } as Parameters<typeof createUser>[0]['input'],
  });
  const { token } = await createApiToken({
    db: handle.db,
    actor: {
      kind: 'user',
      id: user.id,
      name: user.username,
      role: 'editor',
      scopeCode: '000000',
      canSeeContacts: false,
    },
    input: { name: 'load bench', canSeeContacts: false },
  });
  const ids = await queryRows<{ id: number; version: number }>(
    handle.db,
    sql`select id, version from partnerships order by md5(id::text) limit 200`,
  );

  const workers = Number(args.workers);
  let server: { url: string; close(): Promise<unknown> };
  let memory: () => Promise<Memory>;
  if (workers > 1 && url) {
    // As `amity serve --workers N`: this process prepared the database; N others serve it.
    await handle.close();
    const cluster = await startClusterWorkers(workers, {
      url,
      poolSize: poolPerWorker(poolSize, workers),
      port: 0,
      hostname: '127.0.0.1',
      publicRead: false,
    });
    server = { url: cluster.url, close: () => cluster.stop() };
    memory = async () => {
      const each = await cluster.memory();
      return {
        rss: each.reduce((a, m) => a + m.rss, 0),
        heapUsed: each.reduce((a, m) => a + m.heapUsed, 0),
        processes: each.length,
      };
    };
  } else {
    server = await startServer({ handle, port: 0 });
    memory = async () => {
      // After a full GC, so that garbage not yet collected does not pass for growth.
      (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      const cpu = process.cpuUsage();
      return { rss, heapUsed, processes: 1, cpuMs: (cpu.user + cpu.system) / 1000 };
    };
  }
  const send = (message: unknown) => process.send?.(message);
  send({ ready: { url: server.url, token, ids, rows: report.added, loadSeconds } satisfies Ready });

  // The bench that started this server is gone (it failed or was stopped): so is the server.
  process.on('disconnect', () => process.exit(1));
  process.on('message', async (message: { cmd: string }) => {
    if (message.cmd === 'raw' && url) {
      send({ raw: await runRaw(url, ids) });
    } else if (message.cmd === 'memory') {
      send({ memory: await memory() });
    } else if (message.cmd === 'stop') {
      await server.close();
      // Requests the load generator gave up on at the end may still be running: let them finish.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      if (!(workers > 1 && url)) await handle.close();
      await dropDatabase?.();
      if (dir) rmSync(dir, { recursive: true, force: true });
      send({ stopped: true });
      process.exit(0);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// --raw: the same mix sent straight to PostgreSQL. The SQL is the API's own: each sample request
// is run once through the service the route calls (listPartnerships, getFigures,
// updatePartnership, as the bench's editor), on a Drizzle handle whose logger records every
// statement with its parameters; then `connections` node-postgres clients (one connection each,
// shared 50/30/20 as in the API run) replay the recorded statements of random samples, one after
// the other on their connection, for the same seconds. No HTTP, no Hono, no authentication, no ORM
// row mapping, no presenter and no JSON: what is left is the database and its driver.
// Figures are recorded on their second call, as the API serves them once kept (the edits of the mix
// change notes only, which leave the figures generation alone). An edit's UPDATE names the version
// its client last saw, as the API's client does; one that lost the race rolls back and reads the
// version again (the API's 409).

type Statement = { text: string; params: unknown[] };
type Sample = { statements: Statement[]; id?: number; versionParam?: number };
type RawResult = {
  kind: Kind;
  connections: number;
  requests: number;
  statements: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  conflicts: number;
  errors: number;
};

function queryOf(path: string): Record<string, string> {
  return Object.fromEntries(new URL(path, 'http://bench').searchParams);
}

async function recordSamples(url: string, ids: { id: number; version: number }[]): Promise<Record<Kind, Sample[]>> {
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const schema = await import('../src/server/db/schema.js');
  const { listPartnerships, updatePartnership } = await import('../src/server/partnerships/partnership.service.js');
  const { getFigures } = await import('../src/server/figures/figure.service.js');
  const { PartnershipListQuerySchema, PartnershipUpdateSchema } = await import('../src/shared/schemas/partnership.js');
  const { FiguresQuerySchema } = await import('../src/shared/schemas/figures.js');
  const { queryRows } = await import('../src/server/db/sql.js');
  let sink: Statement[] | undefined;
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const recorder = drizzle({
    client: pool,
    schema,
    logger: { logQuery: (text: string, params: unknown[]) => sink?.push({ text, params: [...params] }) },
  }) as unknown as import('../src/server/db/client.js').Db;
  const editor = (
    await queryRows<{ id: number; username: string }>(
      recorder,
      sql`select id, username from users where username = 'load-bench'`,
    )
  )[0] as { id: number; username: string };
  const actor = {
    kind: 'user' as const,
    id: editor.id,
    name: editor.username,
    role: 'editor' as const,
    scopeCode: '000000',
    canSeeContacts: false,
  };
  const record = async (run: () => Promise<unknown>): Promise<Statement[]> => {
    sink = [];
    await run();
    const statements = sink;
    sink = undefined;
    return statements;
  };
  const samples: Record<Kind, Sample[]> = { list: [], figures: [], update: [] };
  for (let i = 0; i < 300; i++) {
    const query = PartnershipListQuerySchema.parse(queryOf(listPath()));
    samples.list.push({ statements: await record(() => listPartnerships({ db: recorder, actor, query })) });
  }
  for (const scope of [...PROVINCES, ...PREFECTURES, '000000']) {
    for (const asOf of [undefined, '2020-12-31', '2010-06-30']) {
      const query = FiguresQuerySchema.parse({ scope, ...(asOf ? { asOf } : {}) });
      await getFigures({ db: recorder, actor, query });
      samples.figures.push({ statements: await record(() => getFigures({ db: recorder, actor, query })) });
    }
  }
  // The versions now: the parent's one edit alone came before.
  const current = new Map(
    (await queryRows<{ id: number; version: number }>(recorder, sql`select id, version from partnerships`)).map((r) => [
      r.id,
      r.version,
    ]),
  );
  for (const row of ids) {
    row.version = current.get(row.id) ?? row.version;
    const input = PartnershipUpdateSchema.parse({ version: row.version, notes: `load bench raw ${row.id}` });
    const statements = await record(() => updatePartnership({ db: recorder, actor, id: row.id, input }));
    row.version += 1;
    const update = statements.find((s) => /^update "partnerships"/.test(s.text));
    const match = update ? /"partnerships"\."version" = \$(\d+)/.exec(update.text.split(' where ')[1] ?? '') : null;
    if (!match)
      throw new Error(
        `--raw: no versioned UPDATE among the statements of an edit: ${statements.map((s) => s.text.slice(0, 40)).join(' | ')}`,
      );
    samples.update.push({ statements, id: row.id, versionParam: Number(match[1]) - 1 });
  }
  await pool.end();
  return samples;
}

async function runRaw(url: string, ids: { id: number; version: number }[]): Promise<RawResult[]> {
  const samples = await recordSamples(url, ids);
  const versions = new Map(ids.map((r) => [r.id, r.version]));
  const seconds = args.minutes ? Math.round(Number(args.minutes) * 60) : Number(args.seconds);
  const warmup = Number(args.warmup);
  const connections = Number(args.connections);
  const chosen = KINDS.map((k) => [k, SHARES[k]] as const);
  const weight = chosen.reduce((a, [, w]) => a + w, 0);
  let left = connections;
  const split = chosen.map(([kind, w], i) => {
    const n = i === chosen.length - 1 ? left : Math.round((connections * w) / weight);
    left -= n;
    return [kind, n] as const;
  });
  const started = performance.now();
  const from = started + warmup * 1000;
  const until = from + seconds * 1000;
  const runs = split.map(async ([kind, conns]): Promise<RawResult> => {
    const latencies: number[] = [];
    let statements = 0;
    let conflicts = 0;
    let errors = 0;
    const client = async () => {
      const c = new pg.Client({ connectionString: url });
      c.on('error', () => {});
      await c.connect();
      while (performance.now() < until) {
        const sample = pick(samples[kind]);
        const t = performance.now();
        let sent = 0;
        try {
          for (const statement of sample.statements) {
            let params = statement.params;
            if (
              sample.id !== undefined &&
              sample.versionParam !== undefined &&
              /^update "partnerships"/.test(statement.text)
            ) {
              params = [...params];
              params[sample.versionParam] = versions.get(sample.id);
            }
            const result = await c.query(statement.text, params);
            sent += 1;
            if (sample.id !== undefined && /^update "partnerships"/.test(statement.text)) {
              if (result.rowCount === 0) {
                await c.query('rollback');
                const current = await c.query('select version from partnerships where id = $1', [sample.id]);
                versions.set(sample.id, current.rows[0]?.version);
                sent += 2;
                if (t >= from) conflicts += 1;
                break;
              }
              versions.set(sample.id, (versions.get(sample.id) ?? 0) + 1);
            }
          }
        } catch {
          await c.query('rollback').catch(() => {});
          if (t >= from) errors += 1;
          continue;
        }
        if (t >= from && t < until) {
          latencies.push(performance.now() - t);
          statements += sent;
        }
      }
      await c.end();
    };
    await Promise.all(Array.from({ length: conns }, client));
    latencies.sort((x, y) => x - y);
    return {
      kind,
      connections: conns,
      requests: latencies.length,
      statements,
      seconds,
      p50: Math.round(percentile(latencies, 0.5)),
      p99: Math.round(percentile(latencies, 0.99)),
      max: Math.round(latencies.at(-1) ?? 0),
      conflicts,
      errors,
    };
  });
  return Promise.all(runs);
}

// ---------------------------------------------------------------------------------------------
// The load side.

type Kind = 'list' | 'figures' | 'update';
/** How the connections are shared between the kinds of request. */
const SHARES: Record<Kind, number> = { list: 0.5, figures: 0.3, update: 0.2 };
const KINDS = String(args.kinds)
  .split(',')
  .filter((k): k is Kind => k in SHARES);
type KindResult = {
  kind: Kind;
  connections: number;
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  statuses: Map<number, number>;
  socketErrors: number;
  timeouts: number;
  /** The warm-up on the same connections: requests answered, the slowest, and errors. */
  warmup: { requests: number; max: number; errors: number };
};

/** The value at rank ⌈q·n⌉ of an ascending list (nearest rank), 0 for none. */
function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

function pick<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)] as T;
}

function listPath(): string {
  const page = 1 + Math.floor(Math.random() * 3);
  return pick([
    () => `/api/partnerships?cn=${pick(PROVINCES)}&page=${page}&perPage=50`,
    () => `/api/partnerships?cn=${pick(PREFECTURES)}&perPage=50&sort=-established`,
    () => `/api/partnerships?country=${pick(['JP', 'US', 'DE', 'FR', 'KR', 'GH'])}&perPage=50`,
    () => `/api/partnerships?page=${page}&perPage=50`,
    () => `/api/partnerships?cn=${pick(PROVINCES)}&status=active&kind=friendship&perPage=50`,
    () =>
      `/api/partnerships?q=${encodeURIComponent(pick(['synthetic place 1', 'place 42', 'changsha', '长沙']))}&perPage=50`,
  ])();
}

function figuresPath(): string {
  const scope = pick([...PROVINCES, ...PREFECTURES, '000000']);
  const asOf = pick(['', '&asOf=2020-12-31', '&asOf=2010-06-30']);
  return `/api/figures?scope=${scope}${asOf}`;
}

/**
 * Runs the three kinds at once, the connections shared 50/30/20 between them: first a warm-up, then
 * the measured seconds, on the same connections. Only requests sent after the warm-up are measured:
 * a server whose event loop is busy accepts new connections one at a time, so the first seconds of
 * 50 fresh connections measure how fast it accepts, not how fast it answers (on PGlite, 50
 * connections took 5–10 s to be all accepted). The warm-up lasts until every connection has had an
 * answer, and is reported apart.
 */
async function runMix(
  ready: Ready,
  warmup: number,
  seconds: number,
  connections: number,
): Promise<{ results: KindResult[]; liveAfter: number; allLive: boolean }> {
  const versions = new Map(ready.ids.map((r) => [r.id, r.version]));
  const ids = ready.ids.map((r) => r.id);
  let edit = 0;
  const chosen = Object.entries(SHARES).filter(([kind]) => KINDS.includes(kind as Kind)) as [Kind, number][];
  const weight = chosen.reduce((a, [, w]) => a + w, 0);
  let left = connections;
  const split: [Kind, number][] = chosen.map(([kind, w], i) => {
    const n = i === chosen.length - 1 ? left : Math.round((connections * w) / weight);
    left -= n;
    return [kind, n];
  });
  // The measured seconds begin once the warm-up is over and every connection has had an answer (at
  // most a minute later, when they begin anyway); every kind stops when they end.
  const started = performance.now();
  const measured = { from: Number.POSITIVE_INFINITY, until: Number.POSITIVE_INFINITY };
  const answered = new Set<unknown>();
  const instances: autocannon.Instance[] = [];
  const begin = () => {
    if (measured.from !== Number.POSITIVE_INFINITY) return;
    measured.from = performance.now();
    measured.until = measured.from + seconds * 1000;
    setTimeout(() => {
      for (const instance of instances) instance.stop();
    }, seconds * 1000);
  };
  const beginWhenReady = () => {
    if (answered.size >= connections && performance.now() >= started + warmup * 1000) begin();
  };
  const warmupTimer = setTimeout(beginWhenReady, warmup * 1000);
  const capTimer = setTimeout(begin, (warmup + 60) * 1000);
  const runs = split.map(async ([kind, conns]): Promise<KindResult> => {
    const statuses = new Map<number, number>();
    const latencies: number[] = [];
    const warm = { requests: 0, max: 0, errors: 0 };
    let socketErrors = 0;
    let timeouts = 0;
    const request: autocannon.Request =
      kind === 'update'
        ? {
            method: 'PATCH',
            setupRequest: (req, context) => {
              const id = pick(ids);
              (context as { id?: number }).id = id;
              edit += 1;
              return {
                ...req,
                path: `/api/partnerships/${id}`,
                headers: { ...req.headers, 'content-type': 'application/json' },
                body: JSON.stringify({ version: versions.get(id), notes: `load bench edit ${edit}` }),
              };
            },
            onResponse: (_status, body, context) => {
              const id = (context as { id: number }).id;
              try {
                const parsed = JSON.parse(body) as { version?: number; error?: { currentVersion?: number } };
                const version = parsed.version ?? parsed.error?.currentVersion;
                if (version !== undefined && version > (versions.get(id) ?? 0)) versions.set(id, version);
              } catch {
                // Not JSON: counted by its status already.
              }
            },
          }
        : {
            method: 'GET',
            setupRequest: (req) => ({ ...req, path: kind === 'list' ? listPath() : figuresPath() }),
          };
    let instance: autocannon.Instance | undefined;
    const finished = new Promise<void>((resolve, reject) => {
      instance = autocannon(
        {
          url: ready.url,
          connections: conns,
          duration: warmup + 60 + seconds + 10,
          headers: { authorization: `Bearer ${ready.token}`, 'accept-language': 'en' },
          requests: [request],
          timeout: 10,
        },
        (error) => (error ? reject(error) : resolve()),
      );
    });
    if (instance) instances.push(instance);
    instance?.on('response', (client: unknown, status: number, _bytes: number, responseTime: number) => {
      answered.add(client);
      beginWhenReady();
      const ok = (status >= 200 && status < 300) || (kind === 'update' && status === 409);
      const sent = performance.now() - responseTime;
      if (sent >= measured.until) return;
      if (sent < measured.from) {
        warm.requests += 1;
        warm.max = Math.max(warm.max, responseTime);
        if (!ok) warm.errors += 1;
        return;
      }
      latencies.push(responseTime);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
    // autocannon reports a request that had no answer in 10 s as this error, every other as itself.
    instance?.on('reqError', (error: Error) => {
      const timeout = error.message === 'request timed out';
      const now = performance.now();
      if (now >= measured.until) return;
      if (now < measured.from) warm.errors += 1;
      else if (timeout) timeouts += 1;
      else socketErrors += 1;
    });
    await finished;
    latencies.sort((x, y) => x - y);
    return {
      kind,
      connections: conns,
      requests: latencies.length,
      seconds,
      p50: Math.round(percentile(latencies, 0.5)),
      p99: Math.round(percentile(latencies, 0.99)),
      max: Math.round(latencies.at(-1) ?? 0),
      statuses,
      socketErrors,
      timeouts,
      warmup: warm,
    };
  });
  const results = await Promise.all(runs);
  clearTimeout(warmupTimer);
  clearTimeout(capTimer);
  const liveAfter = (measured.from - started) / 1000;
  return { results, liveAfter, allLive: answered.size >= connections };
}

function ask<T>(child: ChildProcess, cmd: string, key: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (message: Record<string, unknown>) => {
      if (key in message) {
        child.off('message', on);
        resolve(message[key] as T);
      }
    };
    child.on('message', on);
    child.send({ cmd });
  });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const pad = (s: string | number, n: number) => String(s).padStart(n);

function errorsOf(r: KindResult): number {
  let n = r.socketErrors + r.timeouts;
  for (const [status, count] of r.statuses) {
    if (status >= 200 && status < 300) continue;
    if (r.kind === 'update' && status === 409) continue;
    n += count;
  }
  return n;
}

async function bench(driver: Driver, serverUrl: string): Promise<boolean> {
  const self = fileURLToPath(import.meta.url);
  const seconds = args.minutes ? Math.round(Number(args.minutes) * 60) : Number(args.seconds);
  const connections = Number(args.connections);
  const { parseWorkers } = await import('../src/server/cluster.js');
  const workers = driver === 'postgres' ? parseWorkers(String(args.workers)) : 1;
  if (workers === undefined) throw new Error(`--workers ${args.workers}: give a whole number from 1 to 64, or auto`);
  const child = fork(
    self,
    [
      '--serve',
      driver,
      '--rows',
      String(args.rows),
      '--url',
      serverUrl,
      '--workers',
      String(workers),
      '--pool',
      String(args.pool),
      ...['--seconds', String(seconds), '--warmup', String(args.warmup)],
      ...['--connections', String(connections), '--kinds', String(args.kinds)],
    ],
    {
      execArgv: [
        ...process.execArgv,
        '--expose-gc',
        ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
      ],
      // The server's request log (one line a request, as a deployment writes it) is written, not shown.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the ${driver} server exited (${code})`))),
  );
  exited.catch(() => {});
  const ready = await Promise.race([
    new Promise<Ready>((resolve) =>
      child.on('message', (m: { ready?: Ready }) => {
        if (m.ready) resolve(m.ready);
      }),
    ),
    exited,
  ]);
  console.log(
    `\n${driver}${workers > 1 ? ` (${workers} server processes)` : ''}: ${ready.rows.toLocaleString('en')} partnerships imported in ${ready.loadSeconds.toFixed(1)} s; ` +
      `${connections} connections for ${seconds} s after a ${args.warmup} s warm-up (${KINDS.map((k) => `${k} ${Math.round((SHARES[k] / KINDS.reduce((a, x) => a + SHARES[x], 0)) * 100)}%`).join(', ')} of them)`,
  );
  // One request of each kind alone first: the latency without load.
  const alone: string[] = [];
  for (const [kind, path, init] of [
    ['list', '/api/partnerships?cn=430000&perPage=50', {}],
    ['figures', '/api/figures?scope=430000', {}],
    [
      'update',
      `/api/partnerships/${ready.ids[0]?.id}`,
      {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ version: ready.ids[0]?.version, notes: 'load bench: alone' }),
      },
    ],
  ] as const) {
    const t = performance.now();
    const res = await fetch(`${ready.url}${path}`, {
      ...init,
      headers: { ...('headers' in init ? init.headers : {}), authorization: `Bearer ${ready.token}` },
    });
    await res.arrayBuffer();
    alone.push(`${kind} ${res.status} in ${(performance.now() - t).toFixed(0)} ms`);
    if (kind === 'update' && res.ok && ready.ids[0]) ready.ids[0].version += 1;
  }
  console.log(`  alone: ${alone.join(', ')}`);
  const raw = args.raw && driver === 'postgres' ? await ask<RawResult[]>(child, 'raw', 'raw') : undefined;
  if (raw) {
    console.log(
      `  raw: the same mix straight to PostgreSQL (the statements the services sent, recorded, replayed by ${connections} node-postgres clients)`,
    );
    console.log(`  kind      conns    req/s   p50 ms   p99 ms   max ms  stmts/req   409  errors`);
    for (const r of raw) {
      console.log(
        `  ${r.kind.padEnd(8)}${pad(r.connections, 6)}${pad((r.requests / r.seconds).toFixed(0), 9)}` +
          `${pad(r.p50, 9)}${pad(r.p99, 9)}${pad(r.max, 9)}${pad((r.statements / Math.max(1, r.requests)).toFixed(1), 11)}${pad(r.conflicts, 6)}${pad(r.errors, 8)}`,
      );
    }
    console.log(`  raw all: ${raw.reduce((a, r) => a + r.requests / r.seconds, 0).toFixed(0)} req/s`);
    console.log('  the API:');
  }
  const warmup = Number(args.warmup);
  const running = runMix(ready, warmup, seconds, connections);
  // The memory before is taken once the warm-up has filled what the server keeps.
  await new Promise((resolve) => setTimeout(resolve, warmup * 1000));
  const before = await ask<Memory>(child, 'memory', 'memory');

  const samples: string[] = [];
  let sampler: NodeJS.Timeout | undefined;
  if (args.minutes) {
    sampler = setInterval(async () => {
      const m = await ask<Memory>(child, 'memory', 'memory');
      samples.push(`${mb(m.rss)}/${mb(m.heapUsed)}`);
    }, 30_000);
  }
  const { results, liveAfter, allLive } = await running;
  if (sampler) clearInterval(sampler);
  const after = await ask<Memory>(child, 'memory', 'memory');

  console.log(`  machine load average during the run: ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`);
  console.log(`  kind      conns    req/s   p50 ms   p99 ms   max ms   2xx      409  errors`);
  let totalRequests = 0;
  let totalErrors = 0;
  for (const r of results) {
    const ok = [...r.statuses].filter(([s]) => s >= 200 && s < 300).reduce((a, [, n]) => a + n, 0);
    const lost = r.kind === 'update' ? (r.statuses.get(409) ?? 0) : 0;
    const errors = errorsOf(r);
    totalRequests += r.requests;
    totalErrors += errors;
    console.log(
      `  ${r.kind.padEnd(8)}${pad(r.connections, 6)}${pad((r.requests / r.seconds).toFixed(0), 9)}` +
        `${pad(r.p50, 9)}${pad(r.p99, 9)}${pad(r.max, 9)}${pad(ok, 6)}${pad(lost, 9)}${pad(errors, 8)}`,
    );
    const odd = [...r.statuses].filter(([s]) => !(s >= 200 && s < 300) && !(r.kind === 'update' && s === 409));
    if (odd.length) console.log(`            statuses: ${odd.map(([s, n]) => `${s}×${n}`).join(', ')}`);
  }
  console.log(
    `  warm-up on the same connections, not measured (${liveAfter.toFixed(1)} s: ${allLive ? `at least ${warmup} s and until each of the ${connections} connections had an answer` : `some connections still had no answer after ${warmup + 60} s`}): ${results.map((r) => `${r.kind} ${r.warmup.requests} answered, slowest ${Math.round(r.warmup.max)} ms, ${r.warmup.errors} errors`).join('; ')}`,
  );
  const rps = results.reduce((a, r) => a + r.requests / r.seconds, 0);
  console.log(`  all: ${rps.toFixed(0)} req/s, ${totalRequests.toLocaleString('en')} requests, ${totalErrors} errors`);
  console.log(
    `  server memory${after.processes > 1 ? ` (sum of ${after.processes} processes)` : ''}: RSS ${mb(before.rss)} → ${mb(after.rss)} (${after.rss >= before.rss ? '+' : ''}${mb(after.rss - before.rss)}), ` +
      `heap after GC ${mb(before.heapUsed)} → ${mb(after.heapUsed)}`,
  );
  if (samples.length) console.log(`  RSS/heap every 30 s: ${samples.join(' ')}`);
  if (before.cpuMs !== undefined && after.cpuMs !== undefined && totalRequests > 0) {
    // Less swayed by other work on the machine than the latencies: what one request costs the server.
    console.log(
      `  server CPU: ${((after.cpuMs - before.cpuMs) / totalRequests).toFixed(2)} ms a request (${((after.cpuMs - before.cpuMs) / 1000).toFixed(1)} s over the measured requests)`,
    );
  }
  const list = results.find((r) => r.kind === 'list');
  const targets: [boolean, string][] = [[totalErrors === 0, 'zero errors']];
  if (list) targets.push([list.p99 <= 100, `p99 of the list ≤ 100 ms (${list.p99} ms)`]);
  if (raw) {
    console.log('  side by side      raw req/s  API req/s   raw p99  API p99');
    for (const r of raw) {
      const api = results.find((x) => x.kind === r.kind);
      console.log(
        `  ${r.kind.padEnd(16)}${pad((r.requests / r.seconds).toFixed(0), 11)}${pad(((api?.requests ?? 0) / seconds).toFixed(0), 11)}` +
          `${pad(r.p99, 10)}${pad(api?.p99 ?? 0, 9)}`,
      );
    }
    const rawRps = raw.reduce((a, r) => a + r.requests / r.seconds, 0);
    targets.push([
      rps >= rawRps / 2,
      `the API's throughput at least half of the raw run's (${rps.toFixed(0)} of ${rawRps.toFixed(0)} req/s: ${((rps / rawRps) * 100).toFixed(0)}%)`,
    ]);
  }
  for (const [met, what] of targets) console.log(`  ${met ? 'met' : 'MISSED'}: ${what}`);

  await ask(child, 'stop', 'stopped');
  await new Promise((resolve) => child.once('exit', resolve));
  return targets.every(([met]) => met);
}

if (args.serve) {
  await serve(args.serve as Driver);
} else {
  const local =
    !args.tcp && existsSync(join(LOCAL_SOCKET_DIR, '.s.PGSQL.5432'))
      ? `postgres://postgres@localhost/postgres?host=${LOCAL_SOCKET_DIR}`
      : 'postgres://postgres@127.0.0.1:5432/postgres';
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? local;
  console.log(`PostgreSQL server: ${serverUrl}`);
  const drivers: Driver[] = args.only ? [args.only as Driver] : ['postgres', 'pglite'];
  let allMet = true;
  for (const driver of drivers) allMet = (await bench(driver, serverUrl)) && allMet;
  console.log(allMet ? '\nEvery target met.' : '\nSome targets were missed (see above).');
}
