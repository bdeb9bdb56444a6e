/**
 * The reads of open data: published pairs with their places, page by page in id order, and the
 * benchmarks. Only the columns that may leave are selected; contacts, accounts and the audit trail
 * are never read here.
 */
import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { benchmarks, foreignPlaces, partnerships } from '../db/schema.js';
import { publishedCondition } from './publication.repo.js';

const pairColumns = {
  id: partnerships.id,
  cnCode: partnerships.cnCode,
  level: partnerships.level,
  kind: partnerships.kind,
  status: partnerships.status,
  establishedOn: partnerships.establishedOn,
  establishedPrecision: partnerships.establishedPrecision,
  endedOn: partnerships.endedOn,
  endedReason: partnerships.endedReason,
  sourceUrl: partnerships.sourceUrl,
  notes: partnerships.notes,
  notesInternal: partnerships.notesInternal,
  updatedAt: partnerships.updatedAt,
};
const placeColumns = {
  id: foreignPlaces.id,
  countryIso2: foreignPlaces.countryIso2,
  nameZh: foreignPlaces.nameZh,
  nameEn: foreignPlaces.nameEn,
  nameLocal: foreignPlaces.nameLocal,
  adminLevel: foreignPlaces.adminLevel,
  lat: foreignPlaces.lat,
  lng: foreignPlaces.lng,
  population: foreignPlaces.population,
  geonamesId: foreignPlaces.geonamesId,
  wikidataId: foreignPlaces.wikidataId,
};

export type PublishedPair = { p: { [K in keyof typeof pairColumns]: (typeof partnerships.$inferSelect)[K] } } & {
  place: { [K in keyof typeof placeColumns]: (typeof foreignPlaces.$inferSelect)[K] };
};

/**
 * Published pairs of a subtree (undefined: all), in id order, `batchSize` at a time (keyset on id);
 * with `which: 'signed'`, every signed pair, published or not (for the office's own checks).
 */
export async function* iteratePublishedPairs(
  db: DbOrTx,
  subtree: SQL | undefined,
  batchSize = 20_000,
  which: 'published' | 'signed' = 'published',
): AsyncGenerator<PublishedPair[]> {
  const selected = which === 'published' ? publishedCondition() : eq(partnerships.stage, 'established');
  let lastId = 0;
  for (;;) {
    const rows = await db
      .select({ p: pairColumns, place: placeColumns })
      .from(partnerships)
      .innerJoin(foreignPlaces, eq(foreignPlaces.id, partnerships.foreignPlaceId))
      .where(and(selected, subtree, gt(partnerships.id, lastId)))
      .orderBy(asc(partnerships.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows as PublishedPair[];
    lastId = (rows[rows.length - 1] as PublishedPair).p.id;
    if (rows.length < batchSize) return;
  }
}

export type BenchmarkRow = typeof benchmarks.$inferSelect;

/** Every benchmark: published figures with their sources, public by nature. */
export async function selectAllBenchmarks(db: DbOrTx): Promise<BenchmarkRow[]> {
  return db.select().from(benchmarks).orderBy(asc(benchmarks.id));
}
