/** Small SQL helpers shared by repos. */
import type { SQL } from 'drizzle-orm';
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
