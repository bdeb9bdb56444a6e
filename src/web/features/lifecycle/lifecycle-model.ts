/**
 * Pure helpers of the life-cycle panel: which fields a move's form shows and requires (the same
 * REQUIRED_FIELDS the server checks), the steps before establishment, and colours per phase.
 */
import { type Move, type Phase, REQUIRED_FIELDS, STAGES, type Stage } from '../../../shared/lifecycle';

export type MoveField = 'occurredOn' | 'approvalLevel' | 'approver' | 'reference' | 'reason' | 'place';

/** The fields a move's form shows, in order; `required` as the server decides. */
export function moveFields(move: Move): { name: MoveField; required: boolean }[] {
  const required = new Set<string>(['occurredOn', ...REQUIRED_FIELDS[move]]);
  const shown: MoveField[] = ['occurredOn'];
  if (move === 'approve') shown.push('approvalLevel', 'approver', 'reference');
  else if (move === 'establish' || move === 'promote') shown.push('approver', 'reference', 'place');
  else if (move === 'exchange' || move === 'propose') shown.push('reference');
  if (['dormant', 'reactivate', 'end', 'exchange', 'propose', 'establish', 'promote'].includes(move)) {
    shown.push('reason');
  }
  return shown.map((name) => ({ name, required: required.has(name) }));
}

/** Index of the current step in intent → exchanging → proposed → approved → established. */
export function stepIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

export const PHASE_COLORS: Record<Phase, string> = {
  intent: 'purple',
  exchanging: 'geekblue',
  proposed: 'cyan',
  approved: 'blue',
  active: 'green',
  dormant: 'orange',
  ended: 'default',
};

/** Moves that are shown as the main (primary) action. */
export function isPrimaryMove(move: Move): boolean {
  return move !== 'end' && move !== 'dormant';
}

/** Values of the form as the API takes them: blank text left out. */
export function moveBody(
  version: number,
  move: Move,
  values: Partial<Record<MoveField, string | undefined>>,
): Record<string, unknown> {
  const body: Record<string, unknown> = { version, move };
  for (const { name } of moveFields(move)) {
    const value = values[name]?.trim();
    if (value) body[name] = value;
  }
  return body;
}

/** A size in bytes for people: 1.2 MB, 340 KB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
