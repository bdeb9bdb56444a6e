/** Database access for places: divisions, countries, groups and foreign places. */

import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { insertOne, selectById } from '../db/records.js';
import {
  cnDivisions,
  countries,
  countryGroupMembers,
  countryGroups,
  foreignPlaces,
  partnerships,
} from '../db/schema.js';
import { escapeLike, readAll, readPage } from '../db/sql.js';

export type ForeignPlaceRow = typeof foreignPlaces.$inferSelect;
export type NewForeignPlace = typeof foreignPlaces.$inferInsert;

export function selectForeignPlace(db: DbOrTx, id: number): Promise<ForeignPlaceRow | undefined> {
  return selectById(db, foreignPlaces, id);
}

export async function selectForeignPlaceByKey(db: DbOrTx, countryIso2: string, nameKey: string) {
  const rows = await db
    .select()
    .from(foreignPlaces)
    .where(and(eq(foreignPlaces.countryIso2, countryIso2), eq(foreignPlaces.nameKey, nameKey)));
  return rows[0];
}

/** Places of a country whose Chinese name is exactly this one. */
export async function selectForeignPlacesByZh(db: DbOrTx, countryIso2: string, nameZh: string) {
  return db
    .select()
    .from(foreignPlaces)
    .where(and(eq(foreignPlaces.countryIso2, countryIso2), eq(foreignPlaces.nameZh, nameZh)));
}

export async function selectForeignPlacesByKeys(db: DbOrTx, keys: { countryIso2: string; nameKey: string }[]) {
  if (keys.length === 0) return [];
  const pairs = keys.map((k) => `${k.countryIso2}|${k.nameKey}`);
  return db
    .select()
    .from(foreignPlaces)
    .where(inArray(sql`${foreignPlaces.countryIso2} || '|' || ${foreignPlaces.nameKey}`, pairs));
}

export function insertForeignPlace(db: DbOrTx, row: NewForeignPlace): Promise<ForeignPlaceRow> {
  return insertOne(db, foreignPlaces, row);
}

export async function updateForeignPlaceRow(db: DbOrTx, id: number, patch: Partial<NewForeignPlace>) {
  const rows = await db.update(foreignPlaces).set(patch).where(eq(foreignPlaces.id, id)).returning();
  return rows[0];
}

export async function selectForeignPlacePage(
  db: DbOrTx,
  filter: { countryIso2?: string; q?: string },
  page: { limit: number; offset: number },
) {
  const conditions = [
    filter.countryIso2 ? eq(foreignPlaces.countryIso2, filter.countryIso2) : undefined,
    filter.q ? like(foreignPlaces.search, `%${escapeLike(filter.q)}%`) : undefined,
  ].filter((c) => c !== undefined);
  const where = conditions.length ? and(...conditions) : undefined;
  return readPage(
    db,
    () =>
      db
        .select()
        .from(foreignPlaces)
        .where(where)
        .orderBy(asc(foreignPlaces.sortKey), asc(foreignPlaces.id))
        .limit(page.limit)
        .offset(page.offset),
    () => db.select({ n: sql<number>`count(*)::int` }).from(foreignPlaces).where(where),
  );
}

export async function countPartnershipsOfPlace(db: DbOrTx, placeId: number): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(partnerships)
    .where(eq(partnerships.foreignPlaceId, placeId));
  return rows[0]?.n ?? 0;
}

export async function selectDivisionPage(
  db: DbOrTx,
  filter: { parentCode?: string; level?: string; q?: string },
  page: { limit: number; offset: number },
) {
  const conditions = [
    filter.parentCode ? eq(cnDivisions.parentCode, filter.parentCode) : undefined,
    filter.level ? eq(cnDivisions.level, filter.level) : undefined,
    filter.q ? like(cnDivisions.search, `%${escapeLike(filter.q)}%`) : undefined,
  ].filter((c) => c !== undefined);
  const where = conditions.length ? and(...conditions) : undefined;
  return readPage(
    db,
    () =>
      db
        .select()
        .from(cnDivisions)
        .where(where)
        .orderBy(asc(cnDivisions.sortKey), asc(cnDivisions.code))
        .limit(page.limit)
        .offset(page.offset),
    () => db.select({ n: sql<number>`count(*)::int` }).from(cnDivisions).where(where),
  );
}

export async function selectCountries(db: DbOrTx) {
  return db.select().from(countries).orderBy(asc(countries.iso2));
}

export async function selectGroupsWithMembers(db: DbOrTx) {
  const [groups, members] = await readAll(db, [
    () => db.select().from(countryGroups).orderBy(asc(countryGroups.code)),
    () => db.select().from(countryGroupMembers).orderBy(asc(countryGroupMembers.countryIso2)),
  ]);
  return groups.map((g) => ({ ...g, members: members.filter((m) => m.groupCode === g.code) }));
}
