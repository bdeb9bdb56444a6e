/**
 * Activities: the dated events in a partnership's life — delegations, visits, agreements, events,
 * meetings, letters. The primary partnership decides whose record it is (scope and rules); an
 * activity may also belong to further partnerships. Each activity is returned with the flags of
 * the office rules it breaks (computed on read, see rules/rules.ts).
 */

import { today } from '../../shared/dates.js';
import { type ActivityType, type CostSharing, type Field, NATIONAL_CODE } from '../../shared/enums.js';
import { type FieldIssue, notFound, validationFailed } from '../../shared/errors.js';
import type { ListEnvelope } from '../../shared/list.js';
import type {
  ActivityCreateInput,
  ActivityListQuery,
  ActivityRuleCheckInput,
  ActivityUpdateInput,
} from '../../shared/schemas/activity.js';
import type { ActivityView, FlagView, PartnershipRefView, RuleCheckView } from '../../shared/schemas/activity-view.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type Actor, assertCanRead, assertCanWrite, effectiveScope } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { staleVersion } from '../db/versioned.js';
import { subtreeCondition } from '../partnerships/partnership.repo.js';
import { getReferenceCache } from '../places/reference-cache.js';
import { getDivision } from '../places/scope.js';
import { evaluateRules } from '../rules/rules.js';
import { rulesOfPartnerships } from '../rules/rules.service.js';
import {
  type ActivityRow,
  deleteActivityIfVersion,
  insertActivity,
  type NewActivity,
  type PartnershipSummaryRow,
  replaceActivityLinks,
  selectActivity,
  selectActivityLinks,
  selectActivityPage,
  selectPartnershipSummaries,
  updateActivityIfVersion,
} from './activity.repo.js';

function refOf(p: PartnershipSummaryRow): PartnershipRefView {
  const division = getReferenceCache().divisions.get(p.cnCode);
  return {
    id: p.id,
    cnCode: p.cnCode,
    cnNameZh: division?.nameZh ?? p.cnCode,
    cnNameEn: division?.nameEn ?? p.cnCode,
    countryIso2: p.countryIso2,
    partnerNameZh: p.partnerNameZh,
    partnerNameEn: p.partnerNameEn,
  };
}

export function presentActivity(row: ActivityRow, partnerships: PartnershipRefView[], flags: FlagView[]): ActivityView {
  return {
    id: row.id,
    partnershipId: row.partnershipId,
    /** Every partnership of the activity, the primary one first. */
    partnershipIds: partnerships.map((p) => p.id),
    partnerships,
    // The columns hold only what the services write from ACTIVITY_TYPES, COST_SHARING and FIELDS.
    type: row.type as ActivityType,
    occurredOn: row.occurredOn,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    description: row.description,
    sourceUrl: row.sourceUrl,
    sources: row.sources,
    leader: row.leader,
    participants: row.participants,
    days: row.days,
    purpose: row.purpose,
    approvalRef: row.approvalRef,
    costSharing: row.costSharing as CostSharing | null,
    fields: row.fields as Field[],
    anniversary: row.anniversary,
    flags,
    isDemo: row.isDemo,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Presents rows with their partnerships and flags: three queries for a whole page. */
async function presentRows(db: DbOrTx, rows: ActivityRow[]): Promise<ActivityView[]> {
  const links = await selectActivityLinks(
    db,
    rows.map((r) => r.id),
  );
  const ids = [...new Set(rows.flatMap((r) => [r.partnershipId, ...(links.get(r.id) ?? [])]))];
  const summaries = new Map((await selectPartnershipSummaries(db, ids)).map((p) => [p.id, p]));
  const primaries = rows.map((r) => summaries.get(r.partnershipId)).filter((p) => p !== undefined);
  const rules = await rulesOfPartnerships(db, primaries);
  return rows.map((row) => {
    const linked = [row.partnershipId, ...(links.get(row.id) ?? []).filter((id) => id !== row.partnershipId)];
    const refs = linked.map((id) => summaries.get(id)).filter((p) => p !== undefined);
    const primary = summaries.get(row.partnershipId);
    const applied = rules.get(row.partnershipId);
    const flags =
      primary && applied
        ? evaluateRules({ ...row, establishedOn: primary.establishedOn }, applied.rules, applied.scopeCode)
        : [];
    return presentActivity(row, refs.map(refOf), flags);
  });
}

async function presentOne(db: DbOrTx, row: ActivityRow): Promise<ActivityView> {
  const [view] = await presentRows(db, [row]);
  if (!view) throw new Error('presenting an activity gave nothing');
  return view;
}

/**
 * The primary partnership must exist and be writable by the actor; further partnerships must exist
 * and be readable by the actor; the activity has happened (letters of intent may predate the signing).
 */
async function checkActivity(
  db: DbOrTx,
  actor: Actor,
  partnershipId: number,
  others: readonly number[],
  occurredOn: string,
): Promise<number[]> {
  const all = [...new Set([partnershipId, ...others])];
  const found = new Map((await selectPartnershipSummaries(db, all)).map((p) => [p.id, p]));
  const primary = found.get(partnershipId);
  if (!primary) {
    throw validationFailed([
      {
        path: 'partnershipId',
        rule: 'unknown_partnership',
        value: partnershipId,
        message: `partnership #${partnershipId} does not exist`,
        fix: 'choose an existing partnership',
      },
    ]);
  }
  assertCanWrite(actor, primary.cnCode);
  const issues: FieldIssue[] = [];
  others.forEach((id, i) => {
    const p = found.get(id);
    if (!p) {
      issues.push({
        path: `partnershipIds.${i}`,
        rule: 'unknown_partnership',
        value: id,
        message: `partnership #${id} does not exist`,
        fix: 'choose existing partnerships',
      });
    } else assertCanRead(actor, p.cnCode);
  });
  if (occurredOn > today()) {
    issues.push({
      path: 'occurredOn',
      rule: 'future_date',
      value: occurredOn,
      message: 'the activity date is in the future',
      fix: 'record activities once they have happened',
    });
  }
  if (issues.length) throw validationFailed(issues);
  return all;
}

type Details = Omit<ActivityUpdateInput, 'version' | 'type' | 'occurredOn' | 'partnershipIds'>;

/** The detail columns of an input, each taken from `current` when the input leaves it out. */
function detailColumns(input: Details, current?: ActivityRow) {
  const pick = <K extends keyof Details & keyof ActivityRow>(key: K, empty: ActivityRow[K]): ActivityRow[K] => {
    const value = input[key];
    if (value === undefined) return current ? current[key] : empty;
    return (value ?? empty) as ActivityRow[K];
  };
  return {
    titleZh: pick('titleZh', null) || null,
    titleEn: pick('titleEn', null) || null,
    description: pick('description', null) || null,
    sourceUrl: pick('sourceUrl', null) || null,
    leader: pick('leader', null) || null,
    participants: pick('participants', null),
    days: pick('days', null),
    purpose: pick('purpose', null) || null,
    approvalRef: pick('approvalRef', null) || null,
    costSharing: pick('costSharing', null),
    fields: [...new Set(pick('fields', []))],
    sources: pick('sources', []),
    anniversary: pick('anniversary', false),
  } satisfies Partial<NewActivity>;
}

export async function createActivity({
  db,
  actor,
  input,
  isDemo = false,
}: {
  db: Db;
  actor: Actor;
  input: ActivityCreateInput;
  isDemo?: boolean;
}): Promise<ActivityView> {
  return db.transaction(async (tx) => {
    const linked = await checkActivity(tx, actor, input.partnershipId, input.partnershipIds ?? [], input.occurredOn);
    const row = await insertActivity(tx, {
      partnershipId: input.partnershipId,
      type: input.type,
      occurredOn: input.occurredOn,
      ...detailColumns(input),
      isDemo,
    });
    await replaceActivityLinks(tx, row.id, linked);
    const view = await presentOne(tx, row);
    await writeAudit(tx, actor, {
      entity: 'activity',
      entityId: row.id,
      action: 'create',
      cnCode: cnOf(view),
      after: view,
    });
    return view;
  });
}

function cnOf(view: ActivityView): string | null {
  return view.partnerships[0]?.cnCode ?? null;
}

/** The activity's row after checking the actor may read its primary partnership's division. */
async function readable(db: DbOrTx, actor: Actor, id: number): Promise<ActivityRow> {
  const row = await selectActivity(db, id);
  if (!row) throw notFound('activity', id);
  const [primary] = await selectPartnershipSummaries(db, [row.partnershipId]);
  if (primary) assertCanRead(actor, primary.cnCode);
  return row;
}

/**
 * The rules in force for a partnership's activity and what a draft breaks, before it is saved: the
 * same checks as every read of a saved activity (evaluateRules), nothing written.
 */
export async function checkActivityRules({
  db,
  actor,
  input,
}: {
  db: DbOrTx;
  actor: Actor;
  input: ActivityRuleCheckInput;
}): Promise<RuleCheckView> {
  const [primary] = await selectPartnershipSummaries(db, [input.partnershipId]);
  if (!primary) throw notFound('partnership', input.partnershipId);
  assertCanRead(actor, primary.cnCode);
  const applied = (await rulesOfPartnerships(db, [primary])).get(primary.id);
  if (!applied) throw new Error('no rules resolved for a partnership');
  const subject = {
    type: input.type,
    occurredOn: input.occurredOn ?? today(),
    participants: input.participants ?? null,
    days: input.days ?? null,
    approvalRef: input.approvalRef ?? null,
    anniversary: input.anniversary ?? false,
    establishedOn: primary.establishedOn,
  };
  return { ...applied, flags: evaluateRules(subject, applied.rules, applied.scopeCode) };
}

export async function getActivity({ db, actor, id }: { db: DbOrTx; actor: Actor; id: number }): Promise<ActivityView> {
  return presentOne(db, await readable(db, actor, id));
}

export async function updateActivity({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: ActivityUpdateInput;
}): Promise<ActivityView> {
  return db.transaction(async (tx) => {
    const current = await readable(tx, actor, id);
    const before = await presentOne(tx, current);
    if (current.version !== input.version) throw staleVersion('activity', current);
    const occurredOn = input.occurredOn ?? current.occurredOn;
    const others = input.partnershipIds ?? before.partnershipIds.filter((p) => p !== current.partnershipId);
    const linked = await checkActivity(tx, actor, current.partnershipId, others, occurredOn);
    const columns = detailColumns(input, current);
    if (!columns.titleZh && !columns.titleEn) {
      throw validationFailed([
        {
          path: 'titleZh',
          rule: 'required',
          message: 'an activity needs titleZh or titleEn',
          fix: 'keep at least one title',
        },
      ]);
    }
    const updated = await updateActivityIfVersion(tx, id, input.version, {
      type: input.type ?? current.type,
      occurredOn,
      ...columns,
    });
    if (!updated) throw staleVersion('activity', current);
    await replaceActivityLinks(tx, id, linked);
    const view = await presentOne(tx, updated);
    await writeAudit(tx, actor, {
      entity: 'activity',
      entityId: id,
      action: 'update',
      cnCode: cnOf(view),
      before,
      after: view,
    });
    return view;
  });
}

export async function deleteActivity({
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
  await db.transaction(async (tx) => {
    const current = await readable(tx, actor, id);
    const before = await presentOne(tx, current);
    assertCanWrite(actor, cnOf(before) ?? NATIONAL_CODE);
    if (current.version !== version || !(await deleteActivityIfVersion(tx, id, version)))
      throw staleVersion('activity', current);
    await writeAudit(tx, actor, { entity: 'activity', entityId: id, action: 'delete', cnCode: cnOf(before), before });
  });
}

export async function listActivities({
  db,
  actor,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  query: ActivityListQuery;
}): Promise<ListEnvelope<ActivityView>> {
  const scope = effectiveScope(actor, query.cn);
  const subtree = scope === NATIONAL_CODE ? undefined : subtreeCondition(getDivision(scope, 'cn'));
  const { rows, total } = await selectActivityPage(
    db,
    {
      partnershipId: query.partnership,
      subtree,
      types: query.type,
      fields: query.field,
      from: query.from,
      to: query.to,
      flagged: query.flagged === undefined ? undefined : query.flagged === 'true',
      rules: query.rule,
    },
    { limit: query.perPage, offset: (query.page - 1) * query.perPage },
  );
  return { data: await presentRows(db, rows), total, page: query.page, perPage: query.perPage };
}
