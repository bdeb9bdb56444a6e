/** Database access for projects, their links and their outcomes. */

import { and, asc, desc, eq, inArray, like, lte, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { insertOne, selectById } from '../db/records.js';
import {
  foreignPlaces,
  measureProjects,
  partnerships,
  programmeAreas,
  programmeMeasures,
  programmes,
  projectCountries,
  projectOutcomes,
  projectPartnerships,
  projects,
} from '../db/schema.js';
import { readAll, readPage } from '../db/sql.js';
import { inDivisionSubtree } from '../db/subtree.js';
import { deleteIfVersion, updateIfVersion } from '../db/versioned.js';
import type { Division } from '../places/reference-cache.js';

export type ProjectRow = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;
export type OutcomeRow = typeof projectOutcomes.$inferSelect;
export type NewOutcome = typeof projectOutcomes.$inferInsert;

/** Projects of a division and everything under it: one indexed equality. */
export function projectSubtree(division: Pick<Division, 'code' | 'level'>): SQL {
  return inDivisionSubtree(projects, division);
}

export function selectProject(db: DbOrTx, id: number): Promise<ProjectRow | undefined> {
  return selectById(db, projects, id);
}

export function insertProject(db: DbOrTx, row: NewProject): Promise<ProjectRow> {
  return insertOne(db, projects, row);
}

export function updateProjectIfVersion(db: DbOrTx, id: number, version: number, patch: Partial<NewProject>) {
  return updateIfVersion(db, projects, id, version, patch);
}

export function deleteProjectIfVersion(db: DbOrTx, id: number, version: number): Promise<boolean> {
  return deleteIfVersion(db, projects, id, version);
}

export async function replaceProjectPartnerships(db: DbOrTx, projectId: number, ids: readonly number[]) {
  await db.delete(projectPartnerships).where(eq(projectPartnerships.projectId, projectId));
  if (ids.length)
    await db.insert(projectPartnerships).values(ids.map((partnershipId) => ({ projectId, partnershipId })));
}

export async function replaceProjectCountries(db: DbOrTx, projectId: number, codes: readonly string[]) {
  await db.delete(projectCountries).where(eq(projectCountries.projectId, projectId));
  if (codes.length) await db.insert(projectCountries).values(codes.map((countryIso2) => ({ projectId, countryIso2 })));
}

export async function replaceProjectMeasures(db: DbOrTx, projectId: number, ids: readonly number[]) {
  await db.delete(measureProjects).where(eq(measureProjects.projectId, projectId));
  if (ids.length) await db.insert(measureProjects).values(ids.map((measureId) => ({ projectId, measureId })));
}

/** Partnerships by id, with the names of both sides (for checks and for the detail). */
export async function selectPartnershipsByIds(db: DbOrTx, ids: readonly number[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: partnerships.id,
      cnCode: partnerships.cnCode,
      countryIso2: partnerships.countryIso2,
      partnerNameZh: foreignPlaces.nameZh,
      partnerNameEn: foreignPlaces.nameEn,
    })
    .from(partnerships)
    .innerJoin(foreignPlaces, eq(foreignPlaces.id, partnerships.foreignPlaceId))
    .where(inArray(partnerships.id, [...ids]));
}

/** Programme measures by id, with their programme's scope and area (for checks and for the detail). */
export async function selectMeasuresByIds(db: DbOrTx, ids: readonly number[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: programmeMeasures.id,
      code: programmeMeasures.code,
      textZh: programmeMeasures.textZh,
      textEn: programmeMeasures.textEn,
      programmeId: programmes.id,
      programmeCode: programmes.code,
      programmeNameZh: programmes.nameZh,
      programmeNameEn: programmes.nameEn,
      cnCode: programmes.cnCode,
      areaNameZh: programmeAreas.nameZh,
      areaNameEn: programmeAreas.nameEn,
    })
    .from(programmeMeasures)
    .innerJoin(programmes, eq(programmes.id, programmeMeasures.programmeId))
    .innerJoin(programmeAreas, eq(programmeAreas.id, programmeMeasures.areaId))
    .where(inArray(programmeMeasures.id, [...ids]))
    .orderBy(asc(programmes.code), asc(programmeMeasures.code));
}

/** The links of some projects: partnership ids, country codes and measure ids, by project. */
export async function selectProjectLinks(db: DbOrTx, projectIds: readonly number[]) {
  const links = new Map<number, { partnershipIds: number[]; countries: string[]; measureIds: number[] }>();
  for (const id of projectIds) links.set(id, { partnershipIds: [], countries: [], measureIds: [] });
  if (!projectIds.length) return links;
  const ids = [...projectIds];
  const [ps, cs, ms] = await readAll(db, [
    () =>
      db
        .select()
        .from(projectPartnerships)
        .where(inArray(projectPartnerships.projectId, ids))
        .orderBy(asc(projectPartnerships.partnershipId)),
    () =>
      db
        .select()
        .from(projectCountries)
        .where(inArray(projectCountries.projectId, ids))
        .orderBy(asc(projectCountries.countryIso2)),
    () =>
      db
        .select()
        .from(measureProjects)
        .where(inArray(measureProjects.projectId, ids))
        .orderBy(asc(measureProjects.measureId)),
  ]);
  for (const r of ps) links.get(r.projectId)?.partnershipIds.push(r.partnershipId);
  for (const r of cs) links.get(r.projectId)?.countries.push(r.countryIso2);
  for (const r of ms) links.get(r.projectId)?.measureIds.push(r.measureId);
  return links;
}

export type ProjectFilter = {
  subtree?: SQL;
  fields?: string[];
  statuses?: string[];
  sdg?: number;
  countries?: string[];
  partnershipId?: number;
  measureId?: number;
  /** Normalised search text. */
  q?: string;
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function selectProjectPage(db: DbOrTx, filter: ProjectFilter, page: { limit: number; offset: number }) {
  const conditions = [
    filter.subtree,
    filter.fields ? inArray(projects.field, filter.fields) : undefined,
    filter.statuses ? inArray(projects.status, filter.statuses) : undefined,
    filter.sdg ? sql`${filter.sdg} = any(${projects.sdgs})` : undefined,
    filter.countries
      ? inArray(
          projects.id,
          db
            .select({ id: projectCountries.projectId })
            .from(projectCountries)
            .where(inArray(projectCountries.countryIso2, filter.countries)),
        )
      : undefined,
    filter.partnershipId
      ? inArray(
          projects.id,
          db
            .select({ id: projectPartnerships.projectId })
            .from(projectPartnerships)
            .where(eq(projectPartnerships.partnershipId, filter.partnershipId)),
        )
      : undefined,
    filter.measureId
      ? inArray(
          projects.id,
          db
            .select({ id: measureProjects.projectId })
            .from(measureProjects)
            .where(eq(measureProjects.measureId, filter.measureId)),
        )
      : undefined,
    filter.q ? like(projects.search, `%${escapeLike(filter.q)}%`) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  const where = conditions.length ? and(...conditions) : undefined;
  return readPage(
    db,
    () =>
      db
        .select()
        .from(projects)
        .where(where)
        .orderBy(desc(projects.startOn), desc(projects.id))
        .limit(page.limit)
        .offset(page.offset),
    () => db.select({ n: sql<number>`count(*)::int` }).from(projects).where(where),
  );
}

// --- outcomes ---

export async function selectOutcomesOf(db: DbOrTx, projectIds: readonly number[]): Promise<OutcomeRow[]> {
  if (!projectIds.length) return [];
  return db
    .select()
    .from(projectOutcomes)
    .where(inArray(projectOutcomes.projectId, [...projectIds]))
    .orderBy(asc(projectOutcomes.projectId), desc(projectOutcomes.asOf), asc(projectOutcomes.id));
}

export function selectOutcome(db: DbOrTx, id: number): Promise<OutcomeRow | undefined> {
  return selectById(db, projectOutcomes, id);
}

export function insertOutcome(db: DbOrTx, row: NewOutcome): Promise<OutcomeRow> {
  return insertOne(db, projectOutcomes, row);
}

export function updateOutcomeIfVersion(db: DbOrTx, id: number, version: number, patch: Partial<NewOutcome>) {
  return updateIfVersion(db, projectOutcomes, id, version, patch);
}

export function deleteOutcomeIfVersion(db: DbOrTx, id: number, version: number): Promise<boolean> {
  return deleteIfVersion(db, projectOutcomes, id, version);
}

/** An outcome as the totals count it: its project's field and goals, its value and unit. */
export type CountedOutcome = {
  outcomeId: number;
  projectId: number;
  field: string;
  sdgs: number[];
  unit: string;
  value: number;
  isDemo: boolean;
};

/**
 * The outcomes that count for totals in a subtree on a day: for each project, metric and unit only
 * the latest value measured on or before `asOf` (a measure repeated over the years is a series, not
 * a sum), and only projects that had started by then (or have no start date).
 */
export async function selectCountedOutcomes(
  db: DbOrTx,
  { subtree, asOf }: { subtree?: SQL; asOf: string },
): Promise<CountedOutcome[]> {
  const metricKey = sql`coalesce(${projectOutcomes.metricEn}, ${projectOutcomes.metricZh})`;
  const rows = await db
    .selectDistinctOn([projectOutcomes.projectId, projectOutcomes.unit, metricKey], {
      outcomeId: projectOutcomes.id,
      projectId: projectOutcomes.projectId,
      field: projects.field,
      sdgs: projects.sdgs,
      unit: projectOutcomes.unit,
      value: projectOutcomes.value,
      isDemo: projectOutcomes.isDemo,
    })
    .from(projectOutcomes)
    .innerJoin(projects, eq(projects.id, projectOutcomes.projectId))
    .where(
      and(
        subtree,
        lte(projectOutcomes.asOf, asOf),
        sql`(${projects.startOn} is null or ${projects.startOn} <= ${asOf})`,
      ),
    )
    .orderBy(
      projectOutcomes.projectId,
      projectOutcomes.unit,
      metricKey,
      desc(projectOutcomes.asOf),
      desc(projectOutcomes.id),
    );
  return rows;
}

/** A project of a division by its Chinese name (the demo loader's natural key). */
export async function selectProjectIdByName(db: DbOrTx, cnCode: string, nameZh: string): Promise<number | undefined> {
  const rows = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.cnCode, cnCode), eq(projects.nameZh, nameZh)))
    .orderBy(asc(projects.id))
    .limit(1);
  return rows[0]?.id;
}
