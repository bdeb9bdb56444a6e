/**
 * Optimistic concurrency in one place: every editable record has `version`; an update or delete
 * names the version it read, and matches no row when someone else changed the record since
 * (`UPDATE … WHERE id = ? AND version = ?`; settings kept per scope are keyed by the scope's code).
 * The service then answers 409 with staleVersion().
 */
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { AppError } from '../../shared/errors.js';
import type { DbOrTx } from './client.js';

/** A table whose rows have a `version` (and perhaps `updatedAt`). */
export type VersionedTable = PgTable & { version: PgColumn };
/** One keyed by `id`, as most records are (settings kept per scope are keyed by its code instead). */
export type VersionedIdTable = VersionedTable & { id: PgColumn };

/**
 * Applies `patch` and raises the version of the row whose `keyColumn` is `key` when it still has
 * `version`; undefined when it has not (or is gone).
 */
export async function updateKeyedIfVersion<T extends VersionedTable>(
  db: DbOrTx,
  table: T,
  keyColumn: PgColumn,
  key: number | string,
  version: number,
  patch: Partial<T['$inferInsert']>,
): Promise<T['$inferSelect'] | undefined> {
  const stamp = 'updatedAt' in getTableColumns(table) ? { updatedAt: new Date() } : {};
  const set = { ...patch, ...stamp, version: sql`${table.version} + 1` } as PgUpdateSetSource<T>;
  const rows = (await db
    .update(table)
    .set(set)
    .where(and(eq(keyColumn, key), eq(table.version, version)))
    .returning()) as T['$inferSelect'][];
  return rows[0];
}

/** Deletes the row whose `keyColumn` is `key` when it still has `version`; false when it has not (or is gone). */
export async function deleteKeyedIfVersion(
  db: DbOrTx,
  table: VersionedTable,
  keyColumn: PgColumn,
  key: number | string,
  version: number,
): Promise<boolean> {
  const rows = await db
    .delete(table)
    .where(and(eq(keyColumn, key), eq(table.version, version)))
    .returning({ version: table.version });
  return rows.length > 0;
}

/** updateKeyedIfVersion for a record keyed by `id`. */
export function updateIfVersion<T extends VersionedIdTable>(
  db: DbOrTx,
  table: T,
  id: number,
  version: number,
  patch: Partial<T['$inferInsert']>,
): Promise<T['$inferSelect'] | undefined> {
  return updateKeyedIfVersion(db, table, table.id, id, version, patch);
}

/** deleteKeyedIfVersion for a record keyed by `id`. */
export function deleteIfVersion(db: DbOrTx, table: VersionedIdTable, id: number, version: number): Promise<boolean> {
  return deleteKeyedIfVersion(db, table, table.id, id, version);
}

/** The 409 of a write that named a version the record no longer has. */
export function staleVersion(what: string, current: { id: number; version: number }): AppError {
  return versionConflict(`${what} #${current.id}`, current.version);
}

/**
 * The same for a record named otherwise ("the rules of 430100"); `currentVersion` null when it is
 * gone meanwhile. The caller reads it again and sends the version it then has.
 */
export function versionConflict(subject: string, currentVersion: number | null, fix?: string): AppError {
  return new AppError('conflict', `${subject} was changed by someone else`, {
    currentVersion,
    ...(fix ? { fix } : {}),
  });
}
