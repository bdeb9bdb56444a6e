/**
 * Database access of the annual report: the pairs of a scope on a date (the appendix, the charts and
 * the records behind each figure), the members of a country group, the activities of the year and
 * the latest published figure of the scope. The pairs are selected with the figures' own predicate
 * (countedWhere), so the appendix is exactly the pairs the figures count.
 */

import { and, asc, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Kind } from '../../shared/enums.js';
import type { DbOrTx } from '../db/client.js';
import {
  activities,
  benchmarks,
  cnDivisions,
  countries,
  countryGroupMembers,
  countryGroups,
  foreignPlaces,
  partnerships,
} from '../db/schema.js';
import { subtreeWhere } from '../db/subtree.js';
import { type CountedFilter, countedWhere } from '../figures/figure.repo.js';

const p = partnerships;

/** Every pair counted in the scope on the date, with what the report prints and draws of it. */
export async function selectReportPairs(db: DbOrTx, filter: CountedFilter) {
  return db
    .select({
      id: p.id,
      cnCode: p.cnCode,
      cnNameZh: cnDivisions.nameZh,
      cnNameEn: cnDivisions.nameEn,
      foreignPlaceId: p.foreignPlaceId,
      partnerNameZh: foreignPlaces.nameZh,
      partnerNameEn: foreignPlaces.nameEn,
      lat: foreignPlaces.lat,
      lng: foreignPlaces.lng,
      countryIso2: p.countryIso2,
      countryNameZh: countries.nameZh,
      countryNameEn: countries.nameEn,
      continent: countries.continent,
      level: p.level,
      status: p.status,
      establishedOn: p.establishedOn,
      establishedPrecision: p.establishedPrecision,
      isDemo: p.isDemo,
      sourceUrl: p.sourceUrl,
    })
    .from(p)
    .innerJoin(cnDivisions, eq(cnDivisions.code, p.cnCode))
    .innerJoin(foreignPlaces, eq(foreignPlaces.id, p.foreignPlaceId))
    .leftJoin(countries, eq(countries.iso2, p.countryIso2))
    .where(countedWhere(filter))
    .orderBy(asc(p.provinceCode), asc(p.cnCode), asc(p.sortKey), asc(p.id));
}
export type ReportPairRow = Awaited<ReturnType<typeof selectReportPairs>>[number];

/** Only the ids of the pairs counted (the records behind a comparison figure). */
export async function selectReportPairIds(db: DbOrTx, filter: CountedFilter) {
  const rows = await db.select({ id: p.id }).from(p).where(countedWhere(filter));
  return rows.map((r) => r.id);
}

/** A country group and its members on a date (joined then or earlier, or with no joining date). */
export async function selectGroupOn(db: DbOrTx, code: string, asOf: string) {
  const [group] = await db.select().from(countryGroups).where(eq(countryGroups.code, code));
  if (!group) return null;
  const members = await db
    .select({ iso2: countryGroupMembers.countryIso2, joinedOn: countryGroupMembers.joinedOn })
    .from(countryGroupMembers)
    .where(
      and(
        eq(countryGroupMembers.groupCode, code),
        or(isNull(countryGroupMembers.joinedOn), lte(countryGroupMembers.joinedOn, asOf)),
      ),
    );
  return { code: group.code, nameZh: group.nameZh, nameEn: group.nameEn, source: group.source, members };
}

/** The activities of pairs in the scope between two days (both included), oldest first. */
export async function selectReportActivities(
  db: DbOrTx,
  filter: { scope: CountedFilter['scope']; kind: Kind; from: string; to: string },
) {
  return db
    .select({
      id: activities.id,
      partnershipId: activities.partnershipId,
      type: activities.type,
      occurredOn: activities.occurredOn,
      participants: activities.participants,
      titleZh: activities.titleZh,
      titleEn: activities.titleEn,
      isDemo: activities.isDemo,
      cnNameZh: cnDivisions.nameZh,
      cnNameEn: cnDivisions.nameEn,
      partnerNameZh: foreignPlaces.nameZh,
      partnerNameEn: foreignPlaces.nameEn,
    })
    .from(activities)
    .innerJoin(p, eq(p.id, activities.partnershipId))
    .innerJoin(cnDivisions, eq(cnDivisions.code, p.cnCode))
    .innerJoin(foreignPlaces, eq(foreignPlaces.id, p.foreignPlaceId))
    .where(
      and(
        eq(p.kind, filter.kind),
        subtreeWhere(p, filter.scope),
        gte(activities.occurredOn, filter.from),
        lte(activities.occurredOn, filter.to),
      ),
    )
    .orderBy(asc(activities.occurredOn), asc(activities.id));
}
export type ReportActivityRow = Awaited<ReturnType<typeof selectReportActivities>>[number];

/** The latest published figure of a scope on or before a date, if any. */
export async function selectLatestPublished(db: DbOrTx, scopeCode: string, kind: Kind, asOf: string) {
  const rows = await db
    .select()
    .from(benchmarks)
    .where(and(eq(benchmarks.scopeCode, scopeCode), eq(benchmarks.kind, kind), lte(benchmarks.asOf, asOf)))
    .orderBy(desc(benchmarks.asOf), desc(benchmarks.id))
    .limit(1);
  return rows[0] ?? null;
}
