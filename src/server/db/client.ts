/**
 * createDb(): the one way to open the database. Embedded PGlite in a data directory by default,
 * a PostgreSQL server when a connection string is given. Both get the same schema, migrations and
 * reference data, so everything above this file is unaware of which one it talks to.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { type PgDatabase, type PgQueryResultHKT, type PgTransaction, withReplicas } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type DataDirLock, lockDataDir } from './data-dir-lock.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database handle or an open transaction: repos accept either. */
export type DbOrTx = Db | Tx;

export type DbHandle = {
  db: Db;
  /** 'pglite' or 'postgres' */
  driver: 'pglite' | 'postgres';
  /** Human-readable location, for logs and messages (never includes a password). */
  location: string;
  close(): Promise<void>;
  /** The server pool's connections now (for metrics); PGlite has no pool. */
  poolStats?: () => { total: number; idle: number; waiting: number };
  /**
   * The database for reads that tolerate lag (figures, reports, exports): the next read replica in
   * turn when DATABASE_REPLICA_URLS names some, else `db` itself. Every statement of one call runs
   * on the same replica, so a figure and the generation it is kept under come from one copy.
   */
  lagTolerant(): Db;
  /** How many read replicas there are (0: every read goes to the primary). */
  replicas: number;
};

// From the repository's root, so that the compiled module in build/server/db finds the same folder.
export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../src/server/db/migrations');

export type CreateDbOptions = {
  /** PostgreSQL connection string; wins over dataDir. */
  url?: string;
  /** PGlite data directory; 'memory://' for a throw-away database. */
  dataDir?: string;
  /** A PGlite data directory dump (from dumpDataDir) to start from. */
  loadDataDir?: Blob;
  poolSize?: number;
  /** Read replicas of `url` (DATABASE_REPLICA_URLS), for reads that tolerate lag. */
  replicaUrls?: readonly string[];
};

function createPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  // A server that went away (restart, pg_terminate_backend) must surface as an error of the query
  // that was running, never crash the process: idle clients are the pool's to drop, and a client
  // checked out for a transaction has no listener of its own, so each gets one when it connects.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/**
 * A replica's database handle that never writes to it. Drizzle's withReplicas sends the query
 * builder's insert, update and delete to the primary; raw SQL (the repos read with it too) and
 * transactions (the report's one read-only snapshot) run on the replica as well, where PostgreSQL
 * refuses any write (SQLSTATE 25006): a write can fail there, never land on a copy.
 */
function onReplica(primary: Db, replica: Db): Db {
  const routed = withReplicas(primary, [replica]);
  return Object.assign(routed, {
    execute: replica.execute.bind(replica),
    transaction: replica.transaction.bind(replica),
  }) as unknown as Db;
}

export async function createDb(options: CreateDbOptions): Promise<DbHandle> {
  if (options.url) {
    const max = options.poolSize ?? 10;
    const pool = createPool(options.url, max);
    const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
    const replicaPools = (options.replicaUrls ?? []).map((url) => createPool(url, max));
    const replicaDbs = replicaPools.map((p) => onReplica(db, drizzleNodePg({ client: p, schema }) as unknown as Db));
    let turn = 0;
    const lagTolerant = () => {
      if (replicaDbs.length === 0) return db;
      turn = (turn + 1) % replicaDbs.length;
      return replicaDbs[turn] as Db;
    };
    // The pool of the primary: replicas' connections are not what a deployment sizes PgBouncer by.
    const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    const close = async () => {
      await Promise.all([pool.end(), ...replicaPools.map((p) => p.end())]);
    };
    return {
      db,
      driver: 'postgres',
      location: redactUrl(options.url),
      close,
      poolStats,
      lagTolerant,
      replicas: replicaDbs.length,
    };
  }
  if (options.replicaUrls?.length) {
    throw new Error('DATABASE_REPLICA_URLS needs DATABASE_URL: the embedded database has no replicas');
  }
  const dataDir = options.dataDir ?? './.amity/db';
  let lock: DataDirLock | undefined;
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(resolve(dataDir), { recursive: true });
    lock = lockDataDir(dataDir);
  }
  // pg_trgm: the text search index of the list (migration 0014).
  const client = new PGlite({ dataDir, loadDataDir: options.loadDataDir, extensions: { pg_trgm } });
  try {
    await client.waitReady;
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  const close = async () => {
    try {
      await client.close();
    } finally {
      lock?.release();
    }
  };
  return { db, driver: 'pglite', location: dataDir, close, lagTolerant: () => db, replicas: 0 };
}

/** The raw PGlite client behind a handle, for dumps; undefined on a server. */
export function pgliteClientOf(handle: DbHandle): PGlite | undefined {
  if (handle.driver !== 'pglite') return undefined;
  return (handle.db as unknown as { $client: PGlite }).$client;
}

/** The key of the session advisory lock that migrating and loading reference data take on a server. */
export const MIGRATION_LOCK_KEY = 0x616d_6974; // 'amit'

/**
 * Takes the migration lock of a PostgreSQL server, waiting while another process holds it; `onWait`
 * is told once when it has to wait. Returns the release. Several hosts starting at once thus
 * migrate one at a time: the first applies the migrations and loads the reference data, the others
 * then find both current. The lock is a transaction's advisory lock on a connection of its own,
 * held by keeping that transaction open: through PgBouncer in transaction mode an open transaction
 * keeps its server connection, where a session's lock would stay behind on a pooled connection
 * that others then use. PGlite needs none: one process holds its data directory.
 */
export async function lockMigrations(handle: DbHandle, onWait?: () => void): Promise<() => Promise<void>> {
  if (handle.driver !== 'postgres') return async () => {};
  // A connection of its own, not the pool's: a pool of one would leave the migrations none.
  const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
  const client = new pg.Client(pool.options);
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('begin');
    const tried = await client.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [
      MIGRATION_LOCK_KEY,
    ]);
    if (!tried.rows[0]?.ok) {
      onWait?.();
      await client.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    }
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  // Ending the transaction (or, failing that, the connection) ends the lock.
  return async () => {
    await client.query('commit').catch(() => {});
    await client.end().catch(() => {});
  };
}

export async function migrateDb(handle: DbHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (handle.driver === 'postgres') {
    await migrateNodePg(handle.db as unknown as Parameters<typeof migrateNodePg>[0], config);
  } else {
    await migratePglite(handle.db as unknown as Parameters<typeof migratePglite>[0], config);
  }
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres server';
  }
}
