import { type FieldIssue, notFound, validationFailed } from '../../shared/errors.js';
import {
  defaultProgress,
  type MeasureCreateInput,
  type MeasureStatus,
  type MeasureUpdateInput,
  progressProblem,
} from '../../shared/schemas/programme.js';
import type { MeasureView } from '../../shared/schemas/programme-view.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type Actor, assertCanRead, assertCanWrite } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { staleVersion } from '../db/versioned.js';
import { presentMeasure } from './programme.presenter.js';
import {
  deleteMeasureIfVersion,
  insertMeasure,
  replaceMeasureActivities,
  replaceMeasureProjects,
  selectActivityScopes,
  selectArea,
  selectMeasure,
  selectMeasureByCode,
  selectMeasureLinks,
  selectProjectScopes,
  updateMeasureIfVersion,
} from './programme.repo.js';
import { duplicateCode, issue, loadProgramme } from './programme.service.js';

/** The activities and projects linked to a measure exist and lie in the actor's scope. */
async function checkLinks(tx: DbOrTx, actor: Actor, activityIds: number[], projectIds: number[]) {
  const issues: FieldIssue[] = [];
  const activities = await selectActivityScopes(tx, activityIds);
  for (const id of activityIds) {
    const a = activities.find((x) => x.id === id);
    if (!a)
      issues.push(
        issue('activityIds', 'unknown_activity', id, `activity #${id} does not exist`, 'choose an existing activity'),
      );
    else assertCanRead(actor, a.cnCode);
  }
  const projects = await selectProjectScopes(tx, projectIds);
  for (const id of projectIds) {
    const p = projects.find((x) => x.id === id);
    if (!p)
      issues.push(
        issue('projectIds', 'unknown_project', id, `project #${id} does not exist`, 'choose an existing project'),
      );
    else assertCanRead(actor, p.cnCode);
  }
  if (issues.length) throw validationFailed(issues);
}

function checkProgress(status: MeasureStatus, progress: number) {
  const problem = progressProblem(status, progress);
  if (problem)
    throw validationFailed([
      issue('progress', 'progress_status', progress, problem, 'make the progress fit the status'),
    ]);
}

async function checkArea(tx: DbOrTx, programmeId: number, areaId: number) {
  const area = await selectArea(tx, areaId);
  if (!area || area.programmeId !== programmeId) {
    throw validationFailed([
      issue(
        'areaId',
        'unknown_area',
        areaId,
        `area #${areaId} is not an area of this programme`,
        'choose one of its areas',
      ),
    ]);
  }
}

export async function createMeasure({
  db,
  actor,
  programmeId,
  input,
  isDemo = false,
}: {
  db: Db;
  actor: Actor;
  programmeId: number;
  input: MeasureCreateInput;
  isDemo?: boolean;
}): Promise<MeasureView> {
  const programme = await loadProgramme(db, programmeId);
  assertCanWrite(actor, programme.cnCode);
  const progress = input.progress ?? defaultProgress(input.status);
  checkProgress(input.status, progress);
  return db.transaction(async (tx) => {
    await checkArea(tx, programmeId, input.areaId);
    if (await selectMeasureByCode(tx, programmeId, input.code)) throw duplicateCode('measure', input.code);
    const activityIds = [...new Set(input.activityIds)];
    const projectIds = [...new Set(input.projectIds)];
    await checkLinks(tx, actor, activityIds, projectIds);
    const row = await insertMeasure(tx, {
      programmeId,
      areaId: input.areaId,
      code: input.code,
      textZh: input.textZh ?? null,
      textEn: input.textEn ?? null,
      owner: input.owner ?? null,
      status: input.status,
      progress,
      notes: input.notes ?? null,
      isDemo,
    });
    await replaceMeasureActivities(tx, row.id, activityIds);
    await replaceMeasureProjects(tx, row.id, projectIds);
    const view = presentMeasure(row, { activityIds, projectIds });
    await writeAudit(tx, actor, {
      entity: 'programme_measure',
      entityId: row.id,
      action: 'create',
      cnCode: programme.cnCode,
      after: view,
    });
    return view;
  });
}

async function loadMeasure(db: DbOrTx, id: number) {
  const measure = await selectMeasure(db, id);
  if (!measure) throw notFound('measure', id);
  return { measure, programme: await loadProgramme(db, measure.programmeId) };
}

export async function updateMeasure({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: MeasureUpdateInput;
}): Promise<MeasureView> {
  const first = await loadMeasure(db, id);
  assertCanWrite(actor, first.programme.cnCode);
  return db.transaction(async (tx) => {
    const { measure, programme } = await loadMeasure(tx, id);
    if (measure.version !== input.version) throw staleVersion('measure', measure);
    const links = (await selectMeasureLinks(tx, [id])).get(id) ?? { activityIds: [], projectIds: [] };
    const before = presentMeasure(measure, links);
    const status = (input.status ?? measure.status) as MeasureStatus;
    // A new status without a progress takes the progress it implies (done → 100).
    const progress =
      input.progress ??
      (input.status && progressProblem(status, measure.progress) ? defaultProgress(status) : measure.progress);
    checkProgress(status, progress);
    const textZh = input.textZh === undefined ? measure.textZh : input.textZh;
    const textEn = input.textEn === undefined ? measure.textEn : input.textEn;
    if (!textZh && !textEn) {
      throw validationFailed([
        issue('textZh', 'required', null, 'a measure needs textZh or textEn', 'keep at least one text'),
      ]);
    }
    if (input.areaId !== undefined) await checkArea(tx, programme.id, input.areaId);
    const activityIds = input.activityIds ? [...new Set(input.activityIds)] : links.activityIds;
    const projectIds = input.projectIds ? [...new Set(input.projectIds)] : links.projectIds;
    await checkLinks(tx, actor, input.activityIds ? activityIds : [], input.projectIds ? projectIds : []);
    const updated = await updateMeasureIfVersion(tx, id, input.version, {
      areaId: input.areaId ?? measure.areaId,
      textZh,
      textEn,
      owner: input.owner === undefined ? measure.owner : input.owner,
      status,
      progress,
      notes: input.notes === undefined ? measure.notes : input.notes,
    });
    if (!updated) throw staleVersion('measure', measure);
    if (input.activityIds) await replaceMeasureActivities(tx, id, activityIds);
    if (input.projectIds) await replaceMeasureProjects(tx, id, projectIds);
    const after = presentMeasure(updated, { activityIds, projectIds });
    await writeAudit(tx, actor, {
      entity: 'programme_measure',
      entityId: id,
      action: 'update',
      cnCode: programme.cnCode,
      before,
      after,
    });
    return after;
  });
}

export async function deleteMeasure({ db, actor, id, version }: { db: Db; actor: Actor; id: number; version: number }) {
  const first = await loadMeasure(db, id);
  assertCanWrite(actor, first.programme.cnCode);
  await db.transaction(async (tx) => {
    const { measure, programme } = await loadMeasure(tx, id);
    if (measure.version !== version || !(await deleteMeasureIfVersion(tx, id, version)))
      throw staleVersion('measure', measure);
    await writeAudit(tx, actor, {
      entity: 'programme_measure',
      entityId: id,
      action: 'delete',
      cnCode: programme.cnCode,
      before: measure,
    });
  });
}
