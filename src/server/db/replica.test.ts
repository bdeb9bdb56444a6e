/**
 * Read replicas (DATABASE_REPLICA_URLS) against a real streaming replica: a primary and a hot
 * standby of their own (testing/replica.ts), started for this file and removed after it. Replay on
 * the standby is paused to make its lag visible: what tolerates lag (figures, reports) reads the
 * replica; lists, a record and the answer of a write read the primary.
 *
 * Run in the PostgreSQL project only (once per run), where the server's binaries are at hand.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, buildPartnership, jsonInit } from '../testing/factories.js';
import { type ReplicaPair, replicaUnavailable, startReplicaPair } from '../testing/replica.js';
import { testDriver } from '../testing/test-db.js';
import { createDb, type DbHandle } from './client.js';
import { openDatabase } from './open.js';
import { meta } from './schema.js';
import { queryRows } from './sql.js';

const why =
  testDriver() === 'postgres'
    ? replicaUnavailable()
    : process.env.TEST_DATABASE_URL
      ? 'runs in the PostgreSQL project'
      : 'set TEST_DATABASE_URL: it runs with the PostgreSQL tests';

describe.skipIf(why !== undefined)(`read replicas${why ? ` (skipped: ${why})` : ''}`, () => {
  let pair: ReplicaPair;
  let handle: DbHandle;
  let standby: pg.Client;

  /** Waits until the standby has replayed everything the primary has written so far. */
  async function caughtUp(): Promise<void> {
    const lsn = await queryRows<{ lsn: string }>(handle.db, sql`select pg_current_wal_insert_lsn()::text as lsn`);
    for (let i = 0; i < 200; i++) {
      const replayed = await standby.query<{ ok: boolean }>('select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [
        lsn[0]?.lsn,
      ]);
      if (replayed.rows[0]?.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the standby did not catch up in 5 s');
  }

  beforeAll(async () => {
    pair = await startReplicaPair();
    (await openDatabase({ url: pair.primaryUrl, gazetteer: false, poolSize: 2 })).close();
    handle = await createDb({ url: pair.primaryUrl, replicaUrls: [pair.replicaUrl], poolSize: 3 });
    standby = new pg.Client({ connectionString: pair.replicaUrl });
    await standby.connect();
    await buildPartnership(handle, { cnCode: '430100' });
    await caughtUp();
  }, 60_000);

  afterAll(async () => {
    await standby?.end();
    await handle?.close();
    await pair?.stop();
  });

  it('reads figures and reports on the replica, lists and writes on the primary', async () => {
    expect(handle.replicas).toBe(1);
    const app = buildApp(handle);
    const figures = async () =>
      ((await (await app.request('/api/figures?scope=430000')).json()) as { total: number }).total;
    expect(await figures()).toBe(1);

    await standby.query('select pg_wal_replay_pause()');
    try {
      const created = await app.request(
        '/api/partnerships',
        jsonInit('POST', {
          cnCode: '430100',
          kind: 'friendship',
          status: 'active',
          establishedOn: '2012',
          partner: { countryIso2: 'JP', nameEn: 'Replica Town' },
        }),
      );
      expect(created.status).toBe(201);
      const pairRow = (await created.json()) as { id: number; version: number };
      // The write's own answer, and the next request's list and record, come from the primary.
      const list = (await (await app.request('/api/partnerships?cn=430000')).json()) as { total: number };
      expect(list.total).toBe(2);
      const edited = await app.request(
        `/api/partnerships/${pairRow.id}`,
        jsonInit('PATCH', { version: pairRow.version, notes: 'edited while the replica lags' }),
      );
      expect(edited.status).toBe(200);
      expect(((await edited.json()) as { notes: string }).notes).toBe('edited while the replica lags');
      // Figures tolerate lag: still the replica's count, and kept under the replica's generation.
      expect(await figures()).toBe(1);
      const report = await app.request('/api/reports/annual.md?scope=430000');
      expect(report.status).toBe(200);
    } finally {
      await standby.query('select pg_wal_replay_resume()');
    }
    await caughtUp();
    // Replayed: the replica's generation moved on, so the kept figure is dropped.
    expect(await figures()).toBe(2);
  });

  it('sends the query builder’s writes to the primary and refuses a raw write on the replica', async () => {
    const replica = handle.lagTolerant();
    expect(replica).not.toBe(handle.db);
    const where = await queryRows<{ standby: boolean }>(replica, sql`select pg_is_in_recovery() as standby`);
    expect(where[0]?.standby).toBe(true);
    await replica.insert(meta).values({ key: 'replica_test', value: 'written' });
    const onPrimary = await queryRows<{ value: string }>(
      handle.db,
      sql`select value from meta where key = 'replica_test'`,
    );
    expect(onPrimary[0]?.value).toBe('written');
    await expect(queryRows(replica, sql`delete from meta where key = 'replica_test'`)).rejects.toThrow();
  });
});
