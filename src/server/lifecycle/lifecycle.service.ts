/**
 * The life cycle of a partnership: its stage history, approvals and the moves between stages
 * (src/shared/lifecycle.ts decides which are allowed). A move changes the partnership row, records
 * the move and, for an approval, the approval — with the audit entry — in one transaction.
 */

import { today } from '../../shared/dates.js';
import type { Kind, Level, Status } from '../../shared/enums.js';
import { AppError, type FieldIssue, notFound, validationFailed } from '../../shared/errors.js';
import {
  type ApprovalLevel,
  allowedMoves,
  applyMove,
  type LifecycleState,
  nextApproval,
  phaseOf,
  type RecordedEvent,
  type RecordedMove,
  replayHistory,
  requiredApprovals,
  type Stage,
} from '../../shared/lifecycle.js';
import type { MoveRequestInput } from '../../shared/schemas/lifecycle.js';
import type { LifecycleView, StageEventView } from '../../shared/schemas/lifecycle-view.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type Actor, assertCanRead, assertCanWrite } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { readAll } from '../db/sql.js';
import { staleVersion } from '../db/versioned.js';
import {
  type NewPartnership,
  type PartnershipRow,
  selectByNaturalKey,
  selectPartnershipRow,
  updatePartnershipIfVersion,
} from '../partnerships/partnership.repo.js';
import {
  type ApprovalRow,
  insertApproval,
  insertStageEvent,
  type NewStageEvent,
  type StageEventRow,
  selectApprovals,
  selectStageEvents,
} from './lifecycle.repo.js';

/** The columns hold only what the moves and the record's edits write, from STAGES, STATUSES and KINDS. */
function snapshot(row: { stage: string; status: string; kind: string }) {
  return { stage: row.stage as Stage, status: row.status as Status, kind: row.kind as Kind };
}

export function presentStageEvent(row: StageEventRow): StageEventView {
  const from = snapshot({ stage: row.fromStage, status: row.fromStatus, kind: row.fromKind });
  const to = snapshot({ stage: row.toStage, status: row.toStatus, kind: row.toKind });
  return {
    id: row.id,
    move: row.move as RecordedMove,
    from: { ...from, phase: phaseOf(from) },
    to: { ...to, phase: phaseOf(to) },
    occurredOn: row.occurredOn,
    approvalLevel: row.approvalLevel as ApprovalLevel | null,
    approver: row.approver,
    reference: row.reference,
    reason: row.reason,
    place: row.place,
    sourceUrl: row.sourceUrl,
    actorName: row.actorName,
    isDemo: row.isDemo,
    recordedAt: row.recordedAt.toISOString(),
  };
}

export function presentApproval(row: ApprovalRow): LifecycleView['approvals'][number] {
  return {
    id: row.id,
    eventId: row.eventId,
    level: row.level as ApprovalLevel,
    approver: row.approver,
    approvedOn: row.approvedOn,
    reference: row.reference,
    isDemo: row.isDemo,
  };
}

function recordedEvent(row: StageEventRow): RecordedEvent {
  return {
    move: row.move as RecordedMove,
    occurredOn: row.occurredOn,
    approvalLevel: row.approvalLevel as ApprovalLevel | null,
    approver: row.approver,
    reference: row.reference,
    reason: row.reason,
    place: row.place,
    from: snapshot({ stage: row.fromStage, status: row.fromStatus, kind: row.fromKind }),
    to: snapshot({ stage: row.toStage, status: row.toStatus, kind: row.toKind }),
  };
}

/** The approvals of the current proposal: the approve moves since the last proposal. */
function approvalsSinceProposal(events: readonly StageEventRow[]): ApprovalLevel[] {
  const lastPropose = events.findLastIndex((e) => e.move === 'propose');
  return events
    .slice(lastPropose + 1)
    .filter((e) => e.move === 'approve' && e.approvalLevel)
    .map((e) => e.approvalLevel as ApprovalLevel);
}

/** The machine's state of a partnership: its row, and the approvals its history holds. */
export function stateOf(row: PartnershipRow, events: readonly StageEventRow[]): LifecycleState {
  return { ...snapshot(row), approvals: row.stage === 'proposed' ? approvalsSinceProposal(events) : [] };
}

async function loadPartnership(db: DbOrTx, id: number): Promise<PartnershipRow> {
  const row = await selectPartnershipRow(db, id);
  if (!row) throw notFound('partnership', id);
  return row;
}

function lifecycleView(row: PartnershipRow, events: StageEventRow[], approvals: ApprovalRow[]): LifecycleView {
  const level = row.level as Level;
  const state = stateOf(row, events);
  const replay = replayHistory(events.map(recordedEvent), level);
  const last = events[events.length - 1];
  // The history replays to the record unless an import changed status or kind outside the life cycle.
  const consistent =
    replay.ok &&
    (!last ||
      (replay.state.stage === row.stage && replay.state.status === row.status && replay.state.kind === row.kind));
  return {
    partnershipId: row.id,
    version: row.version,
    level,
    kind: row.kind as Kind,
    stage: row.stage as Stage,
    status: row.status as Status,
    phase: phaseOf(state),
    allowedMoves: allowedMoves(state, level),
    requiredApprovals: requiredApprovals(level),
    approvalsDone: state.approvals,
    nextApproval: nextApproval(state, level) ?? null,
    approvals: approvals.map(presentApproval),
    history: events.map(presentStageEvent),
    isConsistent: consistent,
  };
}

// The command line's lifecycle command reads the view's type from here.
export type { LifecycleView };

export async function getLifecycle({
  db,
  actor,
  id,
}: {
  db: DbOrTx;
  actor: Actor;
  id: number;
}): Promise<LifecycleView> {
  const row = await loadPartnership(db, id);
  assertCanRead(actor, row.cnCode);
  const [events, approvals] = await readAll(db, [() => selectStageEvents(db, id), () => selectApprovals(db, id)]);
  return lifecycleView(row, events, approvals);
}

/** Rules on the move's date: it has happened, and it follows the moves before it. */
function dateIssues(input: MoveRequestInput, row: PartnershipRow, last: StageEventRow | undefined): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const on = input.occurredOn;
  if (on > today()) {
    issues.push({
      path: 'occurredOn',
      rule: 'future_date',
      value: on,
      message: 'the day of the move is in the future',
      fix: 'record a move once it has happened',
    });
  }
  if (last && on < last.occurredOn) {
    issues.push({
      path: 'occurredOn',
      rule: 'before_previous',
      value: on,
      message: `the previous move (${last.move}) happened on ${last.occurredOn}`,
      fix: `use ${last.occurredOn} or a later day`,
    });
  }
  if (row.stage === 'established' && row.establishedOn && on < row.establishedOn && input.move !== 'promote') {
    issues.push({
      path: 'occurredOn',
      rule: 'before_start',
      value: on,
      message: `the partnership was established on ${row.establishedOn}`,
      fix: 'check the date',
    });
  }
  return issues;
}

/** The columns of the partnership row a move changes. */
function rowPatch(input: MoveRequestInput, next: LifecycleState): Partial<NewPartnership> {
  const patch: Partial<NewPartnership> = { stage: next.stage, status: next.status, kind: next.kind };
  if (input.move === 'establish' || input.move === 'promote') {
    // Signing (or signing as a formal friendship city) is the day the pair starts to count.
    patch.establishedOn = input.occurredOn;
    patch.establishedPrecision = 'day';
  }
  if (input.move === 'end') {
    patch.endedOn = input.occurredOn;
    patch.endedReason = input.reason ?? null;
  }
  return patch;
}

/**
 * Moves a partnership one step: allowed moves only, with what each needs; a refused move changes
 * nothing. The body carries the version read, as every edit does.
 */
export async function moveLifecycle({
  db,
  actor,
  id,
  input,
  isDemo = false,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: MoveRequestInput;
  isDemo?: boolean;
}): Promise<LifecycleView> {
  await db.transaction(async (tx) => {
    const row = await loadPartnership(tx, id);
    assertCanWrite(actor, row.cnCode);
    if (row.version !== input.version) throw staleVersion('partnership', row);
    const events = await selectStageEvents(tx, id);
    const result = applyMove(stateOf(row, events), row.level as Level, input);
    if (!result.ok) throw validationFailed(result.issues);
    const issues = dateIssues(input, row, events[events.length - 1]);
    if (issues.length) throw validationFailed(issues);
    if (input.move === 'promote') {
      const existing = await selectByNaturalKey(tx, row.cnCode, row.foreignPlaceId, 'friendship');
      if (existing) {
        throw new AppError('conflict', `a friendship-city record of the same pair exists as #${existing.id}`, {
          existingId: existing.id,
        });
      }
    }
    const updated = await updatePartnershipIfVersion(tx, id, input.version, rowPatch(input, result.state));
    if (!updated) throw staleVersion('partnership', row);
    const event = await insertStageEvent(tx, {
      ...eventColumns(actor, row, updated, input.move, isDemo),
      occurredOn: input.occurredOn,
      approvalLevel: input.move === 'approve' ? (input.approvalLevel ?? null) : null,
      approver: input.approver ?? null,
      reference: input.reference ?? null,
      reason: input.reason ?? null,
      place: input.place ?? null,
      sourceUrl: input.sourceUrl ?? null,
    });
    if (input.move === 'approve') {
      await insertApproval(tx, {
        partnershipId: id,
        eventId: event.id,
        level: input.approvalLevel as ApprovalLevel,
        approver: input.approver as string,
        approvedOn: input.occurredOn,
        reference: input.reference ?? null,
        isDemo,
      });
    }
    await writeAudit(tx, actor, {
      entity: 'partnership',
      entityId: id,
      action: `stage.${input.move}`,
      cnCode: row.cnCode,
      before: row,
      after: { ...updated, move: presentStageEvent(event) },
    });
  });
  return getLifecycle({ db, actor, id });
}

function eventColumns(
  actor: Actor,
  before: PartnershipRow,
  after: PartnershipRow,
  move: RecordedMove,
  isDemo: boolean,
): Omit<NewStageEvent, 'occurredOn'> {
  return {
    partnershipId: before.id,
    move,
    fromStage: before.stage,
    fromStatus: before.status,
    fromKind: before.kind,
    toStage: after.stage,
    toStatus: after.status,
    toKind: after.kind,
    actorId: actor.id,
    actorName: actor.name,
    isDemo,
  };
}

/**
 * An edit of the record (PATCH) that changed its status or kind is recorded in the history as a
 * correction, so that the history still replays to the record. Called inside the edit's transaction.
 */
export async function recordCorrection(tx: DbOrTx, actor: Actor, before: PartnershipRow, after: PartnershipRow) {
  if (before.status === after.status && before.kind === after.kind) return;
  await insertStageEvent(tx, {
    ...eventColumns(actor, before, after, 'correct', false),
    occurredOn: today(),
    reason: 'edited on the record',
  });
}

/**
 * What an edit or a creation may not do to the stage: before establishment the status is moved by
 * the life cycle only, and there is no establishment date yet.
 */
export function stageEditIssues(
  stage: Stage,
  fields: { status?: string | null; establishedOn?: string | null; endedOn?: string | null },
  statusChanged: boolean,
): FieldIssue[] {
  if (stage === 'established') return [];
  const issues: FieldIssue[] = [];
  if (statusChanged || (fields.status && fields.status !== 'active' && fields.status !== 'ended')) {
    issues.push({
      path: 'status',
      rule: 'stage_move_required',
      value: fields.status,
      message: `a partnership at the ${stage} stage changes status by a life-cycle move`,
      fix: 'use POST /api/partnerships/{id}/lifecycle (end, with the reason)',
    });
  }
  if (fields.establishedOn) {
    issues.push({
      path: 'establishedOn',
      rule: 'not_established',
      value: fields.establishedOn,
      message: `a partnership at the ${stage} stage has no establishment date yet`,
      fix: 'record the signing with the establish move',
    });
  }
  return issues;
}
