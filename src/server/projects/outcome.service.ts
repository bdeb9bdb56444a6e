/**
 * The outcomes of a project: measured values with a unit, an as-of date and their evidence. Access
 * follows the project: reading needs its office in the actor's scope, writing the editor role there.
 * Every change is written to the audit trail.
 */
import { parsePartialDate, today } from '../../shared/dates.js';
import { type FieldIssue, notFound, validationFailed } from '../../shared/errors.js';
import {
  type OutcomeCreateInput,
  type OutcomeUnit,
  type OutcomeUpdateInput,
  outcomeValueProblem,
} from '../../shared/schemas/project.js';
import type { OutcomeView } from '../../shared/schemas/project-view.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type Actor, assertCanWrite } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { staleVersion } from '../db/versioned.js';
import { presentOutcome } from './project.presenter.js';
import {
  deleteOutcomeIfVersion,
  insertOutcome,
  type OutcomeRow,
  type ProjectRow,
  selectOutcome,
  updateOutcomeIfVersion,
} from './project.repo.js';
import { issue, loadProject } from './project.service.js';

export async function createOutcome({
  db,
  actor,
  projectId,
  input,
  isDemo = false,
}: {
  db: Db;
  actor: Actor;
  projectId: number;
  input: OutcomeCreateInput;
  isDemo?: boolean;
}): Promise<OutcomeView> {
  const project = await loadProject(db, projectId);
  assertCanWrite(actor, project.cnCode);
  const asOf = parsePartialDate(input.asOf);
  if (!asOf)
    throw validationFailed([issue('asOf', 'invalid_date', input.asOf, 'not a date', 'YYYY, YYYY-MM or YYYY-MM-DD')]);
  checkNotFuture(asOf.date, input.asOf);
  return db.transaction(async (tx) => {
    const row = await insertOutcome(tx, {
      projectId,
      metricZh: input.metricZh ?? null,
      metricEn: input.metricEn ?? null,
      value: input.value,
      unit: input.unit,
      asOf: asOf.date,
      asOfPrecision: asOf.precision,
      evidence: input.evidence ?? null,
      evidenceUrl: input.evidenceUrl ?? null,
      isDemo,
    });
    await writeAudit(tx, actor, {
      entity: 'project_outcome',
      entityId: row.id,
      action: 'create',
      cnCode: project.cnCode,
      after: row,
    });
    return presentOutcome(row);
  });
}

function checkNotFuture(day: string, given: string) {
  if (day > today()) {
    throw validationFailed([
      issue(
        'asOf',
        'future_date',
        given,
        'an outcome is measured, so its date cannot be in the future',
        'record it once it is measured',
      ),
    ]);
  }
}

async function loadOutcome(db: DbOrTx, id: number): Promise<{ outcome: OutcomeRow; project: ProjectRow }> {
  const outcome = await selectOutcome(db, id);
  if (!outcome) throw notFound('outcome', id);
  return { outcome, project: await loadProject(db, outcome.projectId) };
}

export async function updateOutcome({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: OutcomeUpdateInput;
}): Promise<OutcomeView> {
  const first = await loadOutcome(db, id);
  assertCanWrite(actor, first.project.cnCode);
  return db.transaction(async (tx) => {
    const { outcome: current, project } = await loadOutcome(tx, id);
    if (current.version !== input.version) throw staleVersion('outcome', current);
    const metricZh = input.metricZh === undefined ? current.metricZh : input.metricZh;
    const metricEn = input.metricEn === undefined ? current.metricEn : input.metricEn;
    const value = input.value ?? current.value;
    const unit = (input.unit ?? current.unit) as OutcomeUnit;
    const issues: FieldIssue[] = [];
    if (!metricZh && !metricEn)
      issues.push(issue('metricZh', 'required', null, 'an outcome needs metricZh or metricEn', 'keep at least one'));
    const problem = outcomeValueProblem(value, unit);
    if (problem) issues.push(issue('value', 'value_unit', value, problem, 'check the value against its unit'));
    if (issues.length) throw validationFailed(issues);
    const asOf = input.asOf ? parsePartialDate(input.asOf) : undefined;
    if (asOf && input.asOf) checkNotFuture(asOf.date, input.asOf);
    const updated = await updateOutcomeIfVersion(tx, id, input.version, {
      metricZh,
      metricEn,
      value,
      unit,
      ...(asOf ? { asOf: asOf.date, asOfPrecision: asOf.precision } : {}),
      evidence: input.evidence === undefined ? current.evidence : input.evidence,
      evidenceUrl: input.evidenceUrl === undefined ? current.evidenceUrl : input.evidenceUrl,
    });
    if (!updated) throw staleVersion('outcome', current);
    await writeAudit(tx, actor, {
      entity: 'project_outcome',
      entityId: id,
      action: 'update',
      cnCode: project.cnCode,
      before: current,
      after: updated,
    });
    return presentOutcome(updated);
  });
}

export async function deleteOutcome({ db, actor, id, version }: { db: Db; actor: Actor; id: number; version: number }) {
  const first = await loadOutcome(db, id);
  assertCanWrite(actor, first.project.cnCode);
  await db.transaction(async (tx) => {
    const { outcome, project } = await loadOutcome(tx, id);
    if (outcome.version !== version || !(await deleteOutcomeIfVersion(tx, id, version)))
      throw staleVersion('outcome', outcome);
    await writeAudit(tx, actor, {
      entity: 'project_outcome',
      entityId: id,
      action: 'delete',
      cnCode: project.cnCode,
      before: outcome,
    });
  });
}
