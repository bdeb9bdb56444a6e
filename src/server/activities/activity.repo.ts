/** Database access for activities and their links to partnerships. */

import { and, desc, eq, gte, inArray, lte, not, type SQL, sql } from 'drizzle-orm';
import type { RuleCode } from '../../shared/enums.js';
import type { DbOrTx } from '../db/client.js';
import { insertOne, selectById } from '../db/records.js';
import { activities, activityPartnerships, foreignPlaces, partnerships } from '../db/schema.js';
import { readPage } from '../db/sql.js';
import { deleteIfVersion, updateIfVersion } from '../db/versioned.js';
import { breaksRules } from '../rules/rules.repo.js';

export type ActivityRow = typeof activities.$inferSelect;
export type NewActivity = typeof activities.$inferInsert;

export function selectActivity(db: DbOrTx, id: number): Promise<ActivityRow | undefined> {
  return selectById(db, activities, id);
}

export function insertActivity(db: DbOrTx, row: NewActivity): Promise<ActivityRow> {
  return insertOne(db, activities, row);
}

export function updateActivityIfVersion(db: DbOrTx, id: number, version: number, patch: Partial<NewActivity>) {
  return updateIfVersion(db, activities, id, version, patch);
}

export function deleteActivityIfVersion(db: DbOrTx, id: number, version: number): Promise<boolean> {
  return deleteIfVersion(db, activities, id, version);
}

/** Sets the partnerships of an activity to exactly these (the primary one among them). */
export async function replaceActivityLinks(db: DbOrTx, activityId: number, partnershipIds: readonly number[]) {
  await db.delete(activityPartnerships).where(eq(activityPartnerships.activityId, activityId));
  if (partnershipIds.length === 0) return;
  await db
    .insert(activityPartnerships)
    .values([...new Set(partnershipIds)].map((partnershipId) => ({ activityId, partnershipId })));
}

/** The partnerships of each activity, by activity id, in id order. */
export async function selectActivityLinks(db: DbOrTx, activityIds: readonly number[]): Promise<Map<number, number[]>> {
  const links = new Map<number, number[]>(activityIds.map((id) => [id, []]));
  if (activityIds.length === 0) return links;
  const rows = await db
    .select()
    .from(activityPartnerships)
    .where(inArray(activityPartnerships.activityId, [...activityIds]))
    .orderBy(activityPartnerships.activityId, activityPartnerships.partnershipId);
  for (const row of rows) links.get(row.activityId)?.push(row.partnershipId);
  return links;
}

/** What an activity shows of its partnerships and what its rules need: division, signing date, partner names. */
export async function selectPartnershipSummaries(db: DbOrTx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: partnerships.id,
      cnCode: partnerships.cnCode,
      prefectureCode: partnerships.prefectureCode,
      provinceCode: partnerships.provinceCode,
      establishedOn: partnerships.establishedOn,
      countryIso2: partnerships.countryIso2,
      partnerNameZh: foreignPlaces.nameZh,
      partnerNameEn: foreignPlaces.nameEn,
    })
    .from(partnerships)
    .innerJoin(foreignPlaces, eq(foreignPlaces.id, partnerships.foreignPlaceId))
    .where(inArray(partnerships.id, [...new Set(ids)]));
}
export type PartnershipSummaryRow = Awaited<ReturnType<typeof selectPartnershipSummaries>>[number];

export type ActivityFilter = {
  /** Linked to this partnership (as primary or further partnership). */
  partnershipId?: number;
  /** Primary partnership in this subtree. */
  subtree?: SQL;
  types?: string[];
  fields?: string[];
  from?: string;
  to?: string;
  /** true: breaks one of `rules` (or any rule); false: breaks none. */
  flagged?: boolean;
  rules?: RuleCode[];
};

export async function selectActivityPage(db: DbOrTx, filter: ActivityFilter, page: { limit: number; offset: number }) {
  const breach = filter.flagged !== undefined || filter.rules ? breaksRules(filter.rules) : undefined;
  const conditions = [
    filter.partnershipId
      ? inArray(
          activities.id,
          db
            .select({ id: activityPartnerships.activityId })
            .from(activityPartnerships)
            .where(eq(activityPartnerships.partnershipId, filter.partnershipId)),
        )
      : undefined,
    filter.subtree
      ? inArray(activities.partnershipId, db.select({ id: partnerships.id }).from(partnerships).where(filter.subtree))
      : undefined,
    filter.types ? inArray(activities.type, filter.types) : undefined,
    filter.fields ? sql`${activities.fields} && ${`{${filter.fields.join(',')}}`}::text[]` : undefined,
    filter.from ? gte(activities.occurredOn, filter.from) : undefined,
    filter.to ? lte(activities.occurredOn, filter.to) : undefined,
    breach ? (filter.flagged === false ? not(breach) : breach) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  const where = conditions.length ? and(...conditions) : undefined;
  return readPage(
    db,
    () =>
      db
        .select()
        .from(activities)
        .where(where)
        .orderBy(desc(activities.occurredOn), desc(activities.id))
        .limit(page.limit)
        .offset(page.offset),
    () => db.select({ n: sql<number>`count(*)::int` }).from(activities).where(where),
  );
}

/** The partnership of a division with a foreign place of this English (or Chinese) name, if one. */
export async function selectPartnershipIdByNames(db: DbOrTx, cnCode: string, partnerName: string) {
  const rows = await db
    .select({ id: partnerships.id })
    .from(partnerships)
    .innerJoin(foreignPlaces, eq(foreignPlaces.id, partnerships.foreignPlaceId))
    .where(
      and(
        eq(partnerships.cnCode, cnCode),
        sql`(${foreignPlaces.nameEn} = ${partnerName} or ${foreignPlaces.nameZh} = ${partnerName})`,
      ),
    )
    .orderBy(partnerships.id)
    .limit(1);
  return rows[0]?.id;
}

/** Is an activity of this partnership, day, type and title recorded already? */
export async function activityExists(
  db: DbOrTx,
  partnershipId: number,
  occurredOn: string,
  type: string,
  title: string,
) {
  const rows = await db
    .select({ id: activities.id })
    .from(activities)
    .where(
      and(
        eq(activities.partnershipId, partnershipId),
        eq(activities.occurredOn, occurredOn),
        eq(activities.type, type),
        sql`coalesce(${activities.titleZh}, ${activities.titleEn}) = ${title}`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}
