/** /api/figures/activities: what the partnerships of a scope do, as of a day, with the records behind each number. */
import { createRoute } from '@hono/zod-openapi';
import { ActivityFiguresQuerySchema, ActivityFiguresSchema } from '../../shared/schemas/activity-figures.js';
import { type Api, actorOf } from '../http/app.js';
import { errorResponses, jsonResponse } from '../http/openapi.js';
import { getActivityFigures } from './activity-figures.service.js';

export function registerActivityFigureRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/figures/activities',
      tags: ['figures'],
      summary:
        'Activities per year by type and field, delegations in and out, pairs by health status, outcome totals by field and SDG',
      request: { query: ActivityFiguresQuerySchema },
      responses: {
        200: jsonResponse(ActivityFiguresSchema, 'The figures, each with the API path of its records'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) =>
      c.json(
        await getActivityFigures({
          db: c.get('deps').handle.lagTolerant(),
          actor: actorOf(c),
          query: c.req.valid('query'),
        }),
        200,
      ),
  );
}
