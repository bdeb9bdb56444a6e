import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPROVAL_LEVELS,
  allowedMoves,
  applyMove,
  type LifecycleState,
  MOVES,
  type Move,
  type MoveRequest,
  nextApproval,
  phaseOf,
  type RecordedEvent,
  replayHistory,
  requiredApprovals,
  STAGES,
} from './lifecycle.js';

const LEVELS = ['provincial', 'city', 'county'] as const;
const complete = (move: Move, extra: Partial<MoveRequest> = {}): MoveRequest => ({
  move,
  occurredOn: '2024-05-01',
  approver: '湖南省人民政府外事办公室',
  reference: '湘外办函〔2024〕1号',
  reason: 'no exchanges for five years',
  ...extra,
});
const start = (over: Partial<LifecycleState> = {}): LifecycleState => ({
  stage: 'intent',
  status: 'active',
  kind: 'friendship',
  approvals: [],
  ...over,
});

/** Every state reachable from the states a record may be created in, by allowed, complete moves. */
const key = (s: LifecycleState) => [s.stage, s.status, s.kind, s.approvals.join('+')].join('|');
function reachableStates(level: (typeof LEVELS)[number]): Set<string> {
  const seen = new Map<string, LifecycleState>();
  const queue: LifecycleState[] = [];
  for (const stage of STAGES) {
    for (const kind of ['friendship', 'exchange'] as const) {
      for (const status of stage === 'established'
        ? (['active', 'dormant', 'ended'] as const)
        : (['active'] as const)) {
        const s = start({ stage, kind, status });
        seen.set(key(s), s);
        queue.push(s);
      }
    }
  }
  while (queue.length) {
    const s = queue.shift() as LifecycleState;
    for (const move of allowedMoves(s, level)) {
      const result = applyMove(s, level, complete(move, { approvalLevel: nextApproval(s, level) }));
      if (result.ok && !seen.has(key(result.state))) {
        seen.set(key(result.state), result.state);
        queue.push(result.state);
      }
    }
  }
  return new Set(seen.keys());
}

describe('the life-cycle moves', () => {
  it('walks a city-level pair from the letter of intent to established, approvals in order', () => {
    let s = start();
    const steps: MoveRequest[] = [
      complete('exchange'),
      complete('propose'),
      complete('approve', { approvalLevel: 'city' }),
      complete('approve', { approvalLevel: 'province' }),
      complete('approve', { approvalLevel: 'national' }),
      complete('establish'),
    ];
    const phases = [];
    for (const step of steps) {
      const r = applyMove(s, 'city', step);
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      s = r.state;
      phases.push(phaseOf(s));
    }
    expect(phases).toEqual(['exchanging', 'proposed', 'proposed', 'proposed', 'approved', 'active']);
    expect(s.approvals).toEqual(['city', 'province', 'national']);
  });

  it('a provincial pair needs the province and the national association only', () => {
    expect(requiredApprovals('provincial')).toEqual(['province', 'national']);
    const s = start({ stage: 'proposed' });
    expect(nextApproval(s, 'provincial')).toBe('province');
    expect(nextApproval(s, 'county')).toBe('city');
  });

  it('refuses an approval out of order and says which comes next', () => {
    const r = applyMove(start({ stage: 'proposed' }), 'city', complete('approve', { approvalLevel: 'national' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ path: 'approvalLevel', rule: 'approval_order' });
  });

  it('ending, falling dormant and coming back need a reason; approvals need who and the reference', () => {
    const active = start({ stage: 'established' });
    for (const move of ['dormant', 'end'] as const) {
      const r = applyMove(active, 'city', { move, occurredOn: '2024-01-01' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(['reason']);
    }
    const r = applyMove(start({ stage: 'proposed' }), 'city', { move: 'approve', approvalLevel: 'city' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path).sort()).toEqual(['approver', 'occurredOn', 'reference']);
  });

  it('a dormant pair comes back to active; an ended one never moves again', () => {
    const dormant = start({ stage: 'established', status: 'dormant' });
    expect(allowedMoves(dormant, 'city')).toEqual(['reactivate', 'end']);
    const back = applyMove(dormant, 'city', complete('reactivate'));
    expect(back.ok && phaseOf(back.state)).toBe('active');
    expect(allowedMoves(start({ stage: 'established', status: 'ended' }), 'city')).toEqual([]);
  });

  it('promotes only an established friendly-exchange relationship, keeping stage and status', () => {
    const exchange = start({ stage: 'established', kind: 'exchange', status: 'dormant' });
    const r = applyMove(exchange, 'county', complete('promote'));
    expect(r.ok && r.state).toEqual({ ...exchange, kind: 'friendship' });
    expect(allowedMoves(start({ stage: 'established' }), 'city')).not.toContain('promote');
    expect(allowedMoves(start({ kind: 'exchange' }), 'city')).not.toContain('promote');
  });
});

const requestArb: fc.Arbitrary<MoveRequest> = fc.record({
  move: fc.constantFrom(...MOVES),
  occurredOn: fc.option(fc.constant('2024-03-02'), { nil: undefined }),
  approvalLevel: fc.option(fc.constantFrom(...APPROVAL_LEVELS), { nil: undefined }),
  approver: fc.option(fc.constantFrom('', '长沙市外办', '中国人民对外友好协会'), { nil: undefined }),
  reference: fc.option(fc.constantFrom('', ' ', '湘外办〔2024〕7号'), { nil: undefined }),
  reason: fc.option(fc.constantFrom('', '双方恢复互访'), { nil: undefined }),
});
const initialArb: fc.Arbitrary<LifecycleState> = fc.record({
  stage: fc.constantFrom(...STAGES),
  kind: fc.constantFrom('friendship' as const, 'exchange' as const),
  status: fc.constant('active' as const),
  approvals: fc.constant<LifecycleState['approvals']>([]),
});

describe('property: any sequence of requested moves', () => {
  it('keeps the record in a reachable state, refused moves change nothing, and the history replays', () => {
    const reachable = Object.fromEntries(LEVELS.map((l) => [l, reachableStates(l)]));
    fc.assert(
      fc.property(
        fc.constantFrom(...LEVELS),
        initialArb,
        fc.array(requestArb, { maxLength: 40 }),
        (level, init, requests) => {
          let state: LifecycleState = init;
          const history: RecordedEvent[] = [];
          for (const request of requests) {
            const before = JSON.stringify(state);
            const result = applyMove(state, level, request);
            expect(JSON.stringify(state)).toBe(before); // the input is never changed
            if (!result.ok) {
              expect(result.issues.length).toBeGreaterThan(0);
              continue; // refused: the state stays
            }
            expect(allowedMoves(state, level)).toContain(request.move);
            history.push({
              ...request,
              from: { stage: state.stage, status: state.status, kind: state.kind },
              to: { stage: result.state.stage, status: result.state.status, kind: result.state.kind },
            });
            state = result.state;
            expect(reachable[level]?.has(key(state))).toBe(true);
          }
          // Invariants of every reachable state.
          expect(state.approvals).toEqual(requiredApprovals(level).slice(0, state.approvals.length));
          // (a record entered at the approved stage has no approvals recorded)
          if (state.stage === 'approved' && init.stage !== 'approved') {
            expect(state.approvals).toEqual(requiredApprovals(level));
          }
          if (state.stage !== 'established') expect(state.status).not.toBe('dormant');
          // The history replays to the current state.
          const replay = replayHistory(history, level, init);
          expect(replay).toEqual({ ok: true, state });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a move is allowed exactly when applyMove accepts it with everything it needs', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LEVELS), initialArb, fc.constantFrom(...MOVES), (level, init, move) => {
        const result = applyMove(init, level, complete(move, { approvalLevel: nextApproval(init, level) }));
        expect(result.ok).toBe(allowedMoves(init, level).includes(move));
      }),
    );
  });

  it('a history with a move taken out or forged no longer replays', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LEVELS), fc.integer({ min: 0, max: 5 }), (level, cut) => {
        const moves: MoveRequest[] = [complete('exchange'), complete('propose')];
        for (const l of requiredApprovals(level)) moves.push(complete('approve', { approvalLevel: l }));
        moves.push(complete('establish'), complete('dormant'), complete('reactivate'));
        let state = start();
        const history: RecordedEvent[] = [];
        for (const m of moves) {
          const r = applyMove(state, level, m);
          if (!r.ok) throw new Error('the walk must be allowed');
          history.push({
            ...m,
            from: { ...state },
            to: { stage: r.state.stage, status: r.state.status, kind: r.state.kind },
          });
          state = r.state;
        }
        expect(replayHistory(history, level).ok).toBe(true);
        const index = Math.min(cut, history.length - 2);
        const missing = history.filter((_, i) => i !== index);
        expect(replayHistory(missing, level, start()).ok).toBe(false);
        const forged = history.map((e, i) =>
          i === index ? { ...e, to: { ...e.to, stage: 'established' as const } } : e,
        );
        if (history[index]?.to.stage !== 'established') expect(replayHistory(forged, level).ok).toBe(false);
      }),
    );
  });
});
