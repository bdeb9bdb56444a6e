/**
 * Programmes (e.g. the Thirty-six Policies, 三十六策): areas, measures with owners, status and
 * progress, and the activities and projects that carry each measure out. Areas and measures belong
 * to their programme's office (cnCode) for authorisation. Every change is written to the audit trail.
 */

import { parsePartialDate } from '../../shared/dates.js';
import { AppError, type FieldIssue, notFound, validationFailed } from '../../shared/errors.js';
import type { ListEnvelope } from '../../shared/list.js';
import {
  type AreaInput,
  type AreaUpdateInput,
  defaultProgress,
  type MeasureCreateInput,
  type MeasureStatus,
  type MeasureUpdateInput,
  type ProgrammeCreateInput,
  type ProgrammeListQuery,
  type ProgrammeUpdateInput,
  progressProblem,
} from '../../shared/schemas/programme.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type Actor, assertCanRead, assertCanWrite, effectiveScope } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { readAll } from '../db/sql.js';
import { staleVersion } from '../db/versioned.js';
import { getReferenceCache } from '../places/reference-cache.js';
import { getDivision } from '../places/scope.js';
import {
  type AreaView,
  evidenceOf,
  type MeasureView,
  type ProgrammeDetail,
  type ProgrammeView,
  presentArea,
  presentMeasure,
  presentProgramme,
} from './programme.presenter.js';
import {
  deleteAreaIfVersion,
  deleteMeasureIfVersion,
  deleteProgrammeIfVersion,
  insertAreas,
  insertMeasure,
  insertProgramme,
  type ProgrammeRow,
  programmeSubtree,
  replaceMeasureActivities,
  replaceMeasureProjects,
  selectActivityScopes,
  selectArea,
  selectAreasOf,
  selectMeasure,
  selectMeasureByCode,
  selectMeasureLinks,
  selectMeasuresOf,
  selectProgramme,
  selectProgrammeByCode,
  selectProgrammePage,
  selectProjectScopes,
  updateAreaIfVersion,
  updateMeasureIfVersion,
  updateProgrammeIfVersion,
} from './programme.repo.js';

function issue(path: string, rule: string, value: unknown, message: string, fix: string): FieldIssue {
  return { path, rule, value, message, fix };
}

async function loadProgramme(db: DbOrTx, id: number): Promise<ProgrammeRow> {
  const row = await selectProgramme(db, id);
  if (!row) throw notFound('programme', id);
  return row;
}

function periodColumns(from: string | null | undefined, to: string | null | undefined) {
  const f = from ? parsePartialDate(from) : undefined;
  const t = to ? parsePartialDate(to) : undefined;
  if (f && t && t.date < f.date) {
    throw validationFailed([
      issue('periodTo', 'end_before_start', to, 'the period ends before it starts', 'check the two dates'),
    ]);
  }
  return {
    periodFrom: f?.date ?? null,
    periodFromPrecision: f?.precision ?? null,
    periodTo: t?.date ?? null,
    periodToPrecision: t?.precision ?? null,
  };
}

function duplicateCode(what: string, code: string): AppError {
  return new AppError('conflict', `a ${what} with the code ${code} already exists`, {
    issues: [issue('code', 'duplicate', code, `the code ${code} is taken`, 'choose another code')],
  });
}

export async function createProgramme({
  db,
  actor,
  input,
  isDemo = false,
}: {
  db: Db;
  actor: Actor;
  input: ProgrammeCreateInput;
  isDemo?: boolean;
}): Promise<ProgrammeDetail> {
  const division = getDivision(input.cnCode);
  assertCanWrite(actor, division.code);
  const codes = input.areas.map((a) => a.code);
  if (new Set(codes).size !== codes.length) {
    throw validationFailed([
      issue('areas', 'duplicate', codes, 'two areas share a code', 'give each area its own code'),
    ]);
  }
  const id = await db.transaction(async (tx) => {
    if (await selectProgrammeByCode(tx, input.code)) throw duplicateCode('programme', input.code);
    const row = await insertProgramme(tx, {
      code: input.code,
      nameZh: input.nameZh ?? null,
      nameEn: input.nameEn ?? null,
      cnCode: division.code,
      provinceCode: division.provinceCode,
      prefectureCode: division.prefectureCode,
      ...periodColumns(input.periodFrom, input.periodTo),
      description: input.description ?? null,
      sources: input.sources,
      isDemo,
    });
    const areas = await insertAreas(
      tx,
      input.areas.map((a, i) => areaRow(row.id, a, i)),
    );
    await writeAudit(tx, actor, [
      { entity: 'programme', entityId: row.id, action: 'create', cnCode: row.cnCode, after: row },
      ...areas.map((a) => ({
        entity: 'programme_area',
        entityId: a.id,
        action: 'create',
        cnCode: row.cnCode,
        after: a,
      })),
    ]);
    return row.id;
  });
  return getProgramme({ db, actor, id });
}

function areaRow(programmeId: number, a: AreaInput, index: number) {
  return {
    programmeId,
    code: a.code,
    nameZh: a.nameZh ?? null,
    nameEn: a.nameEn ?? null,
    position: a.position ?? index + 1,
  };
}

export async function getProgramme({
  db,
  actor,
  id,
}: {
  db: DbOrTx;
  actor: Actor;
  id: number;
}): Promise<ProgrammeDetail> {
  const row = await loadProgramme(db, id);
  assertCanRead(actor, row.cnCode);
  const [areas, measures] = await readAll(db, [() => selectAreasOf(db, id), () => selectMeasuresOf(db, id)]);
  const links = await selectMeasureLinks(
    db,
    measures.map((m) => m.id),
  );
  const division = getDivision(row.cnCode);
  return {
    ...presentProgramme(row),
    cn: { code: division.code, nameZh: division.nameZh, nameEn: division.nameEn },
    areas: areas.map((a) => ({
      ...presentArea(a),
      measures: measures
        .filter((m) => m.areaId === a.id)
        .map((m) => presentMeasure(m, links.get(m.id) ?? { activityIds: [], projectIds: [] })),
    })),
  };
}

export async function getProgrammeEvidence({ db, actor, id }: { db: DbOrTx; actor: Actor; id: number }) {
  const detail = await getProgramme({ db, actor, id });
  return evidenceOf(id, detail.areas);
}

export async function listProgrammes({
  db,
  actor,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  query: ProgrammeListQuery;
}): Promise<ListEnvelope<ProgrammeView>> {
  const scope = effectiveScope(actor, query.cn);
  const subtree = getReferenceCache().divisions.has(scope) ? programmeSubtree(getDivision(scope, 'cn')) : undefined;
  const { rows, total } = await selectProgrammePage(db, subtree, {
    limit: query.perPage,
    offset: (query.page - 1) * query.perPage,
  });
  return { data: rows.map(presentProgramme), total, page: query.page, perPage: query.perPage };
}

export async function updateProgramme({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: ProgrammeUpdateInput;
}): Promise<ProgrammeDetail> {
  const first = await loadProgramme(db, id);
  assertCanWrite(actor, first.cnCode);
  await db.transaction(async (tx) => {
    const current = await loadProgramme(tx, id);
    if (current.version !== input.version) throw staleVersion('programme', current);
    const view = presentProgramme(current);
    const nameZh = input.nameZh === undefined ? current.nameZh : input.nameZh;
    const nameEn = input.nameEn === undefined ? current.nameEn : input.nameEn;
    if (!nameZh && !nameEn) {
      throw validationFailed([
        issue('nameZh', 'required', null, 'a programme needs nameZh or nameEn', 'keep at least one name'),
      ]);
    }
    const updated = await updateProgrammeIfVersion(tx, id, input.version, {
      nameZh,
      nameEn,
      ...periodColumns(
        input.periodFrom === undefined ? view.periodFrom : input.periodFrom,
        input.periodTo === undefined ? view.periodTo : input.periodTo,
      ),
      description: input.description === undefined ? current.description : input.description,
      sources: input.sources ?? current.sources,
    });
    if (!updated) throw staleVersion('programme', current);
    await writeAudit(tx, actor, {
      entity: 'programme',
      entityId: id,
      action: 'update',
      cnCode: current.cnCode,
      before: current,
      after: updated,
    });
  });
  return getProgramme({ db, actor, id });
}

export async function deleteProgramme({
  db,
  actor,
  id,
  version,
}: {
  db: Db;
  actor: Actor;
  id: number;
  version: number;
}) {
  const first = await loadProgramme(db, id);
  assertCanWrite(actor, first.cnCode);
  await db.transaction(async (tx) => {
    const current = await loadProgramme(tx, id);
    if (current.version !== version || !(await deleteProgrammeIfVersion(tx, id, version)))
      throw staleVersion('programme', current);
    await writeAudit(tx, actor, {
      entity: 'programme',
      entityId: id,
      action: 'delete',
      cnCode: current.cnCode,
      before: current,
    });
  });
}

// --- areas ---

export async function createArea({
  db,
  actor,
  programmeId,
  input,
}: {
  db: Db;
  actor: Actor;
  programmeId: number;
  input: AreaInput;
}): Promise<AreaView> {
  const programme = await loadProgramme(db, programmeId);
  assertCanWrite(actor, programme.cnCode);
  return db.transaction(async (tx) => {
    const existing = await selectAreasOf(tx, programmeId);
    if (existing.some((a) => a.code === input.code)) throw duplicateCode('programme area', input.code);
    const [row] = await insertAreas(tx, [areaRow(programmeId, input, existing.length)]);
    if (!row) throw new Error('insert returned no row');
    await writeAudit(tx, actor, {
      entity: 'programme_area',
      entityId: row.id,
      action: 'create',
      cnCode: programme.cnCode,
      after: row,
    });
    return presentArea(row);
  });
}

async function loadArea(db: DbOrTx, id: number) {
  const area = await selectArea(db, id);
  if (!area) throw notFound('programme area', id);
  return { area, programme: await loadProgramme(db, area.programmeId) };
}

export async function updateArea({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: AreaUpdateInput;
}) {
  const first = await loadArea(db, id);
  assertCanWrite(actor, first.programme.cnCode);
  return db.transaction(async (tx) => {
    const { area, programme } = await loadArea(tx, id);
    if (area.version !== input.version) throw staleVersion('programme area', area);
    const nameZh = input.nameZh === undefined ? area.nameZh : input.nameZh;
    const nameEn = input.nameEn === undefined ? area.nameEn : input.nameEn;
    if (!nameZh && !nameEn) {
      throw validationFailed([
        issue('nameZh', 'required', null, 'an area needs nameZh or nameEn', 'keep at least one name'),
      ]);
    }
    const updated = await updateAreaIfVersion(tx, id, input.version, {
      nameZh,
      nameEn,
      position: input.position ?? area.position,
    });
    if (!updated) throw staleVersion('programme area', area);
    await writeAudit(tx, actor, {
      entity: 'programme_area',
      entityId: id,
      action: 'update',
      cnCode: programme.cnCode,
      before: area,
      after: updated,
    });
    return presentArea(updated);
  });
}

export async function deleteArea({ db, actor, id, version }: { db: Db; actor: Actor; id: number; version: number }) {
  const first = await loadArea(db, id);
  assertCanWrite(actor, first.programme.cnCode);
  await db.transaction(async (tx) => {
    const { area, programme } = await loadArea(tx, id);
    const measures = (await selectMeasuresOf(tx, programme.id)).filter((m) => m.areaId === id);
    if (measures.length) {
      throw new AppError('conflict', `the area ${area.code} still has ${measures.length} measures`, {
        fix: 'move or delete its measures first',
      });
    }
    if (area.version !== version || !(await deleteAreaIfVersion(tx, id, version)))
      throw staleVersion('programme area', area);
    await writeAudit(tx, actor, {
      entity: 'programme_area',
      entityId: id,
      action: 'delete',
      cnCode: programme.cnCode,
      before: area,
    });
  });
}

// --- measures ---

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
