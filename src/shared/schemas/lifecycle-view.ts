/**
 * What the life-cycle endpoints send back: a partnership's stage, allowed moves, approvals and
 * history. The server's view is typed by these schemas, the OpenAPI document is written from them
 * and the web panel reads its types from them.
 */
import { z } from 'zod';
import { KINDS, LEVELS, STATUSES } from '../enums.js';
import { APPROVAL_LEVELS, MOVES, PHASES, type RecordedMove, STAGES } from '../lifecycle.js';
import { oneOf } from './view-fields.js';

/** The moves a history holds: those a person asks for, and corrections made by editing the record. */
const RECORDED_MOVES: readonly RecordedMove[] = [...MOVES, 'correct'];

export const SnapshotSchema = z.object({
  stage: oneOf(STAGES),
  status: oneOf(STATUSES),
  kind: oneOf(KINDS),
  phase: z.enum(PHASES),
});
export type SnapshotView = z.infer<typeof SnapshotSchema>;

export const StageEventSchema = z
  .object({
    id: z.number().int(),
    move: oneOf(RECORDED_MOVES).describe(`${MOVES.join(' | ')} | correct (an edit of status or kind on the record)`),
    from: SnapshotSchema,
    to: SnapshotSchema,
    occurredOn: z.string(),
    approvalLevel: oneOf(APPROVAL_LEVELS).nullable(),
    approver: z.string().nullable(),
    reference: z.string().nullable(),
    reason: z.string().nullable(),
    place: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    actorName: z.string().describe('Who recorded it'),
    isDemo: z.boolean(),
    recordedAt: z.string(),
  })
  .meta({ id: 'StageEvent' });
export type StageEventView = z.infer<typeof StageEventSchema>;

export const LifecycleSchema = z
  .object({
    partnershipId: z.number().int(),
    version: z.number().int().describe('The partnership version: send it with the next move'),
    level: oneOf(LEVELS),
    kind: oneOf(KINDS),
    stage: z.enum(STAGES),
    status: oneOf(STATUSES),
    phase: z.enum(PHASES).describe('The stage before establishment, the status after, or ended'),
    allowedMoves: z.array(z.enum(MOVES)),
    requiredApprovals: z.array(z.enum(APPROVAL_LEVELS)),
    approvalsDone: z.array(z.enum(APPROVAL_LEVELS)),
    nextApproval: z.enum(APPROVAL_LEVELS).nullable(),
    approvals: z.array(
      z.object({
        id: z.number().int(),
        eventId: z.number().int(),
        level: z.enum(APPROVAL_LEVELS),
        approver: z.string(),
        approvedOn: z.string(),
        reference: z.string().nullable(),
        isDemo: z.boolean(),
      }),
    ),
    history: z.array(StageEventSchema).describe('Oldest first'),
    isConsistent: z.boolean().describe('False when an import changed status or kind outside the life cycle'),
  })
  .meta({ id: 'Lifecycle' });
export type LifecycleView = z.infer<typeof LifecycleSchema>;
