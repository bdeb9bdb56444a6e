/**
 * What every command shares: the global --db option, opening the database the configured way,
 * and turning any failure into one clear line and a non-zero exit.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { DbHandle } from '../server/db/client.js';
import { DatabaseInUseError } from '../server/db/data-dir-lock.js';
import { openDatabase } from '../server/db/open.js';
import { readEnv } from '../server/env.js';
import { isAppError } from '../shared/errors.js';

export type GlobalOptions = { db?: string };

/** Exit codes: 1 for a failure of the command, 2 for bad usage or bad input. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals() as GlobalOptions;
}

/**
 * What a command needs of the database. Commands that write (import, migrate, user add, serve…)
 * create one where there is none: 'create'. Commands that only read must not leave an empty
 * database behind and print zeros from it: 'existing' refuses a missing one (backup, lifecycle),
 * 'records' also one that holds no partnership (figures, report, export, health, reminders).
 */
export type DbNeed = 'create' | 'existing' | 'records';

export const DEMO_DB_DIR = './.amity/demo';

function noDatabase(where: string, what: string): CliError {
  const demo = where === DEMO_DB_DIR ? '' : ` — the demo's database is ${DEMO_DB_DIR} (give --db ${DEMO_DB_DIR})`;
  return new CliError(`${what} in ${where}${demo}; \`amity import FILE\` fills a database`);
}

/** Opens the database: DATABASE_URL wins, then --db, then AMITY_DB, then ./.amity/db. */
export async function openFromOptions(command: Command, need: DbNeed = 'create'): Promise<DbHandle> {
  const env = readEnv();
  const { db } = globalOptions(command);
  const dataDir = db ?? env.AMITY_DB;
  if (!env.DATABASE_URL && env.DATABASE_REPLICA_URLS?.length) {
    throw new CliError(
      'DATABASE_REPLICA_URLS is set but DATABASE_URL is not: replicas are copies of a PostgreSQL server, set DATABASE_URL to its primary (the embedded database has none)',
      2,
    );
  }
  if (!env.DATABASE_URL && need !== 'create' && !existsSync(join(resolve(dataDir), 'PG_VERSION'))) {
    throw noDatabase(dataDir, 'no database');
  }
  const handle = env.DATABASE_URL
    ? await openDatabase({
        url: env.DATABASE_URL,
        poolSize: env.AMITY_DB_POOL,
        replicaUrls: env.DATABASE_REPLICA_URLS,
        // Another host is applying migrations: say why this one has not started yet.
        onMigrationWait: () => console.error('another process is migrating this database: waiting until it is done'),
      })
    : await openDatabase({ dataDir });
  if (need === 'records') {
    const { countPartnerships } = await import('../server/imports/import.repo.js');
    if ((await countPartnerships(handle.db)) === 0) {
      await handle.close();
      throw noDatabase(env.DATABASE_URL ? handle.location : dataDir, 'no partnerships');
    }
  }
  return handle;
}

/** Runs a command body with an open database and always closes it. */
export async function withDb<T>(
  command: Command,
  body: (handle: DbHandle) => Promise<T>,
  need: DbNeed = 'create',
): Promise<T> {
  const handle = await openFromOptions(command, need);
  try {
    return await body(handle);
  } finally {
    await handle.close();
  }
}

/** One line for the user: what went wrong, never a stack trace. */
export function describeError(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (isAppError(error)) {
    const issues = error.details.issues ?? [];
    const lines = issues.slice(0, 20).map((i) => `  ${i.path}: ${i.message}${i.fix ? ` — ${i.fix}` : ''}`);
    const more = issues.length > 20 ? [`  … and ${issues.length - 20} more`] : [];
    return { message: [error.message, ...lines, ...more].join('\n'), exitCode: 2 };
  }
  const root = rootCause(error);
  const code = (root as { code?: string } | null)?.code;
  const message = root instanceof Error ? root.message : String(root);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '3D000' || code === '28P01') {
    return { message: `cannot use the database server named by DATABASE_URL: ${message}`, exitCode: 1 };
  }
  if (root instanceof DatabaseInUseError) return { message: root.message, exitCode: 1 };
  if (code === 'ENOTDIR' || code === 'EACCES' || code === 'EROFS' || code === 'EEXIST') {
    return { message: `cannot use the database directory (--db / AMITY_DB): ${message}`, exitCode: 1 };
  }
  return { message, exitCode: 1 };
}

/** Drizzle wraps driver errors ("Failed query: …"); the useful words are in the innermost cause. */
function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 10; depth++) {
    const cause = (current as { cause?: unknown } | null)?.cause;
    if (!cause) return current;
    current = cause;
  }
  return current;
}
