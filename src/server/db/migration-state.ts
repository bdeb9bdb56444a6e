/**
 * Whether a database holds every migration this build ships: GET /readyz answers 503 until it
 * does (a host started with a newer build waits for the one that migrates).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client.js';
import { MIGRATIONS_DIR } from './client.js';
import { queryRows } from './sql.js';

let shipped: number | undefined;

/** The time stamp of the newest migration in the journal, as Drizzle records it when applied. */
function newestShippedMigration(): number {
  if (shipped === undefined) {
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
      entries: { when: number }[];
    };
    shipped = Math.max(...journal.entries.map((e) => e.when));
  }
  return shipped;
}

export type MigrationState = { current: boolean; applied: number };

export async function readMigrationState(db: DbOrTx): Promise<MigrationState> {
  const rows = await queryRows<{ applied: number; newest: string | number | null }>(
    db,
    sql`select count(*)::int as applied, max(created_at) as newest from drizzle.__drizzle_migrations`,
  );
  const row = rows[0];
  return { applied: row?.applied ?? 0, current: Number(row?.newest ?? 0) >= newestShippedMigration() };
}
