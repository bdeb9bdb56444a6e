/**
 * Database access of the importer: set-based reads and writes through unnest() arrays, a few
 * statements per batch of thousands of rows, never one statement per row. Every function takes the
 * import's transaction.
 */
import { type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { Actor } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { importRuns } from '../db/schema.js';
import { pgArray, queryRows } from '../db/sql.js';

/**
 * Rows per statement. Updates and joins by id also say `id = any(<the batch's ids>)`, so that the
 * database reads the batch's rows by index instead of hashing the whole table for every batch.
 */
export const BATCH = 5000;

function chunks<T>(rows: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Runs a query and returns its rows through one JSON value: reading a whole file's worth of rows
 * as one text is many times faster than row by row, on PGlite above all.
 */
async function queryJson<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const rows = await queryRows<{ j: string }>(db, sql`select coalesce(json_agg(t), '[]')::text as j from (${query}) t`);
  return JSON.parse(rows[0]?.j ?? '[]') as T[];
}

const NEEDS_ESCAPE = /["\\]/;

/**
 * One column of rows as a PostgreSQL array literal: pgArray(), with a fast path for the usual value
 * that holds no quote or backslash (this runs for every cell of a large import).
 */
function arr<T>(rows: readonly T[], pick: (row: T) => string | number | boolean | null | undefined): string {
  const items = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = pick(rows[i] as T);
    if (v === null || v === undefined) items[i] = 'NULL';
    else if (typeof v !== 'string') items[i] = String(v);
    else if (NEEDS_ESCAPE.test(v)) items[i] = pgArray([v]).slice(1, -1);
    else items[i] = `"${v}"`;
  }
  return `{${items.join(',')}}`;
}

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
 * Values that repeat across rows (a division's or a country's codes and search text) are sent once
 * in a dictionary array and picked by index, so that a batch sends and parses far less text.
 */
function dictionary<T>(rows: readonly T[], keyOf: (row: T) => string) {
  const index = new Map<string, number>();
  const first: T[] = [];
  const positions = rows.map((row) => {
    const key = keyOf(row);
    let at = index.get(key);
    if (at === undefined) {
      at = first.length + 1;
      index.set(key, at);
      first.push(row);
    }
    return at;
  });
  return { first, positions: pgArray(positions) };
}

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

// ── partnerships ──────────────────────────────────────────────────────────────────────────────

export type ExistingPartnership = {
  id: number;
  cnCode: string;
  foreignPlaceId: number;
  kind: string;
  status: string;
  /** The life cycle owns the status of a pair in preparation or with recorded moves. */
  statusByLifecycle: boolean;
  establishedOn: string | null;
  establishedPrecision: string | null;
  endedOn: string | null;
  endedReason: string | null;
  sourceUrl: string | null;
  notes: string | null;
  version: number;
};

export async function selectPartnershipsByNaturalKeys(
  db: DbOrTx,
  keys: readonly { cnCode: string; foreignPlaceId: number; kind: string }[],
): Promise<ExistingPartnership[]> {
  const out: ExistingPartnership[] = [];
  for (const batch of chunks(keys, 20_000)) {
    out.push(
      ...(await queryJson<ExistingPartnership>(
        db,
        sql`select p.id, p.cn_code as "cnCode", p.foreign_place_id as "foreignPlaceId", p.kind, p.status,
              p.established_on::text as "establishedOn", p.established_precision as "establishedPrecision",
              p.ended_on::text as "endedOn", p.ended_reason as "endedReason", p.source_url as "sourceUrl",
              p.notes, p.version, (p.stage <> 'established' or exists (select 1 from partnership_stage_events e
                where e.partnership_id = p.id)) as "statusByLifecycle"
            from partnerships p
            join unnest(${arr(batch, (k) => k.cnCode)}::text[], ${arr(batch, (k) => k.foreignPlaceId)}::int[],
              ${arr(batch, (k) => k.kind)}::text[]) as k(cn, place, kind)
              on p.cn_code = k.cn and p.foreign_place_id = k.place and p.kind = k.kind`,
      )),
    );
  }
  return out;
}

export type PartnershipOfPlace = { id: number; cnCode: string; foreignPlaceId: number };

export async function selectPartnershipsOfPlaces(db: DbOrTx, placeIds: readonly number[]) {
  const out: PartnershipOfPlace[] = [];
  for (const batch of chunks(placeIds, 20_000)) {
    out.push(
      ...(await queryJson<PartnershipOfPlace>(
        db,
        sql`select id, cn_code as "cnCode", foreign_place_id as "foreignPlaceId" from partnerships
            where foreign_place_id = any(${pgArray(batch)}::int[])`,
      )),
    );
  }
  return out;
}

export async function updatePartnershipSearch(
  db: DbOrTx,
  rows: readonly { id: number; search: string; sortKey: string }[],
): Promise<void> {
  for (const batch of chunks(rows)) {
    await db.execute(sql`
      update partnerships p set search = u.search, sort_key = u.sort_key
      from unnest(${arr(batch, (r) => r.id)}::int[], ${arr(batch, (r) => r.search)}::text[],
        ${arr(batch, (r) => r.sortKey)}::text[]) as u(id, search, sort_key)
      where p.id = u.id and p.id = any(${arr(batch, (r) => r.id)}::int[])`);
  }
}

export type PartnershipFields = {
  status: string;
  establishedOn: string | null;
  establishedPrecision: string | null;
  endedOn: string | null;
  endedReason: string | null;
  sourceUrl: string | null;
  notes: string | null;
  search: string;
  sortKey: string;
};

export type NewImportedPartnership = Omit<PartnershipFields, 'search' | 'sortKey'> & {
  cnCode: string;
  provinceCode: string;
  prefectureCode: string | null;
  level: string;
  foreignPlaceId: number;
  countryIso2: string;
  kind: string;
  isDemo: boolean;
  /** The division's share of the search text and sort key (the place's comes from foreign_places). */
  divisionSearch: string;
  divisionSort: string;
};

function concurrentChange(): AppError {
  return new AppError('conflict', 'someone changed the same partnerships while the file was imported', {
    issues: [
      {
        path: 'file',
        rule: 'concurrent_change',
        message: 'someone changed the same partnerships while the file was imported; nothing was written',
        fix: 'run the import again',
      },
    ],
  });
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: string }).code === '23505') return true;
  }
  return false;
}

/** Runs an insert of rows the import found missing; a unique violation means a concurrent writer. */
async function guardUnique<T>(insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (isUniqueViolation(error)) throw concurrentChange();
    throw error;
  }
}

/**
 * Inserts new partnerships. The partner's share of the search text and sort key, and the country,
 * come from the foreign place itself (its search text is its names' and its country's, its sort key
 * its name's — see placeSearchText()), so only the division's share travels with the rows.
 */
export async function insertPartnerships(db: DbOrTx, rows: readonly NewImportedPartnership[]): Promise<void> {
  for (const batch of chunks(rows)) {
    const division = dictionary(batch, (r) => r.cnCode);
    // The batch's places by index, rather than hashing the whole foreign_places table per batch.
    const placeIds = pgArray([...new Set(batch.map((r) => r.foreignPlaceId))]);
    await guardUnique(() =>
      db.execute(sql`
        insert into partnerships (cn_code, province_code, prefecture_code, level, foreign_place_id, country_iso2,
          kind, status, established_on, established_precision, ended_on, ended_reason, source_url, notes,
          is_demo, search, sort_key)
        select d.code, d.province, d.prefecture, d.level, u.place, fp.country_iso2,
          u.kind, u.status, u.established_on, u.precision, u.ended_on, u.ended_reason, u.source_url, u.notes,
          u.is_demo, concat_ws(' | ', nullif(d.search, ''), nullif(fp.search, '')), d.sort || ' / ' || fp.sort_key
        from unnest(
          ${division.positions}::int[], ${arr(batch, (r) => r.foreignPlaceId)}::int[],
          ${arr(batch, (r) => r.kind)}::text[], ${arr(batch, (r) => r.status)}::text[],
          ${arr(batch, (r) => r.establishedOn)}::date[], ${arr(batch, (r) => r.establishedPrecision)}::text[],
          ${arr(batch, (r) => r.endedOn)}::date[], ${arr(batch, (r) => r.endedReason)}::text[],
          ${arr(batch, (r) => r.sourceUrl)}::text[], ${arr(batch, (r) => r.notes)}::text[],
          ${arr(batch, (r) => r.isDemo)}::boolean[])
          as u(di, place, kind, status, established_on, precision, ended_on, ended_reason, source_url, notes, is_demo)
        join unnest(
          ${arr(division.first, (r) => r.cnCode)}::text[], ${arr(division.first, (r) => r.provinceCode)}::text[],
          ${arr(division.first, (r) => r.prefectureCode)}::text[], ${arr(division.first, (r) => r.level)}::text[],
          ${arr(division.first, (r) => r.divisionSearch)}::text[], ${arr(division.first, (r) => r.divisionSort)}::text[])
          with ordinality as d(code, province, prefecture, level, search, sort, i) on d.i = u.di
        join foreign_places fp on fp.id = u.place and fp.id = any(${placeIds}::int[])`),
    );
  }
}

/** Rows in partnerships now (inside the import's transaction). */
export async function countPartnerships(db: DbOrTx): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from partnerships`);
  return rows[0]?.n ?? 0;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * For a bulk load much larger than the table: drops the indexes (all but the primary key's) and the
 * foreign keys of partnerships, and returns the function that puts them back exactly as they were
 * defined (building an index once is far cheaper than updating it row by row; adding a foreign key
 * checks every row in one join). The unique natural-key index is rebuilt first: the file's own
 * duplicates and the stored pairs were checked before, and the dropped index locks out every other
 * writer, so a violation there is a writer that slipped in before the lock — a concurrent change.
 * Everything happens in the import's transaction: a failed import leaves the table as it was. The
 * price is a table lock until the import commits — seconds, and only for loads this large.
 */
export async function suspendPartnershipIndexes(db: DbOrTx): Promise<() => Promise<void>> {
  const indexes = await queryRows<{ name: string; def: string }>(
    db,
    sql`select indexname as name, indexdef as def from pg_indexes
        where schemaname = current_schema() and tablename = 'partnerships'
          and indexname not in (select conname from pg_constraint where conrelid = 'partnerships'::regclass)
        order by indexdef not like 'CREATE UNIQUE %', indexname`,
  );
  const foreignKeys = await queryRows<{ name: string; def: string }>(
    db,
    sql`select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
        where conrelid = 'partnerships'::regclass and contype = 'f'`,
  );
  for (const index of indexes) await db.execute(sql.raw(`drop index ${quoteIdent(index.name)}`));
  if (foreignKeys.length) {
    const drops = foreignKeys.map((fk) => `drop constraint ${quoteIdent(fk.name)}`).join(', ');
    await db.execute(sql.raw(`alter table partnerships ${drops}`));
  }
  return async () => {
    await guardUnique(async () => {
      for (const index of indexes) await db.execute(sql.raw(index.def));
    });
    if (foreignKeys.length) {
      const adds = foreignKeys.map((fk) => `add constraint ${quoteIdent(fk.name)} ${fk.def}`).join(', ');
      await db.execute(sql.raw(`alter table partnerships ${adds}`));
    }
  };
}

/**
 * After a load, outside the import's transaction (VACUUM refuses to run in one): refreshes the
 * planner's statistics of the tables an import fills, so that the next list page is planned for
 * the rows now there — without them, a table loaded at once keeps the estimates of the empty one
 * until autovacuum comes by (never, on PGlite or where it is off), and a province's first page
 * hash-joins every foreign place: 20 ms instead of 2 ms at 20,000 pairs. A bulk load is also
 * vacuumed, which marks the new rows all-visible — tens of milliseconds for a freshly loaded table —
 * so that the figures count every province by an index-only scan instead of visiting each row.
 */
export async function refreshStatistics(db: Db, { vacuum }: { vacuum: boolean }): Promise<void> {
  await db.execute(
    vacuum ? sql`vacuum (analyze) partnerships, foreign_places` : sql`analyze partnerships, foreign_places`,
  );
}

/** Updates rows whose version is still the one read, bumping it; any other version aborts the import. */
export async function updatePartnerships(
  db: DbOrTx,
  rows: readonly (PartnershipFields & { id: number; version: number })[],
): Promise<void> {
  for (const batch of chunks(rows)) {
    const updated = await queryRows<{ id: number }>(
      db,
      sql`update partnerships p set status = u.status, established_on = u.established_on,
            established_precision = u.established_precision, ended_on = u.ended_on, ended_reason = u.ended_reason,
            source_url = u.source_url, notes = u.notes, search = u.search, sort_key = u.sort_key,
            version = p.version + 1, updated_at = now()
          from unnest(${arr(batch, (r) => r.id)}::int[], ${arr(batch, (r) => r.version)}::int[],
            ${arr(batch, (r) => r.status)}::text[], ${arr(batch, (r) => r.establishedOn)}::date[],
            ${arr(batch, (r) => r.establishedPrecision)}::text[], ${arr(batch, (r) => r.endedOn)}::date[],
            ${arr(batch, (r) => r.endedReason)}::text[], ${arr(batch, (r) => r.sourceUrl)}::text[],
            ${arr(batch, (r) => r.notes)}::text[], ${arr(batch, (r) => r.search)}::text[],
            ${arr(batch, (r) => r.sortKey)}::text[])
            as u(id, version, status, established_on, established_precision, ended_on, ended_reason, source_url,
              notes, search, sort_key)
          where p.id = u.id and p.version = u.version and p.id = any(${arr(batch, (r) => r.id)}::int[])
          returning p.id`,
    );
    if (updated.length !== batch.length) throw concurrentChange();
  }
}

// ── benchmarks ────────────────────────────────────────────────────────────────────────────────

export type BenchmarkFields = {
  scopeCode: string;
  kind: string;
  total: number;
  asOf: string;
  asOfPrecision: string;
  provincial: number | null;
  city: number | null;
  county: number | null;
  countries: number | null;
  source: string;
  sourceUrl: string | null;
};
export type ExistingBenchmark = BenchmarkFields & { id: number; version: number };

export async function selectBenchmarksByKeys(
  db: DbOrTx,
  keys: readonly { scopeCode: string; kind: string; asOf: string; total: number }[],
): Promise<ExistingBenchmark[]> {
  if (keys.length === 0) return [];
  return queryRows<ExistingBenchmark>(
    db,
    sql`select b.id, b.scope_code as "scopeCode", b.kind, b.total, b.as_of::text as "asOf",
          b.as_of_precision as "asOfPrecision", b.provincial, b.city, b.county, b.countries, b.source,
          b.source_url as "sourceUrl", b.version
        from benchmarks b
        join unnest(${arr(keys, (k) => k.scopeCode)}::text[], ${arr(keys, (k) => k.kind)}::text[],
          ${arr(keys, (k) => k.asOf)}::date[], ${arr(keys, (k) => k.total)}::int[]) as k(scope, kind, as_of, total)
          on b.scope_code = k.scope and b.kind = k.kind and b.as_of = k.as_of and b.total = k.total`,
  );
}

export async function insertBenchmarks(db: DbOrTx, rows: readonly BenchmarkFields[]): Promise<void> {
  for (const batch of chunks(rows)) {
    await db.execute(sql`
      insert into benchmarks (scope_code, kind, total, as_of, as_of_precision, provincial, city, county, countries,
        source, source_url)
      select * from unnest(${arr(batch, (r) => r.scopeCode)}::text[], ${arr(batch, (r) => r.kind)}::text[],
        ${arr(batch, (r) => r.total)}::int[], ${arr(batch, (r) => r.asOf)}::date[],
        ${arr(batch, (r) => r.asOfPrecision)}::text[], ${arr(batch, (r) => r.provincial)}::int[],
        ${arr(batch, (r) => r.city)}::int[], ${arr(batch, (r) => r.county)}::int[],
        ${arr(batch, (r) => r.countries)}::int[], ${arr(batch, (r) => r.source)}::text[],
        ${arr(batch, (r) => r.sourceUrl)}::text[])`);
  }
}

export async function updateBenchmarks(db: DbOrTx, rows: readonly (BenchmarkFields & { id: number })[]) {
  for (const batch of chunks(rows)) {
    await db.execute(sql`
      update benchmarks b set as_of_precision = u.as_of_precision, provincial = u.provincial, city = u.city,
        county = u.county, countries = u.countries, source = u.source, source_url = u.source_url,
        version = b.version + 1
      from unnest(${arr(batch, (r) => r.id)}::int[], ${arr(batch, (r) => r.asOfPrecision)}::text[],
        ${arr(batch, (r) => r.provincial)}::int[], ${arr(batch, (r) => r.city)}::int[],
        ${arr(batch, (r) => r.county)}::int[], ${arr(batch, (r) => r.countries)}::int[],
        ${arr(batch, (r) => r.source)}::text[], ${arr(batch, (r) => r.sourceUrl)}::text[])
        as u(id, as_of_precision, provincial, city, county, countries, source, source_url)
      where b.id = u.id and b.id = any(${arr(batch, (r) => r.id)}::int[])`);
  }
}

// ── country groups ────────────────────────────────────────────────────────────────────────────

export type GroupRecord = { code: string; nameZh: string; nameEn: string; source: string | null };
export type MemberRecord = { groupCode: string; countryIso2: string; joinedOn: string | null; source: string | null };

export async function selectGroups(db: DbOrTx, codes: readonly string[]): Promise<GroupRecord[]> {
  if (codes.length === 0) return [];
  return queryRows<GroupRecord>(
    db,
    sql`select code, name_zh as "nameZh", name_en as "nameEn", source from country_groups
        where code = any(${pgArray(codes)}::text[])`,
  );
}

export async function upsertGroups(db: DbOrTx, groups: readonly GroupRecord[]): Promise<void> {
  if (groups.length === 0) return;
  await db.execute(sql`
    insert into country_groups (code, name_zh, name_en, source)
    select * from unnest(${arr(groups, (g) => g.code)}::text[], ${arr(groups, (g) => g.nameZh)}::text[],
      ${arr(groups, (g) => g.nameEn)}::text[], ${arr(groups, (g) => g.source)}::text[])
    on conflict (code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en`);
}

export async function selectMembers(
  db: DbOrTx,
  keys: readonly { groupCode: string; countryIso2: string }[],
): Promise<MemberRecord[]> {
  if (keys.length === 0) return [];
  return queryRows<MemberRecord>(
    db,
    sql`select m.group_code as "groupCode", m.country_iso2 as "countryIso2", m.joined_on::text as "joinedOn", m.source
        from country_group_members m
        join unnest(${arr(keys, (k) => k.groupCode)}::text[], ${arr(keys, (k) => k.countryIso2)}::text[]) as k(g, c)
          on m.group_code = k.g and m.country_iso2 = k.c`,
  );
}

export async function upsertMembers(db: DbOrTx, rows: readonly MemberRecord[]): Promise<void> {
  for (const batch of chunks(rows)) {
    await db.execute(sql`
      insert into country_group_members (group_code, country_iso2, joined_on, source)
      select * from unnest(${arr(batch, (r) => r.groupCode)}::text[], ${arr(batch, (r) => r.countryIso2)}::text[],
        ${arr(batch, (r) => r.joinedOn)}::date[], ${arr(batch, (r) => r.source)}::text[])
      on conflict (group_code, country_iso2) do update set joined_on = excluded.joined_on, source = excluded.source`);
  }
}

// ── runs ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Imports that write take turns: a second one waits for the first to commit (transaction-scoped
 * advisory lock), instead of failing on rows the first one is writing.
 */
export async function lockImports(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(20261125)`);
}

/** Takes the next import run id before the import writes, so its changes can name it. */
export async function reserveImportRunId(db: DbOrTx): Promise<number> {
  const rows = await queryRows<{ id: number | string }>(
    db,
    sql`select nextval(pg_get_serial_sequence('import_runs', 'id')) as id`,
  );
  return Number(rows[0]?.id);
}

/**
 * The audit trail of an import's new partnerships, in one statement: every pair created in this
 * transaction (created_at is the transaction's start) is written as a `create` of the run.
 */
export async function auditCreatedPartnerships(db: DbOrTx, actor: Actor, runId: number): Promise<void> {
  await db.execute(sql`
    insert into audit_log (actor_kind, actor_id, actor_name, entity, entity_id, action, cn_code, after, import_run_id)
    select ${actor.kind === 'anonymous' ? 'system' : actor.kind}, ${actor.id}, ${actor.name}, 'partnership', p.id, 'create', p.cn_code,
      jsonb_build_object('id', p.id, 'cnCode', p.cn_code, 'foreignPlaceId', p.foreign_place_id, 'countryIso2', p.country_iso2,
        'kind', p.kind, 'status', p.status, 'establishedOn', p.established_on, 'establishedPrecision', p.established_precision,
        'endedOn', p.ended_on, 'endedReason', p.ended_reason, 'sourceUrl', p.source_url, 'notes', p.notes, 'isDemo', p.is_demo),
      ${runId}
    from partnerships p where p.created_at = now() order by p.id`);
}

export async function insertImportRun(
  db: DbOrTx,
  run: {
    id?: number;
    fileName: string;
    format: string;
    target: string;
    summary: Record<string, unknown>;
    actorName: string;
    scopeCode: string;
  },
): Promise<number> {
  const rows = await db.insert(importRuns).values(run).returning({ id: importRuns.id });
  return rows[0]?.id ?? 0;
}
