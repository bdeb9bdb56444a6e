/**
 * Projects (cooperation born of partnerships); their outcomes are in outcome.service.ts.
 * A project belongs to the office that runs it (cnCode): reading needs that division in the actor's
 * scope, writing the editor role there too. Every change is written to the audit trail.
 */

import { parsePartialDate } from '../../shared/dates.js';
import { type FieldIssue, notFound, validationFailed } from '../../shared/errors.js';
import type { ListEnvelope } from '../../shared/list.js';
import type { ProjectCreateInput, ProjectListQuery, ProjectUpdateInput } from '../../shared/schemas/project.js';
import type { ProjectDetailView, ProjectView } from '../../shared/schemas/project-view.js';
import { buildSearchText, normalizeQuery } from '../../shared/text.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type Actor, assertCanRead, assertCanWrite, effectiveScope } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { readAll } from '../db/sql.js';
import { staleVersion } from '../db/versioned.js';
import { getReferenceCache } from '../places/reference-cache.js';
import { getDivision } from '../places/scope.js';
import { presentOutcome, presentProject } from './project.presenter.js';
import {
  deleteProjectIfVersion,
  insertProject,
  type ProjectRow,
  projectSubtree,
  replaceProjectCountries,
  replaceProjectMeasures,
  replaceProjectPartnerships,
  selectMeasuresByIds,
  selectOutcomesOf,
  selectPartnershipsByIds,
  selectProject,
  selectProjectLinks,
  selectProjectPage,
  updateProjectIfVersion,
} from './project.repo.js';

export function issue(path: string, rule: string, value: unknown, message: string, fix: string): FieldIssue {
  return { path, rule, value, message, fix };
}

type Resolved = {
  partnershipIds: number[];
  countries: string[];
  measureIds: number[];
};

/**
 * Checks what a project links to — partnerships and measures exist and lie in the actor's scope,
 * countries are known, the dates are in order — and fills the countries from the partnerships
 * when none are given.
 */
async function resolveLinks(
  tx: DbOrTx,
  actor: Actor,
  input: {
    partnershipIds: number[];
    countries: string[];
    measureIds: number[];
    startOn?: string | null;
    endOn?: string | null;
  },
): Promise<Resolved> {
  const issues: FieldIssue[] = [];
  const partnershipIds = [...new Set(input.partnershipIds)];
  const found = await selectPartnershipsByIds(tx, partnershipIds);
  for (const id of partnershipIds) {
    const p = found.find((f) => f.id === id);
    if (!p)
      issues.push(
        issue(
          'partnershipIds',
          'unknown_partnership',
          id,
          `partnership #${id} does not exist`,
          'choose an existing partnership',
        ),
      );
    else assertCanRead(actor, p.cnCode);
  }
  const measureIds = [...new Set(input.measureIds)];
  const measures = await selectMeasuresByIds(tx, measureIds);
  for (const id of measureIds) {
    const m = measures.find((f) => f.id === id);
    if (!m)
      issues.push(
        issue(
          'measureIds',
          'unknown_measure',
          id,
          `programme measure #${id} does not exist`,
          'choose an existing measure',
        ),
      );
    else assertCanRead(actor, m.cnCode);
  }
  const cache = getReferenceCache();
  let countries = [...new Set(input.countries.map((c) => c.toUpperCase()))];
  for (const code of countries) {
    if (!cache.countries.has(code)) {
      issues.push(
        issue(
          'countries',
          'unknown_country',
          code,
          `${code} is not a country known to Amity`,
          'use an ISO 3166 alpha-2 code such as BB',
        ),
      );
    }
  }
  if (countries.length === 0) countries = [...new Set(found.map((p) => p.countryIso2))].sort();
  const start = input.startOn ? parsePartialDate(input.startOn) : undefined;
  const end = input.endOn ? parsePartialDate(input.endOn) : undefined;
  if (start && end && end.date < start.date) {
    issues.push(
      issue('endOn', 'end_before_start', input.endOn, 'the project ends before it starts', 'check the two dates'),
    );
  }
  if (issues.length) throw validationFailed(issues);
  return { partnershipIds, countries, measureIds };
}

function searchOf(input: { nameZh?: string | null; nameEn?: string | null; description?: string | null }) {
  return buildSearchText([input.nameZh, input.nameEn, input.description?.slice(0, 500)]);
}

function divisionColumns(cnCode: string) {
  const division = getDivision(cnCode);
  return { cnCode: division.code, provinceCode: division.provinceCode, prefectureCode: division.prefectureCode };
}

export async function loadProject(db: DbOrTx, id: number): Promise<ProjectRow> {
  const row = await selectProject(db, id);
  if (!row) throw notFound('project', id);
  return row;
}

async function viewOf(db: DbOrTx, row: ProjectRow): Promise<ProjectView> {
  const links = await selectProjectLinks(db, [row.id]);
  return presentProject(row, links.get(row.id) ?? { partnershipIds: [], countries: [], measureIds: [] });
}

export async function createProject({
  db,
  actor,
  input,
  isDemo = false,
}: {
  db: Db;
  actor: Actor;
  input: ProjectCreateInput;
  isDemo?: boolean;
}): Promise<ProjectView> {
  const division = getDivision(input.cnCode);
  assertCanWrite(actor, division.code);
  return db.transaction(async (tx) => {
    const links = await resolveLinks(tx, actor, input);
    const start = input.startOn ? parsePartialDate(input.startOn) : undefined;
    const end = input.endOn ? parsePartialDate(input.endOn) : undefined;
    const row = await insertProject(tx, {
      ...divisionColumns(division.code),
      nameZh: input.nameZh ?? null,
      nameEn: input.nameEn ?? null,
      field: input.field,
      description: input.description ?? null,
      startOn: start?.date ?? null,
      startPrecision: start?.precision ?? null,
      endOn: end?.date ?? null,
      endPrecision: end?.precision ?? null,
      status: input.status,
      sdgs: [...input.sdgs].sort((a, b) => a - b),
      sources: input.sources,
      isDemo,
      search: searchOf(input),
    });
    await replaceProjectPartnerships(tx, row.id, links.partnershipIds);
    await replaceProjectCountries(tx, row.id, links.countries);
    await replaceProjectMeasures(tx, row.id, links.measureIds);
    const view = await viewOf(tx, row);
    await writeAudit(tx, actor, {
      entity: 'project',
      entityId: row.id,
      action: 'create',
      cnCode: row.cnCode,
      after: view,
    });
    return view;
  });
}

export async function getProject({
  db,
  actor,
  id,
}: {
  db: DbOrTx;
  actor: Actor;
  id: number;
}): Promise<ProjectDetailView> {
  const row = await loadProject(db, id);
  assertCanRead(actor, row.cnCode);
  const view = await viewOf(db, row);
  const [partnerships, measures, outcomes] = await readAll(db, [
    () => selectPartnershipsByIds(db, view.partnershipIds),
    () => selectMeasuresByIds(db, view.measureIds),
    () => selectOutcomesOf(db, [id]),
  ]);
  const division = getDivision(row.cnCode);
  return {
    ...view,
    cn: { code: division.code, nameZh: division.nameZh, nameEn: division.nameEn },
    partnerships: partnerships
      .map(({ id, cnCode, partnerNameZh, partnerNameEn }) => ({ id, cnCode, partnerNameZh, partnerNameEn }))
      .sort((a, b) => a.id - b.id),
    measures,
    outcomes: outcomes.map(presentOutcome),
  };
}

export async function updateProject({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: ProjectUpdateInput;
}): Promise<ProjectView> {
  const first = await loadProject(db, id);
  assertCanWrite(actor, first.cnCode);
  if (input.cnCode) assertCanWrite(actor, getDivision(input.cnCode).code);
  return db.transaction(async (tx) => {
    const current = await loadProject(tx, id);
    if (current.version !== input.version) throw staleVersion('project', current);
    const before = await viewOf(tx, current);
    const pick = <T>(next: T | undefined, now: T) => (next === undefined ? now : next);
    const nameZh = pick(input.nameZh, before.nameZh);
    const nameEn = pick(input.nameEn, before.nameEn);
    if (!nameZh && !nameEn) {
      throw validationFailed([
        issue('nameZh', 'required', null, 'a project needs nameZh or nameEn', 'keep at least one name'),
      ]);
    }
    const startOn = pick(input.startOn, before.startOn);
    const endOn = pick(input.endOn, before.endOn);
    const partnershipIds = input.partnershipIds ?? before.partnershipIds;
    // Countries follow the partnerships unless given: a change of partnerships with no countries
    // re-derives them.
    const countries = input.countries ?? (input.partnershipIds ? [] : before.countries);
    const links = await resolveLinks(tx, actor, {
      partnershipIds,
      countries,
      measureIds: input.measureIds ?? before.measureIds,
      startOn,
      endOn,
    });
    const start = startOn ? parsePartialDate(startOn) : undefined;
    const end = endOn ? parsePartialDate(endOn) : undefined;
    const description = pick(input.description, before.description);
    const updated = await updateProjectIfVersion(tx, id, input.version, {
      ...(input.cnCode ? divisionColumns(input.cnCode) : {}),
      nameZh,
      nameEn,
      field: input.field ?? current.field,
      description,
      startOn: start?.date ?? null,
      startPrecision: start?.precision ?? null,
      endOn: end?.date ?? null,
      endPrecision: end?.precision ?? null,
      status: input.status ?? current.status,
      sdgs: input.sdgs ? [...input.sdgs].sort((a, b) => a - b) : current.sdgs,
      sources: input.sources ?? current.sources,
      search: searchOf({ nameZh, nameEn, description }),
    });
    if (!updated) throw staleVersion('project', current);
    await replaceProjectPartnerships(tx, id, links.partnershipIds);
    await replaceProjectCountries(tx, id, links.countries);
    await replaceProjectMeasures(tx, id, links.measureIds);
    const after = await viewOf(tx, updated);
    await writeAudit(tx, actor, {
      entity: 'project',
      entityId: id,
      action: 'update',
      cnCode: updated.cnCode,
      before,
      after,
    });
    return after;
  });
}

export async function deleteProject({ db, actor, id, version }: { db: Db; actor: Actor; id: number; version: number }) {
  const first = await loadProject(db, id);
  assertCanWrite(actor, first.cnCode);
  await db.transaction(async (tx) => {
    const current = await loadProject(tx, id);
    const before = await viewOf(tx, current);
    if (current.version !== version || !(await deleteProjectIfVersion(tx, id, version)))
      throw staleVersion('project', current);
    await writeAudit(tx, actor, { entity: 'project', entityId: id, action: 'delete', cnCode: current.cnCode, before });
  });
}

export async function listProjects({
  db,
  actor,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  query: ProjectListQuery;
}): Promise<ListEnvelope<ProjectView>> {
  const scope = effectiveScope(actor, query.cn);
  const subtree = getReferenceCache().divisions.has(scope) ? projectSubtree(getDivision(scope, 'cn')) : undefined;
  const { rows, total } = await selectProjectPage(
    db,
    {
      subtree,
      fields: query.field,
      statuses: query.status,
      sdg: query.sdg,
      countries: query.country,
      partnershipId: query.partnership,
      measureId: query.measure,
      q: query.q ? normalizeQuery(query.q) : undefined,
    },
    { limit: query.perPage, offset: (query.page - 1) * query.perPage },
  );
  const links = await selectProjectLinks(
    db,
    rows.map((r) => r.id),
  );
  return {
    data: rows.map((r) => presentProject(r, links.get(r.id) ?? { partnershipIds: [], countries: [], measureIds: [] })),
    total,
    page: query.page,
    perPage: query.perPage,
  };
}
