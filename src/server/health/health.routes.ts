/** /api/partnerships/{id}/health and /api/health: thin handlers — validate, call one service function. */
import { createRoute } from '@hono/zod-openapi';
import {
  HealthListQuerySchema,
  HealthListSchema,
  HealthQuerySchema,
  HealthSchema,
} from '../../shared/schemas/health.js';
import { type Api, actorOf } from '../http/app.js';
import { errorResponses, IdParamSchema, jsonResponse } from '../http/openapi.js';
import { getPartnershipHealth, listHealth } from './health.service.js';

const tags = ['health'];
const denied = { 401: errorResponses[401], 403: errorResponses[403] } as const;

export function registerHealthRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/partnerships/{id}/health',
      tags,
      summary: 'A partnership’s health on a day: five scores with their reasons, overall score and suggested status',
      request: { params: IdParamSchema, query: HealthQuerySchema },
      responses: {
        200: jsonResponse(HealthSchema, 'The health'),
        400: errorResponses[400],
        ...denied,
        404: errorResponses[404],
        409: { ...errorResponses[409], description: 'The pair is not signed yet (its stage is before established)' },
      },
    }),
    async (c) =>
      c.json(
        await getPartnershipHealth({
          db: c.get('deps').handle.lagTolerant(),
          actor: actorOf(c),
          id: c.req.valid('param').id,
          query: c.req.valid('query'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      tags,
      summary:
        'The pairs of a scope by suggested status; ?suggestion=dormant lists those dormant on paper (recorded active, no activity for 36 months)',
      request: { query: HealthListQuerySchema },
      responses: {
        200: jsonResponse(HealthListSchema, 'One page, with the counts of every suggestion'),
        400: errorResponses[400],
        ...denied,
      },
    }),
    async (c) =>
      c.json(
        await listHealth({ db: c.get('deps').handle.lagTolerant(), actor: actorOf(c), query: c.req.valid('query') }),
        200,
      ),
  );
}
