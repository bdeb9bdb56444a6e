/**
 * The importer's reads and writes of foreign places: every place a file may mean in one read, the
 * gazetteer's best match per name, new places and the names filled in. Every function takes the
 * import's transaction.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { queryRows } from '../db/sql.js';
import { arr, chunks, dictionary, guardUnique, queryJson } from './bulk.repo.js';

// ── foreign places ────────────────────────────────────────────────────────────────────────────

export type PlaceRecord = {
  id: number;
  countryIso2: string;
  nameZh: string | null;
  nameEn: string | null;
  nameLocal: string | null;
  adminLevel: string | null;
  nameKey: string;
};

const PLACE_COLUMNS = sql`fp.id, fp.country_iso2 as "countryIso2", fp.name_zh as "nameZh", fp.name_en as "nameEn",
  fp.name_local as "nameLocal", fp.admin_level as "adminLevel", fp.name_key as "nameKey"`;

/**
 * Places that an import's rows may mean: same country and the same name key, or the same exact
 * Chinese or English name. Three joins with the whole file's keys, whatever the number of rows.
 */
export async function selectPlacesForImport(
  db: DbOrTx,
  lookups: { byKey: [string, string][]; byZh: [string, string][]; byEn: [string, string][] },
): Promise<PlaceRecord[]> {
  const out = new Map<number, PlaceRecord>();
  const queries: [string, [string, string][]][] = [
    ['name_key', lookups.byKey],
    ['name_zh', lookups.byZh],
    ['name_en', lookups.byEn],
  ];
  for (const [column, pairs] of queries) {
    for (const batch of chunks(pairs, 20_000)) {
      const rows = await queryJson<PlaceRecord>(
        db,
        sql`select ${PLACE_COLUMNS} from foreign_places fp
          join (select distinct * from unnest(${arr(batch, (p) => p[0])}::text[], ${arr(batch, (p) => p[1])}::text[])) as k(c, v)
            on fp.country_iso2 = k.c and fp.${sql.raw(column)} = k.v`,
      );
      for (const row of rows) out.set(row.id, row);
    }
  }
  return [...out.values()];
}

export type GazetteerHit = {
  countryIso2: string;
  nameKey: string;
  geonamesId: number;
  lat: number;
  lng: number;
  population: number | null;
};

/** The most populous gazetteer entry for each (country, name key). */
export async function selectGazetteerBest(db: DbOrTx, pairs: [string, string][]): Promise<GazetteerHit[]> {
  const out: GazetteerHit[] = [];
  for (const batch of chunks(pairs, 20_000)) {
    out.push(
      ...(await queryJson<GazetteerHit>(
        db,
        sql`select distinct on (g.country_iso2, g.name_key)
              g.country_iso2 as "countryIso2", g.name_key as "nameKey", g.geonames_id as "geonamesId",
              g.lat, g.lng, g.population
            from gazetteer g
            join (select distinct * from unnest(${arr(batch, (p) => p[0])}::text[], ${arr(batch, (p) => p[1])}::text[])) as k(c, v)
              on g.country_iso2 = k.c and g.name_key = k.v
            order by g.country_iso2, g.name_key, g.population desc nulls last, g.geonames_id`,
      )),
    );
  }
  return out;
}

export type NewPlace = {
  countryIso2: string;
  nameZh: string | null;
  nameEn: string | null;
  nameLocal: string | null;
  adminLevel: string | null;
  nameKey: string;
  lat: number | null;
  lng: number | null;
  population: number | null;
  geonamesId: number | null;
  /** The search text in two parts, joined with " | " by the insert: the place's and its country's. */
  placeSearch: string;
  countrySearch: string;
  sortKey: string;
};

/**
 * Inserts places (the caller looked them up in this transaction: none exists) and returns their
 * ids by (country, name key). One that another writer added meanwhile aborts the import.
 */
export async function insertPlaces(db: DbOrTx, rows: readonly NewPlace[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const batch of chunks(rows)) {
    const country = dictionary(batch, (r) => r.countryIso2);
    const json = await guardUnique(() =>
      queryRows<{ j: string }>(
        db,
        sql`with inserted as (insert into foreign_places (country_iso2, name_zh, name_en, name_local, admin_level, name_key,
            lat, lng, population, geonames_id, search, sort_key)
          select c.iso2, u.name_zh, u.name_en, u.name_local, u.admin_level, u.name_key, u.lat, u.lng,
            u.population, u.geonames_id, concat_ws(' | ', nullif(u.search, ''), nullif(c.search, '')), u.sort_key
          from unnest(
            ${country.positions}::int[], ${arr(batch, (r) => r.nameZh)}::text[],
            ${arr(batch, (r) => r.nameEn)}::text[], ${arr(batch, (r) => r.nameLocal)}::text[],
            ${arr(batch, (r) => r.adminLevel)}::text[], ${arr(batch, (r) => r.nameKey)}::text[],
            ${arr(batch, (r) => r.lat)}::float8[], ${arr(batch, (r) => r.lng)}::float8[],
            ${arr(batch, (r) => r.population)}::int[], ${arr(batch, (r) => r.geonamesId)}::int[],
            ${arr(batch, (r) => r.placeSearch)}::text[], ${arr(batch, (r) => r.sortKey)}::text[])
            as u(ci, name_zh, name_en, name_local, admin_level, name_key, lat, lng, population, geonames_id, search,
              sort_key)
          join unnest(${arr(country.first, (r) => r.countryIso2)}::text[], ${arr(country.first, (r) => r.countrySearch)}::text[])
            with ordinality as c(iso2, search, i) on c.i = u.ci
          returning id, country_iso2 as "countryIso2", name_key as "nameKey")
          select coalesce(json_agg(inserted), '[]')::text as j from inserted`,
      ),
    );
    const inserted = JSON.parse(json[0]?.j ?? '[]') as { id: number; countryIso2: string; nameKey: string }[];
    for (const row of inserted) ids.set(`${row.countryIso2}|${row.nameKey}`, row.id);
  }
  return ids;
}

export type PlacePatch = {
  id: number;
  nameZh: string | null;
  nameEn: string | null;
  nameLocal: string | null;
  adminLevel: string | null;
  search: string;
};

/** Fills in names an existing place lacked (the caller never overwrites a name it has). */
export async function updatePlaces(db: DbOrTx, rows: readonly PlacePatch[]): Promise<void> {
  for (const batch of chunks(rows)) {
    await db.execute(sql`
      update foreign_places fp set name_zh = u.name_zh, name_en = u.name_en, name_local = u.name_local,
        admin_level = u.admin_level, search = u.search
      from unnest(${arr(batch, (r) => r.id)}::int[], ${arr(batch, (r) => r.nameZh)}::text[],
        ${arr(batch, (r) => r.nameEn)}::text[], ${arr(batch, (r) => r.nameLocal)}::text[],
        ${arr(batch, (r) => r.adminLevel)}::text[], ${arr(batch, (r) => r.search)}::text[])
        as u(id, name_zh, name_en, name_local, admin_level, search)
      where fp.id = u.id and fp.id = any(${arr(batch, (r) => r.id)}::int[])`);
  }
}
