/**
 * Programmes (e.g. the Thirty-six Policies, 三十六策): areas, measures with owners, status and
 * progress, and the activities and projects that carry each measure out. Areas and measures belong
 * to their programme's office (cnCode) for authorisation; their changes are in area.service.ts and
 * measure.service.ts. Every change is written to the audit trail.
 */

import { parsePartialDate } from '../../shared/dates.js';
import { AppError, type FieldIssue, notFound, validationFailed } from '../../shared/errors.js';
import type { ListEnvelope } from '../../shared/list.js';
import type {
  AreaInput,
  ProgrammeCreateInput,
  ProgrammeListQuery,
  ProgrammeUpdateInput,
} from '../../shared/schemas/programme.js';
import type { ProgrammeDetailView, ProgrammeEvidenceView, ProgrammeView } from '../../shared/schemas/programme-view.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type Actor, assertCanRead, assertCanWrite, effectiveScope } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { readAll } from '../db/sql.js';
import { staleVersion } from '../db/versioned.js';
import { getReferenceCache } from '../places/reference-cache.js';
import { getDivision } from '../places/scope.js';
import { evidenceOf, presentArea, presentMeasure, presentProgramme } from './programme.presenter.js';
import {
  deleteProgrammeIfVersion,
  insertAreas,
  insertProgramme,
  type ProgrammeRow,
  programmeSubtree,
  selectAreasOf,
  selectMeasureLinks,
  selectMeasuresOf,
  selectProgramme,
  selectProgrammeByCode,
  selectProgrammePage,
  updateProgrammeIfVersion,
} from './programme.repo.js';

export function issue(path: string, rule: string, value: unknown, message: string, fix: string): FieldIssue {
  return { path, rule, value, message, fix };
}

export async function loadProgramme(db: DbOrTx, id: number): Promise<ProgrammeRow> {
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

export function duplicateCode(what: string, code: string): AppError {
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
}): Promise<ProgrammeDetailView> {
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

export function areaRow(programmeId: number, a: AreaInput, index: number) {
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
}): Promise<ProgrammeDetailView> {
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

export async function getProgrammeEvidence({
  db,
  actor,
  id,
}: {
  db: DbOrTx;
  actor: Actor;
  id: number;
}): Promise<ProgrammeEvidenceView> {
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
}): Promise<ProgrammeDetailView> {
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
