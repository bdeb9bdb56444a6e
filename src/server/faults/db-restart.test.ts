/**
 * The PostgreSQL server going away: a request whose connection is cut (pg_terminate_backend, a
 * restart) answers 503 `unavailable` with a message saying what happened and to try again, nothing
 * is half-written, and the next request works because the pool opens new connections.
 *
 * The server is shared by everyone's tests, so it is never restarted here: its connections to this
 * file's own database are terminated instead, and a restart is played by a TCP relay between the
 * pool and the server that drops every connection and refuses new ones for a while.
 */
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { createDb, type DbHandle } from '../db/client.js';
import { isUnavailable } from '../http/errors.js';
import { buildApp, buildPartnership, jsonInit } from '../testing/factories.js';
import { createTestDb, testDriver } from '../testing/test-db.js';

const onServer = testDriver() === 'postgres';
const handle = onServer ? await createTestDb() : undefined;

const EN = { headers: { 'accept-language': 'en' } };

type ErrorBody = { error: { code: string; message: string; detail?: string; fix?: string } };

/** The node-postgres pool behind a handle. */
function poolOf(h: DbHandle): pg.Pool {
  return (h.db as unknown as { $client: pg.Pool }).$client;
}

function databaseOf(h: DbHandle): string {
  return new URL(h.location).pathname.slice(1);
}

/** A client of the test database itself (for locks) or of the server's default database. */
async function adminClient(database?: string): Promise<pg.Client> {
  const url = new URL(process.env.TEST_DATABASE_URL as string);
  if (database) url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  client.on('error', () => {});
  await client.connect();
  return client;
}

async function expectUnavailable(res: Response, lang: 'en' | 'zh' = 'en'): Promise<void> {
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toBe('2');
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe('unavailable');
  expect(body.error.message).toMatch(
    lang === 'en' ? /database is unavailable; try again/ : /数据库暂时不可用，请稍后重试/,
  );
  expect(body.error.detail).toMatch(/cannot be reached or dropped the connection/);
  expect(body.error.fix).toMatch(/try again/);
}

/**
 * Holds an exclusive lock on a table of the test database, so that a request touching it waits,
 * and gives the process ids of the backends that wait for it.
 */
async function lockTable(database: string, table: string) {
  const locker = await adminClient(database);
  await locker.query('begin');
  await locker.query(`lock table ${table} in access exclusive mode`);
  return {
    async waiters(): Promise<number[]> {
      const rows = await locker.query<{ pid: number }>(
        `select pid from pg_stat_activity where datname = $1 and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
        [database],
      );
      return rows.rows.map((r) => r.pid);
    },
    async release(): Promise<void> {
      await locker.query('rollback');
      await locker.end();
    },
  };
}

async function terminate(pids: number[] | 'all', database: string): Promise<number> {
  const admin = await adminClient();
  try {
    const rows =
      pids === 'all'
        ? await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [database])
        : await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [pids]);
    return rows.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe.skipIf(!onServer)('the PostgreSQL server drops the connections of a running app', () => {
  const h = handle as DbHandle;
  const app = buildApp(h);
  const database = onServer ? databaseOf(h) : '';

  it('a read waiting in the database when its connection is terminated answers 503; the next one 200', async () => {
    expect((await app.request('/api/partnerships', EN)).status).toBe(200);
    const lock = await lockTable(database, 'partnerships');
    try {
      const pending = app.request('/api/partnerships?q=x', { headers: { 'accept-language': 'zh-CN' } });
      let waiting: number[] = [];
      await vi.waitFor(
        async () => {
          waiting = await lock.waiters();
          expect(waiting.length).toBeGreaterThanOrEqual(1);
        },
        { timeout: 10_000, interval: 50 },
      );
      expect(await terminate(waiting, database)).toBe(waiting.length);
      await expectUnavailable(await pending, 'zh');
    } finally {
      await lock.release();
    }
    const next = await app.request('/api/partnerships', EN);
    expect(next.status).toBe(200);
  });

  it('an edit cut off in its transaction answers 503, writes nothing, and the same edit then succeeds', async () => {
    const p = await buildPartnership(h);
    const lock = await lockTable(database, 'partnerships');
    try {
      const pending = app.request(
        `/api/partnerships/${p.id}`,
        jsonInit('PATCH', { version: 1, notes: 'cut off' }, EN.headers),
      );
      let waiting: number[] = [];
      await vi.waitFor(
        async () => {
          waiting = await lock.waiters();
          expect(waiting.length).toBeGreaterThanOrEqual(1);
        },
        { timeout: 10_000, interval: 50 },
      );
      await terminate(waiting, database);
      await expectUnavailable(await pending);
    } finally {
      await lock.release();
    }
    const stored = (await (await app.request(`/api/partnerships/${p.id}`)).json()) as {
      version: number;
      notes: unknown;
    };
    expect(stored).toMatchObject({ version: 1, notes: p.notes ?? null });
    const again = await app.request(
      `/api/partnerships/${p.id}`,
      jsonInit('PATCH', { version: 1, notes: 'second try' }),
    );
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ version: 2, notes: 'second try' });
  });

  it('after every connection of the database is terminated between requests, the next requests work', async () => {
    // Fill the pool with idle connections, then have the server end all of them.
    const warm = await Promise.all(Array.from({ length: 8 }, () => app.request('/api/figures?scope=430000', EN)));
    expect(warm.every((r) => r.status < 500)).toBe(true);
    const pool = poolOf(h);
    expect(pool.idleCount).toBeGreaterThan(0);
    expect(await terminate('all', database)).toBeGreaterThan(0);
    // The pool hears of each dead connection (the server says so before it closes) and drops it.
    await vi.waitFor(() => expect(pool.totalCount).toBe(0), { timeout: 10_000, interval: 20 });
    const after = await Promise.all(Array.from({ length: 8 }, () => app.request('/api/partnerships', EN)));
    expect(after.map((r) => r.status)).toEqual(Array(8).fill(200));
  });
});

/**
 * A TCP relay to the PostgreSQL server that can go down like a restarting server: every open
 * connection is cut and new ones are refused until it comes back up on the same port.
 */
async function startRelay(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = tcpConnect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('error', () => {});
          s.on('close', () => {
            sockets.delete(s);
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream);
        upstream.pipe(client);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server?.address() as { port: number } | undefined)?.port ?? port;
        resolve();
      });
    });
  await listen();
  return {
    get port() {
      return port;
    },
    /** Cuts every connection (reset, like a server that dies) and stops accepting new ones. */
    async down(): Promise<void> {
      const closed = new Promise<void>((resolve) => server?.close(() => resolve()));
      for (const s of sockets) s.resetAndDestroy();
      await closed;
    },
    up: listen,
  };
}

describe.skipIf(!onServer)('the PostgreSQL server restarts', () => {
  it('answers 503 while it is gone (cut mid-request, then refused) and 200 once it is back', async () => {
    const h = handle as DbHandle;
    const database = databaseOf(h);
    const server = new URL(process.env.TEST_DATABASE_URL as string);
    const relay = await startRelay({ host: server.hostname, port: Number(server.port || 5432) });
    const url = new URL(server.toString());
    url.host = `127.0.0.1:${relay.port}`;
    url.pathname = `/${database}`;
    const viaRelay = await createDb({ url: url.toString(), poolSize: 4 });
    try {
      const app = buildApp(viaRelay);
      expect((await app.request('/api/partnerships', EN)).status).toBe(200);

      const lock = await lockTable(database, 'partnerships');
      try {
        const pending = app.request('/api/partnerships', EN);
        await vi.waitFor(async () => expect((await lock.waiters()).length).toBeGreaterThanOrEqual(1), {
          timeout: 10_000,
          interval: 50,
        });
        await relay.down();
        await expectUnavailable(await pending);
        // Down: connections are refused.
        await expectUnavailable(await app.request('/api/partnerships', EN));
        await expectUnavailable(await app.request('/api/figures?scope=430000', EN));
      } finally {
        await lock.release();
      }
      await relay.up();
      const back = await Promise.all(Array.from({ length: 6 }, () => app.request('/api/partnerships', EN)));
      expect(back.map((r) => r.status)).toEqual(Array(6).fill(200));
    } finally {
      await viaRelay.close();
      await relay.down();
    }
  });
});

describe('no database server at all', () => {
  it('answers 503 unavailable, not 500, when the server refuses connections', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const nowhere = await createDb({ url: `postgres://amity@127.0.0.1:${port}/amity`, poolSize: 2 });
    try {
      const app = buildApp(nowhere);
      for (const path of ['/api/partnerships', '/api/figures?scope=430000']) {
        await expectUnavailable(await app.request(path, EN));
      }
    } finally {
      await nowhere.close();
    }
  });

  it('knows a connection failure of the driver from any other error', () => {
    const codes = ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P02', '57P03', '08000', '08003', '08006'];
    for (const code of codes) {
      expect(isUnavailable(Object.assign(new Error('x'), { code })), code).toBe(true);
      // Wrapped, as Drizzle wraps a failed query.
      expect(
        isUnavailable(new Error('Failed query: select 1', { cause: Object.assign(new Error('x'), { code }) })),
        code,
      ).toBe(true);
    }
    expect(isUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    for (const code of ['23505', '40001', '42P01', '22P02', undefined]) {
      expect(isUnavailable(Object.assign(new Error('duplicate key value'), { code })), String(code)).toBe(false);
    }
  });
});
