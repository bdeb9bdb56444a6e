/** Activities: the dated events in a partnership's life. */
import { today } from '../../shared/dates.js';
import { AppError, type FieldIssue, notFound, validationFailed } from '../../shared/errors.js';
import type { ListEnvelope } from '../../shared/list.js';
import type { ActivityCreateInput, ActivityListQuery, ActivityUpdateInput } from '../../shared/schemas/activity.js';
import type { Db, DbOrTx } from '../db/client.js';
import { selectPartnershipRow, subtreeCondition } from '../partnerships/partnership.repo.js';
import { getDivision } from '../partnerships/partnership.service.js';
import {
  type ActivityRow,
  deleteActivityIfVersion,
  insertActivity,
  selectActivity,
  selectActivityPage,
  updateActivityIfVersion,
} from './activity.repo.js';

export function presentActivity(row: ActivityRow) {
  return {
    id: row.id,
    partnershipId: row.partnershipId,
    type: row.type,
    occurredOn: row.occurredOn,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    description: row.description,
    sourceUrl: row.sourceUrl,
    isDemo: row.isDemo,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type ActivityView = ReturnType<typeof presentActivity>;

/** An activity belongs to an existing partnership and has happened (letters of intent may predate the signing). */
async function checkActivity(db: DbOrTx, partnershipId: number, occurredOn: string): Promise<void> {
  const partnership = await selectPartnershipRow(db, partnershipId);
  if (!partnership) {
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
  const issues: FieldIssue[] = [];
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
}

export async function createActivity({
  db,
  input,
  isDemo = false,
}: {
  db: Db;
  input: ActivityCreateInput;
  isDemo?: boolean;
}) {
  return db.transaction(async (tx) => {
    await checkActivity(tx, input.partnershipId, input.occurredOn);
    const row = await insertActivity(tx, {
      partnershipId: input.partnershipId,
      type: input.type,
      occurredOn: input.occurredOn,
      titleZh: input.titleZh ?? null,
      titleEn: input.titleEn ?? null,
      description: input.description ?? null,
      sourceUrl: input.sourceUrl ?? null,
      isDemo,
    });
    return presentActivity(row);
  });
}

export async function getActivity({ db, id }: { db: DbOrTx; id: number }): Promise<ActivityView> {
  const row = await selectActivity(db, id);
  if (!row) throw notFound('activity', id);
  return presentActivity(row);
}

export async function updateActivity({ db, id, input }: { db: Db; id: number; input: ActivityUpdateInput }) {
  return db.transaction(async (tx) => {
    const current = await selectActivity(tx, id);
    if (!current) throw notFound('activity', id);
    if (current.version !== input.version) throw stale(current);
    const occurredOn = input.occurredOn ?? current.occurredOn;
    await checkActivity(tx, current.partnershipId, occurredOn);
    const titleZh = input.titleZh === undefined ? current.titleZh : input.titleZh;
    const titleEn = input.titleEn === undefined ? current.titleEn : input.titleEn;
    if (!titleZh && !titleEn) {
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
      titleZh,
      titleEn,
      description: input.description === undefined ? current.description : input.description,
      sourceUrl: input.sourceUrl === undefined ? current.sourceUrl : input.sourceUrl,
    });
    if (!updated) throw stale(current);
    return presentActivity(updated);
  });
}

export async function deleteActivity({ db, id, version }: { db: Db; id: number; version: number }) {
  const current = await selectActivity(db, id);
  if (!current) throw notFound('activity', id);
  if (current.version !== version || !(await deleteActivityIfVersion(db, id, version))) throw stale(current);
}

function stale(current: ActivityRow): AppError {
  return new AppError('conflict', `activity #${current.id} was changed by someone else`, {
    currentVersion: current.version,
  });
}

export async function listActivities({
  db,
  query,
}: {
  db: DbOrTx;
  query: ActivityListQuery;
}): Promise<ListEnvelope<ActivityView>> {
  const subtree = query.cn ? subtreeCondition(getDivision(query.cn, 'cn')) : undefined;
  const { rows, total } = await selectActivityPage(
    db,
    { partnershipId: query.partnership, subtree, types: query.type, from: query.from, to: query.to },
    { limit: query.perPage, offset: (query.page - 1) * query.perPage },
  );
  return { data: rows.map(presentActivity), total, page: query.page, perPage: query.perPage };
}
