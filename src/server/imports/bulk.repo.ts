/**
 * The importer's set-based SQL: rows sent as unnest() arrays, a few statements per batch of
 * thousands of rows, never one statement per row, and rows read back through one JSON value.
 */
import { type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { DbOrTx } from '../db/client.js';
import { pgArray, queryRows } from '../db/sql.js';

/**
 * Rows per statement. Updates and joins by id also say `id = any(<the batch's ids>)`, so that the
 * database reads the batch's rows by index instead of hashing the whole table for every batch.
 */
export const BATCH = 5000;

export function chunks<T>(rows: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Runs a query and returns its rows through one JSON value: reading a whole file's worth of rows
 * as one text is many times faster than row by row, on PGlite above all.
 */
export async function queryJson<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const rows = await queryRows<{ j: string }>(db, sql`select coalesce(json_agg(t), '[]')::text as j from (${query}) t`);
  return JSON.parse(rows[0]?.j ?? '[]') as T[];
}

const NEEDS_ESCAPE = /["\\]/;

/**
 * One column of rows as a PostgreSQL array literal: pgArray(), with a fast path for the usual value
 * that holds no quote or backslash (this runs for every cell of a large import).
 */
export function arr<T>(rows: readonly T[], pick: (row: T) => string | number | boolean | null | undefined): string {
  const items = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = pick(rows[i] as T);
    if (v === null || v === undefined) items[i] = 'NULL';
    else if (typeof v !== 'string') items[i] = String(v);
    else if (NEEDS_ESCAPE.test(v)) items[i] = pgArray([v]).slice(1, -1);
    else items[i] = `"${v}"`;
  }
  return `{${items.join(',')}}`;
}

/**
 * Values that repeat across rows (a division's or a country's codes and search text) are sent once
 * in a dictionary array and picked by index, so that a batch sends and parses far less text.
 */
export function dictionary<T>(rows: readonly T[], keyOf: (row: T) => string) {
  const index = new Map<string, number>();
  const first: T[] = [];
  const positions = rows.map((row) => {
    const key = keyOf(row);
    let at = index.get(key);
    if (at === undefined) {
      at = first.length + 1;
      index.set(key, at);
      first.push(row);
    }
    return at;
  });
  return { first, positions: pgArray(positions) };
}

/** Another writer changed the same rows meanwhile: the import stops and writes nothing. */
export function concurrentChange(): AppError {
  return new AppError('conflict', 'someone changed the same partnerships while the file was imported', {
    issues: [
      {
        path: 'file',
        rule: 'concurrent_change',
        message: 'someone changed the same partnerships while the file was imported; nothing was written',
        fix: 'run the import again',
      },
    ],
  });
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: string }).code === '23505') return true;
  }
  return false;
}

/** Runs an insert of rows the import found missing; a unique violation means a concurrent writer. */
export async function guardUnique<T>(insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (isUniqueViolation(error)) throw concurrentChange();
    throw error;
  }
}
