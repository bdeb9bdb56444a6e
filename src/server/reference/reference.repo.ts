/** Writes and reads the shipped reference data: countries, divisions, groups, gazetteer. */
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { cnDivisions, countries, countryGroupMembers, countryGroups, gazetteer, meta } from '../db/schema.js';
import { pgArray } from '../db/sql.js';

export type CountryRow = typeof countries.$inferSelect;
export type DivisionRow = typeof cnDivisions.$inferSelect;
export type GazetteerRow = typeof gazetteer.$inferInsert;
export type GroupRow = typeof countryGroups.$inferInsert;
export type GroupMemberRow = typeof countryGroupMembers.$inferInsert;

/** Rows per INSERT statement: well under PostgreSQL's 65,535 parameters for every table here. */
const BATCH = 2000;

function chunks<T>(rows: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function getMeta(db: DbOrTx, key: string): Promise<string | undefined> {
  const rows = await db.select().from(meta).where(eq(meta.key, key));
  return rows[0]?.value;
}

export async function setMeta(db: DbOrTx, key: string, value: string): Promise<void> {
  await db.insert(meta).values({ key, value }).onConflictDoUpdate({ target: meta.key, set: { value } });
}

export async function upsertCountries(db: DbOrTx, rows: CountryRow[]): Promise<void> {
  for (const batch of chunks(rows)) {
    await db
      .insert(countries)
      .values(batch)
      .onConflictDoUpdate({
        target: countries.iso2,
        set: {
          iso3: sql`excluded.iso3`,
          numeric: sql`excluded.numeric`,
          nameZh: sql`excluded.name_zh`,
          nameEn: sql`excluded.name_en`,
          continent: sql`excluded.continent`,
        },
      });
  }
}

export async function upsertDivisions(db: DbOrTx, rows: DivisionRow[]): Promise<void> {
  for (const batch of chunks(rows)) {
    await db
      .insert(cnDivisions)
      .values(batch)
      .onConflictDoUpdate({
        target: cnDivisions.code,
        set: {
          nameZh: sql`excluded.name_zh`,
          nameEn: sql`excluded.name_en`,
          level: sql`excluded.level`,
          parentCode: sql`excluded.parent_code`,
          search: sql`excluded.search`,
          sortKey: sql`excluded.sort_key`,
          wikidataId: sql`excluded.wikidata_id`,
        },
      });
  }
}

/** Bulk load through unnest(): one statement of eight array parameters per 20,000 rows. */
export async function replaceGazetteer(db: DbOrTx, rows: GazetteerRow[]): Promise<void> {
  await db.delete(gazetteer);
  for (const batch of chunks(rows, 20_000)) {
    await db.execute(sql`
      insert into gazetteer (geonames_id, name, name_key, country_iso2, feature_code, population, lat, lng)
      select * from unnest(
        ${pgArray(batch.map((r) => r.geonamesId))}::int[],
        ${pgArray(batch.map((r) => r.name))}::text[],
        ${pgArray(batch.map((r) => r.nameKey))}::text[],
        ${pgArray(batch.map((r) => r.countryIso2))}::text[],
        ${pgArray(batch.map((r) => r.featureCode ?? null))}::text[],
        ${pgArray(batch.map((r) => r.population ?? null))}::int[],
        ${pgArray(batch.map((r) => r.lat))}::float8[],
        ${pgArray(batch.map((r) => r.lng))}::float8[])`);
  }
}

export async function upsertGroup(db: DbOrTx, group: GroupRow, members: GroupMemberRow[]): Promise<void> {
  await db
    .insert(countryGroups)
    .values(group)
    .onConflictDoUpdate({
      target: countryGroups.code,
      set: { nameZh: group.nameZh, nameEn: group.nameEn, description: group.description, source: group.source },
    });
  await db.delete(countryGroupMembers).where(eq(countryGroupMembers.groupCode, group.code));
  for (const batch of chunks(members)) await db.insert(countryGroupMembers).values(batch);
}

export async function listCountries(db: DbOrTx): Promise<CountryRow[]> {
  return db.select().from(countries).orderBy(countries.iso2);
}

export async function listDivisions(db: DbOrTx): Promise<DivisionRow[]> {
  return db.select().from(cnDivisions).orderBy(cnDivisions.code);
}

export async function listGroups(db: DbOrTx) {
  return db.select().from(countryGroups).orderBy(countryGroups.code);
}

export async function listGroupMembers(db: DbOrTx) {
  return db.select().from(countryGroupMembers);
}

/** Gazetteer entries of one country whose name key matches, largest first. */
export async function findGazetteer(db: DbOrTx, countryIso2: string, nameKeys: string[]) {
  if (nameKeys.length === 0) return [];
  return db
    .select()
    .from(gazetteer)
    .where(sql`${gazetteer.countryIso2} = ${countryIso2} and ${gazetteer.nameKey} in ${nameKeys}`)
    .orderBy(sql`${gazetteer.population} desc nulls last`);
}

/** Refreshes the planner's statistics of the reference tables, after they were (re)loaded. */
export async function analyzeReferenceTables(db: DbOrTx): Promise<void> {
  await db.execute(sql`analyze countries, cn_divisions, country_groups, country_group_members, gazetteer`);
}
