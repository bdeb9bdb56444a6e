/** /api/partnerships/{id}/lifecycle: the stage history and approvals, and the moves. Thin handlers. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { APPROVAL_LEVELS, MOVES, PHASES, STAGES } from '../../shared/lifecycle.js';
import { MoveRequestSchema } from '../../shared/schemas/lifecycle.js';
import { type Api, actorOf } from '../http/app.js';
import { errorResponses, IdParamSchema, jsonBody, jsonResponse } from '../http/openapi.js';
import { getLifecycle, moveLifecycle } from './lifecycle.service.js';

const tags = ['lifecycle'];

const SnapshotSchema = z.object({ stage: z.string(), status: z.string(), kind: z.string(), phase: z.enum(PHASES) });

const StageEventSchema = z
  .object({
    id: z.number().int(),
    move: z.string().describe(`${MOVES.join(' | ')} | correct (an edit of status or kind on the record)`),
    from: SnapshotSchema,
    to: SnapshotSchema,
    occurredOn: z.string(),
    approvalLevel: z.string().nullable(),
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

export const LifecycleSchema = z
  .object({
    partnershipId: z.number().int(),
    version: z.number().int().describe('The partnership version: send it with the next move'),
    level: z.string(),
    kind: z.string(),
    stage: z.enum(STAGES),
    status: z.string(),
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

export function registerLifecycleRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/partnerships/{id}/lifecycle',
      tags,
      summary: 'The stage, allowed next moves, approvals and history of a partnership',
      request: { params: IdParamSchema },
      responses: {
        200: jsonResponse(LifecycleSchema, 'The life cycle'),
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) =>
      c.json(await getLifecycle({ db: c.get('deps').handle.db, actor: actorOf(c), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/partnerships/{id}/lifecycle',
      tags,
      summary: 'Move a partnership one step (only allowed moves; a refused one changes nothing)',
      request: { params: IdParamSchema, ...jsonBody(MoveRequestSchema) },
      responses: {
        200: jsonResponse(LifecycleSchema, 'Moved: the new life cycle'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) =>
      c.json(
        await moveLifecycle({
          db: c.get('deps').handle.db,
          actor: actorOf(c),
          id: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );
}
