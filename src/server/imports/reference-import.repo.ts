/**
 * The importer's reads and writes of benchmarks and country groups (with their members). Every
 * function takes the import's transaction.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { pgArray, queryRows } from '../db/sql.js';
import { arr, chunks } from './bulk.repo.js';

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
