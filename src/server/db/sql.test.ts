/**
 * readAll: one read at a time on a transaction's single connection, all at once on the pool; and the
 * annual report, which reads inside one read-only transaction, never sends a query to a connection
 * that is still busy (node-postgres warns of that, and pg@9 will refuse it).
 */
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor.js';
import { collectReportData } from '../reports/report.service.js';
import { buildPartnership } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';
import type { DbHandle } from './client.js';
import { readAll, readPage } from './sql.js';

const handle = await createTestDb();

/** Thunks that log when each starts and finishes, each finishing after the given delay. */
function timedReads(log: string[], delays: readonly number[]) {
  return delays.map((ms, i) => async () => {
    log.push(`start ${i}`);
    await new Promise((resolve) => setTimeout(resolve, ms));
    log.push(`end ${i}`);
    return i;
  });
}

/** Collects the process warnings of one call; a warning is emitted on a later tick, so it waits one. */
async function warningsDuring(call: () => Promise<unknown>): Promise<Error[]> {
  const warnings: Error[] = [];
  const listener = (warning: Error) => warnings.push(warning);
  process.on('warning', listener);
  try {
    await call();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', listener);
  }
  return warnings;
}

/**
 * The most queries one pooled server connection was given at once during a call. Node prints a
 * deprecation once per process, so a warning seen earlier in the same worker would hide a later
 * one; this counts the overlap itself. PGlite runs one query at a time by design and is not counted.
 */
async function maxQueriesPerConnection(db: DbHandle, call: () => Promise<unknown>): Promise<number> {
  if (db.driver !== 'postgres') {
    await call();
    return 0;
  }
  const pool = (db.db as unknown as { $client: pg.Pool }).$client;
  const originals = new Map<pg.PoolClient, pg.PoolClient['query']>();
  let max = 0;
  const watch = (client: pg.PoolClient) => {
    if (originals.has(client)) return;
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    originals.set(client, client.query);
    let running = 0;
    const done = () => {
      running -= 1;
    };
    client.query = ((...args: unknown[]) => {
      running += 1;
      max = Math.max(max, running);
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        args[args.length - 1] = (...results: unknown[]) => {
          done();
          return callback(...results);
        };
      }
      const result = original(...args);
      if (result instanceof Promise) result.then(done, done);
      return result;
    }) as pg.PoolClient['query'];
  };
  pool.on('acquire', watch);
  try {
    await call();
  } finally {
    pool.off('acquire', watch);
    for (const [client, query] of originals) client.query = query;
  }
  return max;
}

describe('readAll', () => {
  it('runs the reads one after the other in a transaction, results in order', async () => {
    const log: string[] = [];
    const results = await handle.db.transaction((tx) => readAll(tx, timedReads(log, [20, 5, 1])));
    expect(results).toEqual([0, 1, 2]);
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('runs the reads at once on the database handle, results in order', async () => {
    const log: string[] = [];
    const results = await readAll(handle.db, timedReads(log, [20, 5, 1]));
    expect(results).toEqual([0, 1, 2]);
    expect(log.slice(0, 3)).toEqual(['start 0', 'start 1', 'start 2']);
  });

  it('gives each read its own typed result', async () => {
    const [one, text] = await handle.db.transaction((tx) =>
      readAll(tx, [() => Promise.resolve(1), async () => 'text' as const]),
    );
    const typed: [number, 'text'] = [one, text];
    expect(typed).toEqual([1, 'text']);
  });
});

describe('readPage', () => {
  it('gives the page and the count of every match, on the handle and in a transaction', async () => {
    const expected = { rows: [1, 2], total: 7 };
    const read = (db: Parameters<typeof readPage>[0]) =>
      readPage(
        db,
        async () => [1, 2],
        async () => [{ n: 7 }],
      );
    expect(await read(handle.db)).toEqual(expected);
    expect(await handle.db.transaction((tx) => read(tx))).toEqual(expected);
    // No count row (an empty aggregate never happens in SQL, but nothing is assumed): 0.
    expect(
      await readPage(
        handle.db,
        async () => [],
        async () => [],
      ),
    ).toEqual({ rows: [], total: 0 });
  });
});

describe('the annual report in its read-only transaction', () => {
  it('never queues a query behind another on its connection', async () => {
    for (const [cnCode, countryIso2, nameEn] of [
      ['430000', 'LA', 'Oudomxay'],
      ['430100', 'JP', 'Kagoshima'],
    ] as const) {
      await buildPartnership(handle, { cnCode, partner: { countryIso2, nameEn }, establishedOn: '2019' });
    }
    const query = { scope: '430000', asOf: '2024-11-28', since: '2018', lang: 'en' as const, compare: '2023-11-28' };
    let max = 0;
    const warnings = await warningsDuring(async () => {
      max = await maxQueriesPerConnection(handle, () =>
        collectReportData({ db: handle.db, actor: systemActor('test'), query }),
      );
    });
    expect(warnings.filter((w) => w.name === 'DeprecationWarning').map((w) => w.message)).toEqual([]);
    expect(max).toBeLessThanOrEqual(1);
  });
});
