/**
 * createDb(): the one way to open the database. Embedded PGlite in a data directory by default,
 * a PostgreSQL server when a connection string is given. Both get the same schema, migrations and
 * reference data, so everything above this file is unaware of which one it talks to.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
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
};

export async function createDb(options: CreateDbOptions): Promise<DbHandle> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // A server that went away (restart, pg_terminate_backend) must surface as an error of the query
    // that was running, never crash the process: idle clients are the pool's to drop, and a client
    // checked out for a transaction has no listener of its own, so each gets one when it connects.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
    const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    return { db, driver: 'postgres', location: redactUrl(options.url), close: () => pool.end(), poolStats };
  }
  const dataDir = options.dataDir ?? './.amity/db';
  let lock: DataDirLock | undefined;
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(resolve(dataDir), { recursive: true });
    lock = lockDataDir(dataDir);
  }
  const client = new PGlite({ dataDir, loadDataDir: options.loadDataDir });
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
  return { db, driver: 'pglite', location: dataDir, close };
}

/** The raw PGlite client behind a handle, for dumps; undefined on a server. */
export function pgliteClientOf(handle: DbHandle): PGlite | undefined {
  if (handle.driver !== 'pglite') return undefined;
  return (handle.db as unknown as { $client: PGlite }).$client;
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
