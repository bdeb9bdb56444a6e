/** Small SQL helpers shared by repos. */
import type { SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.js';

/**
 * A JavaScript array as one PostgreSQL array literal parameter, for bulk writes through unnest().
 * Passing the literal as text works the same on PGlite and node-postgres.
 */
export function pgArray(values: readonly (string | number | boolean | null | undefined)[]): string {
  const items = values.map((v) => {
    if (v === null || v === undefined) return 'NULL';
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}

/** Runs raw SQL and returns its rows: the same on PGlite and node-postgres. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

type Read = () => PromiseLike<unknown>;
type ReadResults<T extends readonly Read[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Runs several reads and returns their results in order. A transaction holds one connection, and
 * node-postgres queues a query sent while another runs on it (deprecated, and to be refused in
 * pg@9), so on a transaction the reads run one after the other; on a database handle each read
 * takes a connection of its own from the pool, so they run at once. The reads are thunks because a
 * plain async call starts when it is made, before this could order it.
 */
export async function readAll<const T extends readonly Read[]>(db: DbOrTx, reads: T): Promise<ReadResults<T>> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as ReadResults<T>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as ReadResults<T>;
}

/** A page of rows and the number of every match, read as readAll reads: `count` selects `{ n }`. */
export async function readPage<R>(
  db: DbOrTx,
  rows: () => PromiseLike<R[]>,
  count: () => PromiseLike<{ n: number }[]>,
): Promise<{ rows: R[]; total: number }> {
  const [page, counted] = await readAll(db, [rows, count]);
  return { rows: page, total: counted[0]?.n ?? 0 };
}

/** Escapes LIKE wildcards so that user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
