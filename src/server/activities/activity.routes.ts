/** /api/activities */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { envelopeSchema } from '../../shared/list.js';
import { ActivityCreateSchema, ActivityListQuerySchema, ActivityUpdateSchema } from '../../shared/schemas/activity.js';
import type { Api } from '../http/app.js';
import { errorResponses, IdParamSchema, jsonBody, jsonResponse, VersionQuerySchema } from '../http/openapi.js';
import { createActivity, deleteActivity, getActivity, listActivities, updateActivity } from './activity.service.js';

const ActivitySchema = z
  .object({
    id: z.number().int(),
    partnershipId: z.number().int(),
    type: z.string(),
    occurredOn: z.string(),
    titleZh: z.string().nullable(),
    titleEn: z.string().nullable(),
    description: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    isDemo: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Activity' });

const tags = ['activities'];

export function registerActivityRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/activities',
      tags,
      summary: 'List activities, newest first',
      request: { query: ActivityListQuerySchema },
      responses: { 200: jsonResponse(envelopeSchema(ActivitySchema), 'One page'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await listActivities({ db: c.get('deps').handle.db, query: c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/activities/{id}',
      tags,
      summary: 'One activity',
      request: { params: IdParamSchema },
      responses: { 200: jsonResponse(ActivitySchema, 'The activity'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await getActivity({ db: c.get('deps').handle.db, id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/activities',
      tags,
      summary: 'Record an activity of a partnership',
      request: jsonBody(ActivityCreateSchema),
      responses: { 201: jsonResponse(ActivitySchema, 'Created'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await createActivity({ db: c.get('deps').handle.db, input: c.req.valid('json') }), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/activities/{id}',
      tags,
      summary: 'Update an activity; a stale version gets 409',
      request: { params: IdParamSchema, ...jsonBody(ActivityUpdateSchema) },
      responses: {
        200: jsonResponse(ActivitySchema, 'Updated'),
        400: errorResponses[400],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) =>
      c.json(
        await updateActivity({ db: c.get('deps').handle.db, id: c.req.valid('param').id, input: c.req.valid('json') }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/activities/{id}',
      tags,
      summary: 'Delete an activity; ?version= must be current',
      request: { params: IdParamSchema, query: VersionQuerySchema },
      responses: { 204: { description: 'Deleted' }, 404: errorResponses[404], 409: errorResponses[409] },
    }),
    async (c) => {
      await deleteActivity({
        db: c.get('deps').handle.db,
        id: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.body(null, 204);
    },
  );
}
