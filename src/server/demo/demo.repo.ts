/** The two reads the demo summary needs: what the registry holds in a province, and its benchmarks. */
import { and, count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { benchmarks, partnerships } from '../db/schema.js';

/**
 * Partnerships of a province and everything under it, by level (levels without any are absent);
 * pairs still in preparation (letters of intent, proposals) are not partnerships yet.
 */
export async function countPartnershipsByLevel(db: DbOrTx, provinceCode: string) {
  return db
    .select({ level: partnerships.level, total: count() })
    .from(partnerships)
    .where(and(eq(partnerships.provinceCode, provinceCode), eq(partnerships.stage, 'established')))
    .groupBy(partnerships.level);
}

/** The benchmarks of a scope, latest first (the last entered first on a tie of dates). */
export async function selectBenchmarksOf(db: DbOrTx, scopeCode: string, kind: string) {
  return db
    .select({
      total: benchmarks.total,
      provincial: benchmarks.provincial,
      city: benchmarks.city,
      county: benchmarks.county,
      asOf: benchmarks.asOf,
      asOfPrecision: benchmarks.asOfPrecision,
      source: benchmarks.source,
      sourceUrl: benchmarks.sourceUrl,
    })
    .from(benchmarks)
    .where(and(eq(benchmarks.scopeCode, scopeCode), eq(benchmarks.kind, kind)))
    .orderBy(desc(benchmarks.asOf), desc(benchmarks.id));
}
