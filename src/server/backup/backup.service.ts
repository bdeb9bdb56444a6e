/**
 * `amity backup` / `amity restore`: every row an office owns, as gzip-compressed JSON lines.
 *
 * Line 1 is the header `{ format, version, schema, createdAt, tables }`; then one line per row,
 * `{ "t": table, "r": row }`, with the row exactly as PostgreSQL writes it as JSON (snake_case
 * columns); the last line is `{ "end": true, "rows": { table: count } }`, so a cut file is refused.
 * The schema is the tag of the last migration: a dump restores only into the same schema.
 * Reference data (countries, divisions, the gazetteer, the shipped group bri and the meta table
 * recording their version) is not dumped: every database loads it from data/ when it opens.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough, type Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { AppError } from '../../shared/errors.js';
import { type DbOrTx, MIGRATIONS_DIR } from '../db/client.js';
import {
  BACKUP_TABLES,
  type BackupTable,
  countTableRows,
  deleteOwnRows,
  insertTableRows,
  readTableRows,
  resetSequence,
} from './backup.repo.js';

export const BACKUP_FORMAT = 'amity-backup';
export const BACKUP_VERSION = 1;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  schema: string;
  createdAt: string;
  tables: string[];
};

export type BackupCounts = Record<string, number>;

/** The tag of the newest migration, e.g. "0000_init": what a dump's rows fit. */
export function currentSchemaVersion(): string {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const last = journal.entries[journal.entries.length - 1];
  if (!last) throw new Error('no migrations found');
  return last.tag;
}

/**
 * The dump as a gzip stream. All tables are read in one repeatable-read transaction, so the dump
 * is one consistent moment even while others write.
 */
export function backupStream({ db, counts }: { db: DbOrTx; counts?: BackupCounts }): Readable {
  const gzip = createGzip();
  const out = new PassThrough();
  gzip.pipe(out);
  const write = (line: unknown) =>
    new Promise<void>((resolve) => {
      if (gzip.write(`${JSON.stringify(line)}\n`)) resolve();
      else gzip.once('drain', resolve);
    });
  const run = async () => {
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      schema: currentSchemaVersion(),
      createdAt: new Date().toISOString(),
      tables: BACKUP_TABLES.map((t) => t.name),
    };
    await write(header);
    const rows: BackupCounts = {};
    await db.transaction(
      async (tx) => {
        for (const table of BACKUP_TABLES) {
          rows[table.name] = 0;
          for await (const batch of readTableRows(tx, table)) {
            // The row is already JSON text: splice it in rather than parse and re-serialise it.
            const text = batch.map((j) => `{"t":${JSON.stringify(table.name)},"r":${j}}\n`).join('');
            await new Promise<void>((resolve) => {
              if (gzip.write(text)) resolve();
              else gzip.once('drain', resolve);
            });
            rows[table.name] = (rows[table.name] ?? 0) + batch.length;
          }
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await write({ end: true, rows });
    if (counts) Object.assign(counts, rows);
    gzip.end();
  };
  run().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

export type RestoreOptions = {
  db: DbOrTx;
  /** The gzip dump. */
  input: Readable;
  /** Replace the office's rows when the database already holds some. */
  force?: boolean;
};

function badDump(message: string): AppError {
  return new AppError('validation_failed', message);
}

/**
 * Restores a dump in one transaction: all of it or nothing. The target must hold no rows of its
 * own (unless force, which deletes them first, in the same transaction).
 */
export async function restoreBackup({ db, input, force = false }: RestoreOptions): Promise<BackupCounts> {
  const lines = createInterface({ input: input.pipe(createGunzip()), crlfDelay: Number.POSITIVE_INFINITY });
  const iterator = lines[Symbol.asyncIterator]();
  const next = async (): Promise<unknown> => {
    try {
      const { value, done } = await iterator.next();
      if (done) return undefined;
      return JSON.parse(value);
    } catch (error) {
      if (error instanceof SyntaxError) throw badDump('the file is not an Amity backup: a line is not JSON');
      throw badDump(`the file is not an Amity backup: ${(error as Error).message}`);
    }
  };
  const header = (await next()) as Partial<BackupHeader> | undefined;
  if (!header || header.format !== BACKUP_FORMAT) throw badDump('the file is not an Amity backup');
  if (header.version !== BACKUP_VERSION) {
    throw badDump(`backup format version ${header.version} is not supported; this Amity reads ${BACKUP_VERSION}`);
  }
  const schema = currentSchemaVersion();
  if (header.schema !== schema) {
    throw badDump(
      `the backup is of database schema ${header.schema}, this Amity's is ${schema}: restore it with the Amity version that made it`,
    );
  }
  const byName = new Map(BACKUP_TABLES.map((t) => [t.name, t]));
  const order = BACKUP_TABLES.map((t) => t.name);
  try {
    return await db.transaction(async (tx) => {
      const held: string[] = [];
      for (const table of BACKUP_TABLES) if ((await countTableRows(tx, table)) > 0) held.push(table.name);
      if (held.length > 0) {
        if (!force) {
          throw new AppError(
            'conflict',
            `the database is not empty (${held.join(', ')}): restore into a new database, or add --force to replace its records`,
          );
        }
        await deleteOwnRows(tx);
      }
      const counts: BackupCounts = Object.fromEntries(order.map((n) => [n, 0]));
      let current: BackupTable | undefined;
      let pending: string[] = [];
      const flush = async () => {
        if (current && pending.length > 0) await insertTableRows(tx, current, pending);
        pending = [];
      };
      let ended: { rows?: BackupCounts } | undefined;
      for (;;) {
        const line = (await next()) as { t?: string; r?: unknown; end?: boolean; rows?: BackupCounts } | undefined;
        if (line === undefined) break;
        if (line.end) {
          ended = line;
          break;
        }
        const table = line.t ? byName.get(line.t) : undefined;
        if (!table || typeof line.r !== 'object' || line.r === null)
          throw badDump('the backup has a line Amity does not know');
        if (table !== current) {
          await flush();
          if (current && order.indexOf(table.name) < order.indexOf(current.name)) {
            throw badDump('the backup lists its tables out of order');
          }
          current = table;
        }
        pending.push(JSON.stringify(line.r));
        counts[table.name] = (counts[table.name] ?? 0) + 1;
        if (pending.length >= (table.page ?? 2000)) await flush();
      }
      await flush();
      if (!ended) throw badDump('the backup file is cut short (no end line): nothing was restored');
      for (const name of order) {
        if ((ended.rows?.[name] ?? 0) !== counts[name]) {
          throw badDump(`the backup's ${name} holds ${counts[name]} rows but says ${ended.rows?.[name] ?? 0}`);
        }
      }
      for (const table of BACKUP_TABLES) await resetSequence(tx, table);
      return counts;
    });
  } finally {
    lines.close();
  }
}
