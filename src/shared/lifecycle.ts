/**
 * The life cycle of a partnership as pure functions: which moves are allowed from a state, what a
 * move does, and the replay of a recorded history. The server, the web panel and the tests all use
 * these, so a button the web shows is exactly a move the server accepts.
 *
 *   intent ─exchange→ exchanging ─propose→ proposed ─approve×n→ approved ─establish→ established
 *   established: active ⇄ dormant (fall dormant / reactivate);  any stage ─end→ ended (final)
 *   exchange kind, established: ─promote→ friendship kind (same record, same history)
 *
 * The state is (stage, status, kind, approvals): `status` keeps its meaning for established pairs
 * (active | dormant | ended); before establishment it is `active` (in progress) or `ended` (talks
 * abandoned). Approvals go city → province → national association; a provincial-level pair (the
 * province proposes) needs province and national only.
 */
import type { FieldIssue } from './errors.js';

export const STAGES = ['intent', 'exchanging', 'proposed', 'approved', 'established'] as const;
export type Stage = (typeof STAGES)[number];

export const APPROVAL_LEVELS = ['city', 'province', 'national'] as const;
export type ApprovalLevel = (typeof APPROVAL_LEVELS)[number];

/** Moves a person can ask for. */
export const MOVES = [
  'exchange',
  'propose',
  'approve',
  'establish',
  'dormant',
  'reactivate',
  'end',
  'promote',
] as const;
export type Move = (typeof MOVES)[number];

/** Recorded history also holds corrections made by editing the record (status or kind typed in). */
export type RecordedMove = Move | 'correct';

/** What a person sees: the stage before establishment, the status after, `ended` at any point. */
export const PHASES = ['intent', 'exchanging', 'proposed', 'approved', 'active', 'dormant', 'ended'] as const;
export type Phase = (typeof PHASES)[number];

type LifecycleStatus = 'active' | 'dormant' | 'ended';
type LifecycleKind = 'friendship' | 'exchange';
type LifecycleLevel = 'provincial' | 'city' | 'county';

export type LifecycleState = {
  stage: Stage;
  status: LifecycleStatus;
  kind: LifecycleKind;
  /** Approvals recorded since the proposal, in order. */
  approvals: ApprovalLevel[];
};

export type MoveRequest = {
  move: Move;
  /** YYYY-MM-DD: the day it happened. */
  occurredOn?: string | null;
  approvalLevel?: ApprovalLevel | null;
  approver?: string | null;
  reference?: string | null;
  reason?: string | null;
  place?: string | null;
};

export type MoveResult = { ok: true; state: LifecycleState } | { ok: false; issues: FieldIssue[] };

/** The approvals a pair of this level needs, in order. */
export function requiredApprovals(level: LifecycleLevel): ApprovalLevel[] {
  return level === 'provincial' ? ['province', 'national'] : ['city', 'province', 'national'];
}

/** The next approval due, if the pair is waiting for one. */
export function nextApproval(state: LifecycleState, level: LifecycleLevel): ApprovalLevel | undefined {
  if (state.stage !== 'proposed' || state.status === 'ended') return undefined;
  return requiredApprovals(level)[state.approvals.length];
}

export function phaseOf(state: Pick<LifecycleState, 'stage' | 'status'>): Phase {
  if (state.status === 'ended') return 'ended';
  if (state.stage !== 'established') return state.stage;
  return state.status;
}

/** The moves allowed from a state (approve only while an approval is due). */
export function allowedMoves(state: LifecycleState, level: LifecycleLevel): Move[] {
  if (state.status === 'ended') return [];
  const moves: Move[] = [];
  if (state.stage === 'intent') moves.push('exchange');
  if (state.stage === 'exchanging') moves.push('propose');
  if (nextApproval(state, level)) moves.push('approve');
  if (state.stage === 'approved') moves.push('establish');
  if (state.stage === 'established' && state.status === 'active') moves.push('dormant');
  if (state.stage === 'established' && state.status === 'dormant') moves.push('reactivate');
  if (state.stage === 'established' && state.kind === 'exchange') moves.push('promote');
  moves.push('end');
  return moves;
}

/** Fields each move needs besides its date. */
export const REQUIRED_FIELDS: Record<Move, readonly ('approvalLevel' | 'approver' | 'reference' | 'reason')[]> = {
  exchange: [],
  propose: [],
  approve: ['approvalLevel', 'approver', 'reference'],
  establish: [],
  dormant: ['reason'],
  reactivate: ['reason'],
  end: ['reason'],
  promote: ['reference'],
};

function blank(value: string | null | undefined): boolean {
  return value === undefined || value === null || value.trim() === '';
}

/**
 * Applies a requested move. A move that is not allowed from the state, or lacks what it needs, is
 * refused with the reasons and leaves the state as it was (the caller's object is never changed).
 */
export function applyMove(state: LifecycleState, level: LifecycleLevel, request: MoveRequest): MoveResult {
  const allowed = allowedMoves(state, level);
  if (!allowed.includes(request.move)) {
    return {
      ok: false,
      issues: [
        {
          path: 'move',
          rule: 'move_not_allowed',
          value: request.move,
          message: `${request.move} is not allowed from ${phaseOf(state)}`,
          fix: allowed.length ? `allowed now: ${allowed.join(', ')}` : 'an ended partnership does not move again',
        },
      ],
    };
  }
  const issues: FieldIssue[] = [];
  if (blank(request.occurredOn)) {
    issues.push({ path: 'occurredOn', rule: 'required', message: 'a move needs the day it happened' });
  }
  for (const field of REQUIRED_FIELDS[request.move]) {
    if (blank(request[field])) {
      issues.push({ path: field, rule: 'required', message: `${request.move} needs ${field}` });
    }
  }
  const due = nextApproval(state, level);
  if (request.move === 'approve' && request.approvalLevel && request.approvalLevel !== due) {
    issues.push({
      path: 'approvalLevel',
      rule: 'approval_order',
      value: request.approvalLevel,
      message: `the ${due} approval comes next (order: ${requiredApprovals(level).join(' → ')})`,
      fix: `record the ${due} approval first`,
    });
  }
  if (issues.length) return { ok: false, issues };
  return { ok: true, state: nextState(state, level, request) };
}

function nextState(state: LifecycleState, level: LifecycleLevel, request: MoveRequest): LifecycleState {
  const next: LifecycleState = { ...state, approvals: [...state.approvals] };
  switch (request.move) {
    case 'exchange':
      next.stage = 'exchanging';
      break;
    case 'propose':
      next.stage = 'proposed';
      next.approvals = [];
      break;
    case 'approve':
      next.approvals.push(request.approvalLevel as ApprovalLevel);
      if (next.approvals.length === requiredApprovals(level).length) next.stage = 'approved';
      break;
    case 'establish':
      next.stage = 'established';
      next.status = 'active';
      break;
    case 'dormant':
      next.status = 'dormant';
      break;
    case 'reactivate':
      next.status = 'active';
      break;
    case 'end':
      next.status = 'ended';
      break;
    case 'promote':
      next.kind = 'friendship';
      break;
  }
  return next;
}

/** One recorded move as the history keeps it. */
export type RecordedEvent = Omit<MoveRequest, 'move'> & {
  move: RecordedMove;
  from: Pick<LifecycleState, 'stage' | 'status' | 'kind'>;
  to: Pick<LifecycleState, 'stage' | 'status' | 'kind'>;
};

export type ReplayResult =
  | { ok: true; state: LifecycleState }
  | { ok: false; index: number; message: string; state: LifecycleState };

function sameSnapshot(a: RecordedEvent['to'], b: RecordedEvent['to']): boolean {
  return a.stage === b.stage && a.status === b.status && a.kind === b.kind;
}

/**
 * Replays a history from the state before its first move: every move must start where the previous
 * one ended, be allowed, and end where it says. A correction (an edit of status or kind) is taken as
 * recorded, as long as it does not change the stage.
 */
export function replayHistory(
  events: readonly RecordedEvent[],
  level: LifecycleLevel,
  initial?: LifecycleState,
): ReplayResult {
  const first = events[0];
  let state: LifecycleState = initial ?? {
    ...(first ? first.from : { stage: 'established', status: 'active', kind: 'friendship' }),
    approvals: [],
  };
  for (const [index, event] of events.entries()) {
    if (!sameSnapshot(event.from, state)) {
      return { ok: false, index, state, message: `move ${index + 1} starts from a state the history did not reach` };
    }
    if (event.move === 'correct') {
      if (event.to.stage !== state.stage) {
        return { ok: false, index, state, message: `correction ${index + 1} changes the stage` };
      }
      state = { ...state, status: event.to.status, kind: event.to.kind };
      continue;
    }
    const result = applyMove(state, level, { ...event, move: event.move });
    if (!result.ok) {
      return { ok: false, index, state, message: `move ${index + 1} (${event.move}) is not allowed from there` };
    }
    if (!sameSnapshot(result.state, event.to)) {
      return { ok: false, index, state, message: `move ${index + 1} (${event.move}) does not end where it says` };
    }
    state = result.state;
  }
  return { ok: true, state };
}
