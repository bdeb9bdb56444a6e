/** Opens the database the way every entry point does: connect, migrate, load reference data. */

import { ensureReferenceData } from '../reference/reference.service.js';
import { type CreateDbOptions, createDb, type DbHandle, lockMigrations, migrateDb } from './client.js';

export type OpenOptions = CreateDbOptions & {
  gazetteer?: boolean;
  /** Told when another process is migrating the same server and this one waits for it. */
  onMigrationWait?: () => void;
};

/**
 * On a PostgreSQL server the migrations and the reference data are applied under the migration
 * lock (lockMigrations): when several hosts start at once, one migrates and the others wait, then
 * find nothing left to do.
 */
export async function openDatabase(options: OpenOptions): Promise<DbHandle> {
  const handle = await createDb(options);
  try {
    const release = await lockMigrations(handle, options.onMigrationWait);
    try {
      await migrateDb(handle);
      await ensureReferenceData(handle.db, { gazetteer: options.gazetteer });
    } finally {
      await release();
    }
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
  return handle;
}
