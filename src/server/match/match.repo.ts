/** Database access for matchmaking: requests, shortlists, dismissals, policies, and what scoring reads. */
import { and, desc, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import {
  cnDivisions,
  contacts,
  countryGroupMembers,
  foreignPlaces,
  matchDismissals,
  matchPolicies,
  matchRequests,
  matchShortlist,
  partnerships,
} from '../db/schema.js';
import { escapeLike, queryRows, readPage } from '../db/sql.js';
import { type Subtree, subtreeWhere } from '../db/subtree.js';
import { deleteIfVersion, updateIfVersion, updateKeyedIfVersion } from '../db/versioned.js';

export type RequestRow = typeof matchRequests.$inferSelect;
export type NewRequest = typeof matchRequests.$inferInsert;
export type ShortlistRow = typeof matchShortlist.$inferSelect;
export type DismissalRow = typeof matchDismissals.$inferSelect;
export type PolicyRow = typeof matchPolicies.$inferSelect;

/** Smallest population of a gazetteer place to be a candidate: ~31,000 places outside China. */
export const CANDIDATE_MIN_POPULATION = 10_000;

const ownerColumns = {
  provinceCode: matchRequests.ownerProvinceCode,
  prefectureCode: matchRequests.ownerPrefectureCode,
  cnCode: matchRequests.ownerScope,
};

export type RequestFilter = {
  subtree: Subtree | null;
  side?: string;
  status?: string;
  /** Only open or in-talks requests past their expiry day (as of `today`). */
  staleOn?: string;
  country?: string;
  q?: string;
};

function requestWhere(filter: RequestFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [subtreeWhere(ownerColumns, filter.subtree)];
  if (filter.side) conditions.push(eq(matchRequests.side, filter.side));
  if (filter.status) conditions.push(eq(matchRequests.status, filter.status));
  if (filter.staleOn) {
    conditions.push(
      inArray(matchRequests.status, ['open', 'talks']),
      sql`${matchRequests.expiresOn} < ${filter.staleOn}`,
    );
  }
  if (filter.country) {
    conditions.push(
      sql`${matchRequests.foreignPlaceId} in (select id from foreign_places where country_iso2 = ${filter.country})`,
    );
  }
  if (filter.q) conditions.push(ilike(matchRequests.search, `%${escapeLike(filter.q.toLowerCase())}%`));
  return and(...conditions);
}

export async function selectRequestPage(db: DbOrTx, filter: RequestFilter, limit: number, offset: number) {
  const where = requestWhere(filter);
  return readPage(
    db,
    () =>
      db
        .select()
        .from(matchRequests)
        .where(where)
        .orderBy(desc(matchRequests.createdAt), desc(matchRequests.id))
        .limit(limit)
        .offset(offset),
    () => db.select({ n: sql<number>`count(*)::int` }).from(matchRequests).where(where),
  );
}

export async function selectRequest(db: DbOrTx, id: number): Promise<RequestRow | undefined> {
  const [row] = await db.select().from(matchRequests).where(eq(matchRequests.id, id));
  return row;
}

export async function insertRequest(db: DbOrTx, row: NewRequest): Promise<RequestRow> {
  const [inserted] = await db.insert(matchRequests).values(row).returning();
  return inserted as RequestRow;
}

/** Open or in-talks requests, not past expiry on `today`: every side, for mutual matches and signals. */
export async function selectLiveRequests(db: DbOrTx, today: string, side?: 'cn' | 'foreign'): Promise<RequestRow[]> {
  return db
    .select()
    .from(matchRequests)
    .where(
      and(
        inArray(matchRequests.status, ['open', 'talks']),
        sql`${matchRequests.expiresOn} >= ${today}`,
        side ? eq(matchRequests.side, side) : undefined,
      ),
    )
    .orderBy(matchRequests.id);
}

/** The foreign places (with their country) of some requests. */
export async function selectPlacesOf(db: DbOrTx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(foreignPlaces)
    .where(inArray(foreignPlaces.id, [...ids]));
}

/* ---------- what scoring reads ---------- */

export type GazetteerCandidateRow = {
  geonames_id: number;
  name: string;
  country_iso2: string;
  feature_code: string | null;
  population: number | null;
  lat: number;
  lng: number;
};

export async function selectGazetteerCandidates(db: DbOrTx): Promise<GazetteerCandidateRow[]> {
  return queryRows<GazetteerCandidateRow>(
    db,
    sql`select geonames_id, name, country_iso2, feature_code, population, lat, lng from gazetteer
        where population >= ${CANDIDATE_MIN_POPULATION} order by geonames_id`,
  );
}

export type RegistryPlaceRow = {
  id: number;
  name_zh: string | null;
  name_en: string | null;
  country_iso2: string;
  admin_level: string | null;
  lat: number | null;
  lng: number | null;
  population: number | null;
  geonames_id: number | null;
  /** Pairs with Chinese divisions that have not ended. */
  china_partners: number;
};

/** Every foreign place of the registry with its number of live Chinese pairs. */
export async function selectRegistryPlaces(db: DbOrTx): Promise<RegistryPlaceRow[]> {
  return queryRows<RegistryPlaceRow>(
    db,
    sql`select f.id, f.name_zh, f.name_en, f.country_iso2, f.admin_level, f.lat, f.lng, f.population, f.geonames_id,
          coalesce(c.n, 0)::int as china_partners
        from foreign_places f
        left join (select foreign_place_id, count(*) as n from partnerships where status <> 'ended'
                   group by foreign_place_id) c on c.foreign_place_id = f.id`,
  );
}

export type RegistryNameRow = Pick<RegistryPlaceRow, 'id' | 'name_zh' | 'name_en' | 'country_iso2' | 'geonames_id'>;

/** A foreign place of the registry by its id, with its names and country. */
export async function selectRegistryPlaceNames(db: DbOrTx, id: number): Promise<RegistryNameRow | undefined> {
  const [row] = await queryRows<RegistryNameRow>(
    db,
    sql`select id, name_zh, name_en, country_iso2, geonames_id from foreign_places where id = ${id}`,
  );
  return row;
}

/** The registry's first foreign place (lowest id) that stands for a GeoNames place, if any does. */
export async function selectRegistryPlaceOfGeonames(
  db: DbOrTx,
  geonamesId: number,
): Promise<RegistryNameRow | undefined> {
  const [row] = await queryRows<RegistryNameRow>(
    db,
    sql`select id, name_zh, name_en, country_iso2, geonames_id from foreign_places
        where geonames_id = ${geonamesId} order by id limit 1`,
  );
  return row;
}

export type TargetPairRow = {
  foreign_place_id: number;
  cn_code: string;
  cn_name_zh: string;
  cn_name_en: string;
  country_iso2: string;
  year: number | null;
  status: string;
};

/** Every pair of a province (any stage or status), with its Chinese side's names. */
export async function selectProvincePairs(db: DbOrTx, provinceCode: string): Promise<TargetPairRow[]> {
  return queryRows<TargetPairRow>(
    db,
    sql`select p.foreign_place_id, p.cn_code, d.name_zh as cn_name_zh, d.name_en as cn_name_en,
          p.country_iso2,
          extract(year from p.established_on)::int as year, p.status
        from partnerships p join cn_divisions d on d.code = p.cn_code
        where p.province_code = ${provinceCode}`,
  );
}

/* ---------- shortlist, dismissals, policy ---------- */

export async function selectShortlist(db: DbOrTx, cnCode: string): Promise<ShortlistRow[]> {
  return db.select().from(matchShortlist).where(eq(matchShortlist.cnCode, cnCode)).orderBy(matchShortlist.id);
}

export async function selectShortlistEntry(db: DbOrTx, id: number): Promise<ShortlistRow | undefined> {
  const [row] = await db.select().from(matchShortlist).where(eq(matchShortlist.id, id));
  return row;
}

/** Inserts an entry; undefined when the division already has this candidate on its list. */
export async function insertShortlistEntry(db: DbOrTx, row: typeof matchShortlist.$inferInsert) {
  const rows = await db.insert(matchShortlist).values(row).onConflictDoNothing().returning();
  return rows[0];
}

export async function selectDismissals(db: DbOrTx, cnCode: string): Promise<DismissalRow[]> {
  return db.select().from(matchDismissals).where(eq(matchDismissals.cnCode, cnCode)).orderBy(matchDismissals.id);
}

export async function selectDismissal(db: DbOrTx, id: number): Promise<DismissalRow | undefined> {
  const [row] = await db.select().from(matchDismissals).where(eq(matchDismissals.id, id));
  return row;
}

export async function insertDismissal(db: DbOrTx, row: typeof matchDismissals.$inferInsert) {
  const rows = await db.insert(matchDismissals).values(row).onConflictDoNothing().returning();
  return rows[0];
}

export async function deleteDismissal(db: DbOrTx, id: number): Promise<boolean> {
  const rows = await db.delete(matchDismissals).where(eq(matchDismissals.id, id)).returning({ id: matchDismissals.id });
  return rows.length > 0;
}

export async function selectPolicies(db: DbOrTx, scopeCodes: readonly string[]): Promise<PolicyRow[]> {
  if (scopeCodes.length === 0) return [];
  return db
    .select()
    .from(matchPolicies)
    .where(inArray(matchPolicies.scopeCode, [...scopeCodes]));
}

export async function insertPolicy(db: DbOrTx, scopeCode: string, settings: unknown, isDemo: boolean) {
  const rows = await db.insert(matchPolicies).values({ scopeCode, settings, isDemo }).onConflictDoNothing().returning();
  return rows[0];
}

export function updatePolicyIfVersion(db: DbOrTx, scopeCode: string, version: number, settings: unknown) {
  return updateKeyedIfVersion(db, matchPolicies, matchPolicies.scopeCode, scopeCode, version, {
    settings,
    isDemo: false,
  });
}

/** Names of divisions by code, for requests' Chinese sides. */
export async function selectDivisionNames(db: DbOrTx, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .select({ code: cnDivisions.code, nameZh: cnDivisions.nameZh, nameEn: cnDivisions.nameEn })
    .from(cnDivisions)
    .where(inArray(cnDivisions.code, [...codes]));
}

/** Whether a partnership exists (used when a match is promoted). */
export async function partnershipExists(db: DbOrTx, cnCode: string, foreignPlaceId: number): Promise<boolean> {
  const rows = await db
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(and(eq(partnerships.cnCode, cnCode), eq(partnerships.foreignPlaceId, foreignPlaceId)))
    .limit(1);
  return rows.length > 0;
}

/** The member countries of some country groups (Belt and Road, no diplomatic relations). */
export async function selectGroupCountries(db: DbOrTx, groupCodes: readonly string[]) {
  return db
    .select({ groupCode: countryGroupMembers.groupCode, countryIso2: countryGroupMembers.countryIso2 })
    .from(countryGroupMembers)
    .where(inArray(countryGroupMembers.groupCode, [...groupCodes]));
}

export async function updateShortlistIfVersion(db: DbOrTx, id: number, version: number, note: string | null) {
  return updateIfVersion(db, matchShortlist, id, version, { note });
}

export async function deleteShortlistEntry(db: DbOrTx, id: number, version: number): Promise<boolean> {
  return deleteIfVersion(db, matchShortlist, id, version);
}

export async function updateRequestIfVersion(db: DbOrTx, id: number, version: number, patch: Partial<NewRequest>) {
  return updateIfVersion(db, matchRequests, id, version, patch);
}

export async function deleteRequestIfVersion(db: DbOrTx, id: number, version: number): Promise<boolean> {
  return deleteIfVersion(db, matchRequests, id, version);
}

/** The names of some contacts and their divisions (shown only to those who may see contacts there). */
export async function selectContactNames(db: DbOrTx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: contacts.id,
      nameZh: contacts.nameZh,
      nameEn: contacts.nameEn,
      nameOriginal: contacts.nameOriginal,
      cnCode: contacts.cnCode,
    })
    .from(contacts)
    .where(inArray(contacts.id, [...ids]));
}

export async function countDemoRequests(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(matchRequests)
    .where(eq(matchRequests.isDemo, true));
  return row?.n ?? 0;
}
