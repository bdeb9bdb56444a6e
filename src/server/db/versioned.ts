/**
 * Optimistic concurrency in one place: every editable record has `version`; an update or delete
 * names the version it read, and matches no row when someone else changed the record since
 * (`UPDATE … WHERE id = ? AND version = ?`). The service then answers 409 with staleVersion().
 */
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { AppError } from '../../shared/errors.js';
import type { DbOrTx } from './client.js';

/** A table whose rows have an `id` and a `version` (and perhaps `updatedAt`). */
export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn };

/** Applies `patch` and raises the version when the row still has `version`; undefined when it has not. */
export async function updateIfVersion<T extends VersionedTable>(
  db: DbOrTx,
  table: T,
  id: number,
  version: number,
  patch: Partial<T['$inferInsert']>,
): Promise<T['$inferSelect'] | undefined> {
  const stamp = 'updatedAt' in getTableColumns(table) ? { updatedAt: new Date() } : {};
  const set = { ...patch, ...stamp, version: sql`${table.version} + 1` } as PgUpdateSetSource<T>;
  const rows = (await db
    .update(table)
    .set(set)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning()) as T['$inferSelect'][];
  return rows[0];
}

/** Deletes the row when it still has `version`; false when it has not (or is gone). */
export async function deleteIfVersion(
  db: DbOrTx,
  table: VersionedTable,
  id: number,
  version: number,
): Promise<boolean> {
  const rows = await db
    .delete(table)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning({ id: table.id });
  return rows.length > 0;
}

/** The 409 of a write that named a version the record no longer has. */
export function staleVersion(what: string, current: { id: number; version: number }): AppError {
  return new AppError('conflict', `${what} #${current.id} was changed by someone else`, {
    currentVersion: current.version,
  });
}
