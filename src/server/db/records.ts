/**
 * The two statements every record's repo needs as they are: one row by its id, and one row inserted
 * and read back as stored (its id, version and defaults filled in by the database).
 */
import { eq } from 'drizzle-orm';
import type { PgColumn, PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.js';

/** The row of `table` with this id; undefined when there is none. */
export async function selectById<T extends PgTable & { id: PgColumn }>(
  db: DbOrTx,
  table: T,
  id: number,
): Promise<T['$inferSelect'] | undefined> {
  const rows = (await db
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id))) as T['$inferSelect'][];
  return rows[0];
}

/** Inserts one row and returns it as stored. */
export async function insertOne<T extends PgTable>(
  db: DbOrTx,
  table: T,
  row: T['$inferInsert'],
): Promise<T['$inferSelect']> {
  const rows = (await db
    .insert(table)
    .values(row as PgInsertValue<T>)
    .returning()) as T['$inferSelect'][];
  const inserted = rows[0];
  // INSERT … RETURNING always gives the row back; none means the statement did not run as written.
  if (!inserted) throw new Error('insert returned no row');
  return inserted;
}
