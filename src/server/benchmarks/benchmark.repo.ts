/** Database access for benchmarks. */

import { and, asc, desc, eq, lte, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { insertOne, selectById } from '../db/records.js';
import { benchmarks } from '../db/schema.js';
import { readPage } from '../db/sql.js';
import { deleteIfVersion, updateIfVersion } from '../db/versioned.js';

export type BenchmarkRow = typeof benchmarks.$inferSelect;
export type NewBenchmark = typeof benchmarks.$inferInsert;

export function selectBenchmark(db: DbOrTx, id: number) {
  return selectById(db, benchmarks, id);
}

export async function selectBenchmarkByKey(
  db: DbOrTx,
  key: Pick<NewBenchmark, 'scopeCode' | 'kind' | 'asOf' | 'total'>,
) {
  const rows = await db
    .select()
    .from(benchmarks)
    .where(
      and(
        eq(benchmarks.scopeCode, key.scopeCode),
        eq(benchmarks.kind, key.kind),
        eq(benchmarks.asOf, key.asOf),
        eq(benchmarks.total, key.total),
      ),
    );
  return rows[0];
}

export function insertBenchmark(db: DbOrTx, row: NewBenchmark) {
  return insertOne(db, benchmarks, row);
}

export function updateBenchmarkIfVersion(db: DbOrTx, id: number, version: number, patch: Partial<NewBenchmark>) {
  return updateIfVersion(db, benchmarks, id, version, patch);
}

export function deleteBenchmarkIfVersion(db: DbOrTx, id: number, version: number): Promise<boolean> {
  return deleteIfVersion(db, benchmarks, id, version);
}

export async function selectBenchmarkPage(
  db: DbOrTx,
  filter: { scopeCode?: string; kind?: string; asOfOnOrBefore?: string },
  page: { limit: number; offset: number },
) {
  const conditions = [
    filter.scopeCode ? eq(benchmarks.scopeCode, filter.scopeCode) : undefined,
    filter.kind ? eq(benchmarks.kind, filter.kind) : undefined,
    filter.asOfOnOrBefore ? lte(benchmarks.asOf, filter.asOfOnOrBefore) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  const where = conditions.length ? and(...conditions) : undefined;
  return readPage(
    db,
    () =>
      db
        .select()
        .from(benchmarks)
        .where(where)
        .orderBy(asc(benchmarks.scopeCode), desc(benchmarks.asOf), asc(benchmarks.id))
        .limit(page.limit)
        .offset(page.offset),
    () => db.select({ n: sql<number>`count(*)::int` }).from(benchmarks).where(where),
  );
}
