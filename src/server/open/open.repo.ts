/**
 * The reads of open data: published pairs with their places, page by page in id order, and the
 * benchmarks. Only the columns that may leave are selected; contacts, accounts and the audit trail
 * are never read here.
 */
import { and, asc, eq, gt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { benchmarks, foreignPlaces, partnerships } from '../db/schema.js';
import { queryRows } from '../db/sql.js';
import { publishedCondition } from './publication.repo.js';

/** A published pair and its place, as the export reads them (dates as YYYY-MM-DD text). */
export type PublishedPair = {
  p: {
    id: number;
    cnCode: string;
    level: string;
    kind: string;
    status: string;
    establishedOn: string | null;
    establishedPrecision: string | null;
    endedOn: string | null;
    endedReason: string | null;
    sourceUrl: string | null;
    notes: string | null;
    notesInternal: boolean;
    /** ISO 8601 timestamp of the last save. */
    updatedAt: string;
  };
  place: {
    id: number;
    countryIso2: string;
    nameZh: string | null;
    nameEn: string | null;
    nameLocal: string | null;
    adminLevel: string | null;
    lat: number | null;
    lng: number | null;
    population: number | null;
    geonamesId: number | null;
    wikidataId: string | null;
  };
};

type Tuple = [
  number,
  string,
  string,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  boolean,
  string,
  number,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  number | null,
  number | null,
  number | null,
  number | null,
  string | null,
];

/**
 * Published pairs of a subtree (undefined: all), in id order, `batchSize` at a time (keyset on id);
 * with `which: 'signed'`, every signed pair, published or not (for the office's own checks). Each
 * batch comes as one JSON array built by the database: at 100,000 pairs that is about half the
 * time of a row per pair through the driver, which parses every value of every row on its own.
 */
export async function* iteratePublishedPairs(
  db: DbOrTx,
  subtree: SQL | undefined,
  batchSize = 50_000,
  which: 'published' | 'signed' = 'published',
): AsyncGenerator<PublishedPair[]> {
  const p = partnerships;
  const f = foreignPlaces;
  const selected = which === 'published' ? publishedCondition() : eq(p.stage, 'established');
  let lastId = 0;
  for (;;) {
    const batch = sql`select ${p.id} as id from ${p} where ${and(selected, subtree, gt(p.id, lastId))}
      order by ${p.id} limit ${batchSize}`;
    const [row] = await queryRows<{ rows: string | null }>(
      db,
      sql`select json_agg(json_build_array(${p.id}, ${p.cnCode}, ${p.level}, ${p.kind}, ${p.status},
          ${p.establishedOn}, ${p.establishedPrecision}, ${p.endedOn}, ${p.endedReason}, ${p.sourceUrl},
          ${p.notes}, ${p.notesInternal}, ${p.updatedAt}, ${f.id}, ${f.countryIso2}, ${f.nameZh}, ${f.nameEn},
          ${f.nameLocal}, ${f.adminLevel}, ${f.lat}, ${f.lng}, ${f.population}, ${f.geonamesId}, ${f.wikidataId})
          order by ${p.id})::text as rows
        from ${p} join ${f} on ${f.id} = ${p.foreignPlaceId}
        where ${p.id} in (${batch})`,
    );
    const tuples = row?.rows ? (JSON.parse(row.rows) as Tuple[]) : [];
    if (tuples.length === 0) return;
    yield tuples.map((t) => ({
      p: {
        id: t[0],
        cnCode: t[1],
        level: t[2],
        kind: t[3],
        status: t[4],
        establishedOn: t[5],
        establishedPrecision: t[6],
        endedOn: t[7],
        endedReason: t[8],
        sourceUrl: t[9],
        notes: t[10],
        notesInternal: t[11],
        updatedAt: t[12],
      },
      place: {
        id: t[13],
        countryIso2: t[14],
        nameZh: t[15],
        nameEn: t[16],
        nameLocal: t[17],
        adminLevel: t[18],
        lat: t[19],
        lng: t[20],
        population: t[21],
        geonamesId: t[22],
        wikidataId: t[23],
      },
    }));
    lastId = (tuples[tuples.length - 1] as Tuple)[0];
    if (tuples.length < batchSize) return;
  }
}

export type BenchmarkRow = typeof benchmarks.$inferSelect;

/** Every benchmark: published figures with their sources, public by nature. */
export async function selectAllBenchmarks(db: DbOrTx): Promise<BenchmarkRow[]> {
  return db.select().from(benchmarks).orderBy(asc(benchmarks.id));
}
