/** /api/partnerships/{id}/lifecycle: the stage history and approvals, and the moves. Thin handlers. */
import { createRoute } from '@hono/zod-openapi';
import { MoveRequestSchema } from '../../shared/schemas/lifecycle.js';
import { LifecycleSchema } from '../../shared/schemas/lifecycle-view.js';
import { type Api, actorOf } from '../http/app.js';
import { errorResponses, IdParamSchema, jsonBody, jsonResponse } from '../http/openapi.js';
import { getLifecycle, moveLifecycle } from './lifecycle.service.js';

const tags = ['lifecycle'];

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
