/**
 * Partnerships: create, read, list, update and delete, with the rules every writer obeys
 * (the API, the importer and the demo loader alike).
 */

import type { SQL } from 'drizzle-orm';
import { parsePartialDate, today } from '../../shared/dates.js';
import { LEVEL_OF_DIVISION, NATIONAL_CODE } from '../../shared/enums.js';
import { AppError, type FieldIssue, notFound, validationFailed } from '../../shared/errors.js';
import type { Stage } from '../../shared/lifecycle.js';
import type { ListEnvelope } from '../../shared/list.js';
import type {
  PartnershipCreateInput,
  PartnershipFilter,
  PartnershipListQuery,
  PartnershipUpdateInput,
} from '../../shared/schemas/partnership.js';
import type { PartnershipView } from '../../shared/schemas/partnership-view.js';
import { buildSearchText, normalizeQuery, sortKeyOf } from '../../shared/text.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type Actor, assertCanRead, assertCanWrite, effectiveScope } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { staleVersion } from '../db/versioned.js';
import { recordCorrection, stageEditIssues } from '../lifecycle/lifecycle.service.js';
import type { ForeignPlaceRow } from '../places/place.repo.js';
import { getForeignPlace, resolveForeignPlace } from '../places/place.service.js';
import { type Division, getReferenceCache } from '../places/reference-cache.js';
import { getDivision } from '../places/scope.js';
import { presentPartnership } from './partnership.presenter.js';
import {
  deletePartnershipIfVersion,
  filterConditions,
  insertPartnership,
  type NewPartnership,
  type PartnershipRow,
  selectByNaturalKey,
  selectPartnership,
  selectPartnershipPage,
  selectPartnershipRow,
  updatePartnershipIfVersion,
} from './partnership.repo.js';

/** The columns that follow from the Chinese side and the partner: level, subtree codes, search. */
export function derivedColumns(division: Division, place: ForeignPlaceRow) {
  const cache = getReferenceCache();
  const country = cache.countries.get(place.countryIso2);
  const province = cache.divisions.get(division.provinceCode);
  return {
    level: LEVEL_OF_DIVISION[division.level],
    provinceCode: division.provinceCode,
    prefectureCode: division.prefectureCode,
    countryIso2: place.countryIso2,
    search: buildSearchText([
      division.nameZh,
      division.nameEn,
      province && province.code !== division.code ? province.nameZh : undefined,
      place.nameZh,
      place.nameEn,
      place.nameLocal,
      country?.nameZh,
      country?.nameEn,
    ]),
    sortKey: `${sortKeyOf(division.nameZh)} / ${sortKeyOf(place.nameZh || place.nameEn)}`,
  };
}

type DateFields = {
  status: string;
  establishedOn?: string | null;
  endedOn?: string | null;
  endedReason?: string | null;
};

/** Date and status rules: real dates, none in the future, an end only for ended pairs, after the start. */
export function checkDates(fields: DateFields, now = today()): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const established = fields.establishedOn ? parsePartialDate(fields.establishedOn) : undefined;
  if (established && established.date > now) {
    issues.push({
      path: 'establishedOn',
      rule: 'future_date',
      value: fields.establishedOn,
      message: 'the establishment date is in the future',
      fix: 'record a partnership once it is signed; use today or an earlier date',
    });
  }
  if (fields.status === 'ended' && !fields.endedOn) {
    issues.push({
      path: 'endedOn',
      rule: 'required',
      message: 'an ended partnership needs the day it ended',
      fix: 'give endedOn as YYYY-MM-DD, or choose status active or dormant',
    });
  }
  if (fields.status !== 'ended' && fields.endedOn) {
    issues.push({
      path: 'endedOn',
      rule: 'not_ended',
      value: fields.endedOn,
      message: `a partnership with status ${fields.status} has no end date`,
      fix: 'set status to ended, or remove endedOn',
    });
  }
  if (fields.endedOn && fields.endedOn > now) {
    issues.push({
      path: 'endedOn',
      rule: 'future_date',
      value: fields.endedOn,
      message: 'the end date is in the future',
      fix: 'record the end once it has happened',
    });
  }
  if (fields.endedOn && established && fields.endedOn < established.date) {
    issues.push({
      path: 'endedOn',
      rule: 'before_start',
      value: fields.endedOn,
      message: `the end date is before the establishment date ${fields.establishedOn}`,
      fix: 'check both dates',
    });
  }
  return issues;
}

function conflictWithExisting(existing: PartnershipRow): AppError {
  return new AppError('conflict', `this partnership already exists as #${existing.id}`, {
    existingId: existing.id,
    issues: [
      {
        path: 'partner',
        rule: 'duplicate',
        message: `the same Chinese division, partner and kind are already recorded as #${existing.id}`,
        fix: `edit partnership #${existing.id} instead`,
      },
    ],
  });
}

export async function getPartnership({
  db,
  actor,
  id,
}: {
  db: DbOrTx;
  actor: Actor;
  id: number;
}): Promise<PartnershipView> {
  const joined = await selectPartnership(db, id);
  if (!joined) throw notFound('partnership', id);
  assertCanRead(actor, joined.p.cnCode);
  return presentPartnership(joined);
}

export async function createPartnership({
  db,
  actor,
  input,
  isDemo = false,
}: {
  db: Db;
  actor: Actor;
  input: PartnershipCreateInput;
  isDemo?: boolean;
}): Promise<PartnershipView> {
  const division = getDivision(input.cnCode);
  assertCanWrite(actor, division.code);
  const issues = [...checkDates(input), ...stageEditIssues(input.stage ?? 'established', input, false)];
  if (issues.length) throw validationFailed(issues);
  const id = await db.transaction(async (tx) => {
    const place = input.partner
      ? (await resolveForeignPlace(tx, input.partner)).place
      : await getForeignPlace(tx, input.partnerPlaceId as number);
    const existing = await selectByNaturalKey(tx, division.code, place.id, input.kind);
    if (existing) throw conflictWithExisting(existing);
    const established = input.establishedOn ? parsePartialDate(input.establishedOn) : undefined;
    const row: NewPartnership = {
      cnCode: division.code,
      foreignPlaceId: place.id,
      kind: input.kind,
      stage: input.stage ?? 'established',
      status: input.status,
      establishedOn: established?.date ?? null,
      establishedPrecision: established?.precision ?? null,
      endedOn: input.endedOn ?? null,
      endedReason: input.endedReason ?? null,
      sourceUrl: input.sourceUrl ?? null,
      notes: input.notes ?? null,
      isPublic: input.isPublic ?? null,
      notesInternal: input.notesInternal ?? false,
      isDemo,
      ...derivedColumns(division, place),
    };
    const inserted = await insertPartnership(tx, row);
    await writeAudit(tx, actor, {
      entity: 'partnership',
      entityId: inserted.id,
      action: 'create',
      cnCode: inserted.cnCode,
      after: inserted,
    });
    return inserted.id;
  });
  return getPartnership({ db, actor, id });
}

export async function updatePartnership({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: PartnershipUpdateInput;
}): Promise<PartnershipView> {
  return db.transaction(async (tx) => {
    const joined = await selectPartnership(tx, id);
    if (!joined) throw notFound('partnership', id);
    const current = joined.p;
    assertCanWrite(actor, current.cnCode);
    if (current.version !== input.version) throw staleVersion('partnership', current);
    const division = getDivision(input.cnCode ?? current.cnCode);
    if (division.code !== current.cnCode) assertCanWrite(actor, division.code);
    const placeId = input.partnerPlaceId ?? current.foreignPlaceId;
    const place = placeId === joined.place.id ? joined.place : await getForeignPlace(tx, placeId);
    const kind = input.kind ?? current.kind;
    const status = input.status ?? current.status;
    const establishedText =
      input.establishedOn === undefined ? storedPartialDate(current) : (input.establishedOn ?? null);
    const endedOn = input.endedOn === undefined ? current.endedOn : input.endedOn;
    const issues = [
      ...checkDates({ status, establishedOn: establishedText, endedOn }),
      // The stage itself is not editable here (the schema has no stage); before establishment the
      // status moves by the life cycle only.
      ...stageEditIssues(
        current.stage as Stage,
        { status, establishedOn: input.establishedOn },
        input.status !== undefined && input.status !== current.status,
      ),
    ];
    if (issues.length) throw validationFailed(issues);
    if (division.code !== current.cnCode || place.id !== current.foreignPlaceId || kind !== current.kind) {
      const existing = await selectByNaturalKey(tx, division.code, place.id, kind);
      if (existing && existing.id !== id) throw conflictWithExisting(existing);
    }
    const established = establishedText ? parsePartialDate(establishedText) : undefined;
    const patch: Partial<NewPartnership> = {
      cnCode: division.code,
      foreignPlaceId: place.id,
      kind,
      status,
      establishedOn: established?.date ?? null,
      establishedPrecision: established?.precision ?? null,
      endedOn: endedOn ?? null,
      endedReason: input.endedReason === undefined ? current.endedReason : input.endedReason,
      sourceUrl: input.sourceUrl === undefined ? current.sourceUrl : input.sourceUrl,
      notes: input.notes === undefined ? current.notes : input.notes,
      isPublic: input.isPublic === undefined ? current.isPublic : input.isPublic,
      notesInternal: input.notesInternal ?? current.notesInternal,
      // The search text and sort key follow the two sides only: unchanged sides, unchanged text.
      ...(division.code === current.cnCode && place.id === current.foreignPlaceId
        ? {}
        : derivedColumns(division, place)),
    };
    const updated = await updatePartnershipIfVersion(tx, id, input.version, patch);
    // Another writer got in between our read and our write: theirs stands, ours is refused.
    if (!updated) throw staleVersion('partnership', current);
    await recordCorrection(tx, actor, current, updated);
    await writeAudit(tx, actor, {
      entity: 'partnership',
      entityId: id,
      action: 'update',
      cnCode: updated.cnCode,
      before: current,
      after: updated,
    });
    return presentPartnership({ p: updated, cn: division, place });
  });
}

export async function deletePartnership({
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
    const current = await selectPartnershipRow(tx, id);
    if (!current) throw notFound('partnership', id);
    assertCanWrite(actor, current.cnCode);
    if (current.version !== version || !(await deletePartnershipIfVersion(tx, id, version))) {
      throw staleVersion('partnership', current);
    }
    await writeAudit(tx, actor, {
      entity: 'partnership',
      entityId: id,
      action: 'delete',
      cnCode: current.cnCode,
      before: current,
    });
  });
}

function storedPartialDate(row: PartnershipRow): string | null {
  if (!row.establishedOn) return null;
  if (row.establishedPrecision === 'year') return row.establishedOn.slice(0, 4);
  if (row.establishedPrecision === 'month') return row.establishedOn.slice(0, 7);
  return row.establishedOn;
}

/** Resolves a list filter: the division must exist, the text is normalised like the haystack. */
export function resolveFilter(filter: PartnershipFilter, actor: Actor) {
  const cn = effectiveScope(actor, filter.cn);
  const division = cn === NATIONAL_CODE ? undefined : getDivision(cn, 'cn');
  const q = filter.q ? normalizeQuery(filter.q) : undefined;
  return { division, filter: { ...filter, q: q || undefined } };
}

export async function listPartnerships({
  db,
  actor,
  query,
  where = [],
}: {
  db: DbOrTx;
  actor: Actor;
  query: PartnershipListQuery;
  /** Conditions of another feature on top of the filter (open data: the published pairs only). */
  where?: SQL[];
}): Promise<ListEnvelope<PartnershipView>> {
  const { division, filter } = resolveFilter(query, actor);
  const conditions = [...filterConditions(filter, division), ...where];
  const { rows, total } = await selectPartnershipPage(db, conditions, query.sort, {
    limit: query.perPage,
    offset: (query.page - 1) * query.perPage,
    textSearch: Boolean(filter.q),
  });
  return { data: rows.map(presentPartnership), total, page: query.page, perPage: query.perPage };
}
