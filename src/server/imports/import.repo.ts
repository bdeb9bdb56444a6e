/**
 * Database access of the importer for partnerships and runs: set-based reads and writes through
 * unnest() arrays (bulk.repo.ts), a few statements per batch of thousands of rows, never one
 * statement per row. Every function takes the import's transaction. Places are in
 * place-import.repo.ts, benchmarks and country groups in reference-import.repo.ts.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { importRuns } from '../db/schema.js';
import { pgArray, queryRows } from '../db/sql.js';
import { arr, chunks, concurrentChange, dictionary, guardUnique, queryJson } from './bulk.repo.js';

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
