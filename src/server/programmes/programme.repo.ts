/** Database access for programmes, their areas and measures, and what carries each measure out. */

import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { insertOne, selectById } from '../db/records.js';
import {
  activities,
  measureActivities,
  measureProjects,
  partnerships,
  programmeAreas,
  programmeMeasures,
  programmes,
  projects,
} from '../db/schema.js';
import { readAll, readPage } from '../db/sql.js';
import { inDivisionSubtree } from '../db/subtree.js';
import { deleteIfVersion, updateIfVersion } from '../db/versioned.js';
import type { Division } from '../places/reference-cache.js';

export type ProgrammeRow = typeof programmes.$inferSelect;
export type NewProgramme = typeof programmes.$inferInsert;
export type AreaRow = typeof programmeAreas.$inferSelect;
export type NewArea = typeof programmeAreas.$inferInsert;
export type MeasureRow = typeof programmeMeasures.$inferSelect;
export type NewMeasure = typeof programmeMeasures.$inferInsert;

export function programmeSubtree(division: Pick<Division, 'code' | 'level'>): SQL {
  return inDivisionSubtree(programmes, division);
}

export function selectProgramme(db: DbOrTx, id: number): Promise<ProgrammeRow | undefined> {
  return selectById(db, programmes, id);
}

export async function selectProgrammeByCode(db: DbOrTx, code: string): Promise<ProgrammeRow | undefined> {
  const rows = await db.select().from(programmes).where(eq(programmes.code, code));
  return rows[0];
}

export function insertProgramme(db: DbOrTx, row: NewProgramme): Promise<ProgrammeRow> {
  return insertOne(db, programmes, row);
}

export function updateProgrammeIfVersion(db: DbOrTx, id: number, version: number, patch: Partial<NewProgramme>) {
  return updateIfVersion(db, programmes, id, version, patch);
}

export function deleteProgrammeIfVersion(db: DbOrTx, id: number, version: number): Promise<boolean> {
  return deleteIfVersion(db, programmes, id, version);
}

export async function selectProgrammePage(
  db: DbOrTx,
  subtree: SQL | undefined,
  page: { limit: number; offset: number },
) {
  return readPage(
    db,
    () =>
      db
        .select()
        .from(programmes)
        .where(subtree)
        .orderBy(asc(programmes.code), asc(programmes.id))
        .limit(page.limit)
        .offset(page.offset),
    () => db.select({ n: sql<number>`count(*)::int` }).from(programmes).where(subtree),
  );
}

// --- areas ---

export async function selectAreasOf(db: DbOrTx, programmeId: number): Promise<AreaRow[]> {
  return db
    .select()
    .from(programmeAreas)
    .where(eq(programmeAreas.programmeId, programmeId))
    .orderBy(asc(programmeAreas.position), asc(programmeAreas.id));
}

export function selectArea(db: DbOrTx, id: number): Promise<AreaRow | undefined> {
  return selectById(db, programmeAreas, id);
}

export async function insertAreas(db: DbOrTx, rows: NewArea[]): Promise<AreaRow[]> {
  if (!rows.length) return [];
  return db.insert(programmeAreas).values(rows).returning();
}

export function updateAreaIfVersion(db: DbOrTx, id: number, version: number, patch: Partial<NewArea>) {
  return updateIfVersion(db, programmeAreas, id, version, patch);
}

export function deleteAreaIfVersion(db: DbOrTx, id: number, version: number): Promise<boolean> {
  return deleteIfVersion(db, programmeAreas, id, version);
}

// --- measures ---

export async function selectMeasuresOf(db: DbOrTx, programmeId: number): Promise<MeasureRow[]> {
  return db
    .select()
    .from(programmeMeasures)
    .where(eq(programmeMeasures.programmeId, programmeId))
    .orderBy(asc(programmeMeasures.code), asc(programmeMeasures.id));
}

export function selectMeasure(db: DbOrTx, id: number): Promise<MeasureRow | undefined> {
  return selectById(db, programmeMeasures, id);
}

export async function selectMeasureByCode(db: DbOrTx, programmeId: number, code: string) {
  const rows = await db
    .select()
    .from(programmeMeasures)
    .where(and(eq(programmeMeasures.programmeId, programmeId), eq(programmeMeasures.code, code)));
  return rows[0];
}

export function insertMeasure(db: DbOrTx, row: NewMeasure): Promise<MeasureRow> {
  return insertOne(db, programmeMeasures, row);
}

export function updateMeasureIfVersion(db: DbOrTx, id: number, version: number, patch: Partial<NewMeasure>) {
  return updateIfVersion(db, programmeMeasures, id, version, patch);
}

export function deleteMeasureIfVersion(db: DbOrTx, id: number, version: number): Promise<boolean> {
  return deleteIfVersion(db, programmeMeasures, id, version);
}

// --- links ---

export async function replaceMeasureActivities(db: DbOrTx, measureId: number, ids: readonly number[]) {
  await db.delete(measureActivities).where(eq(measureActivities.measureId, measureId));
  if (ids.length) await db.insert(measureActivities).values(ids.map((activityId) => ({ measureId, activityId })));
}

export async function replaceMeasureProjects(db: DbOrTx, measureId: number, ids: readonly number[]) {
  await db.delete(measureProjects).where(eq(measureProjects.measureId, measureId));
  if (ids.length) await db.insert(measureProjects).values(ids.map((projectId) => ({ measureId, projectId })));
}

/** The activity and project ids linked to each of some measures. */
export async function selectMeasureLinks(db: DbOrTx, measureIds: readonly number[]) {
  const links = new Map<number, { activityIds: number[]; projectIds: number[] }>();
  for (const id of measureIds) links.set(id, { activityIds: [], projectIds: [] });
  if (!measureIds.length) return links;
  const ids = [...measureIds];
  const [as, ps] = await readAll(db, [
    () =>
      db
        .select()
        .from(measureActivities)
        .where(inArray(measureActivities.measureId, ids))
        .orderBy(asc(measureActivities.activityId)),
    () =>
      db
        .select()
        .from(measureProjects)
        .where(inArray(measureProjects.measureId, ids))
        .orderBy(asc(measureProjects.projectId)),
  ]);
  for (const r of as) links.get(r.measureId)?.activityIds.push(r.activityId);
  for (const r of ps) links.get(r.measureId)?.projectIds.push(r.projectId);
  return links;
}

/** Activities by id with the division they fall under (their partnership's). */
export async function selectActivityScopes(db: DbOrTx, ids: readonly number[]) {
  if (!ids.length) return [];
  return db
    .select({ id: activities.id, cnCode: partnerships.cnCode })
    .from(activities)
    .innerJoin(partnerships, eq(partnerships.id, activities.partnershipId))
    .where(inArray(activities.id, [...ids]));
}

/** Projects by id with their division. */
export async function selectProjectScopes(db: DbOrTx, ids: readonly number[]) {
  if (!ids.length) return [];
  return db
    .select({ id: projects.id, cnCode: projects.cnCode })
    .from(projects)
    .where(inArray(projects.id, [...ids]));
}

/** The first activity of a partnership on a day (the demo loader's way to name an activity). */
export async function selectActivityIdOn(db: DbOrTx, partnershipId: number, occurredOn: string) {
  const rows = await db
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.partnershipId, partnershipId), eq(activities.occurredOn, occurredOn)))
    .orderBy(asc(activities.id))
    .limit(1);
  return rows[0]?.id;
}
