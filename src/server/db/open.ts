/** Opens the database the way every entry point does: connect, migrate, load reference data. */

import { ensureReferenceData } from '../reference/reference.service.js';
import { type CreateDbOptions, createDb, type DbHandle, migrateDb } from './client.js';

export type OpenOptions = CreateDbOptions & { gazetteer?: boolean };

export async function openDatabase(options: OpenOptions): Promise<DbHandle> {
  const handle = await createDb(options);
  try {
    await migrateDb(handle);
    await ensureReferenceData(handle.db, { gazetteer: options.gazetteer });
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
  return handle;
}
