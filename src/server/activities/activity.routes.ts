/** /api/activities */

import { createRoute } from '@hono/zod-openapi';
import {
  ActivityCreateSchema,
  ActivityListQuerySchema,
  ActivityRuleCheckSchema,
  ActivityUpdateSchema,
} from '../../shared/schemas/activity.js';
import { ActivitySchema, RuleCheckSchema } from '../../shared/schemas/activity-view.js';
import { type Api, actorOf } from '../http/app.js';
import { errorResponses, jsonBody, jsonResponse } from '../http/openapi.js';
import { registerRecordRoutes } from '../http/record-routes.js';
import {
  checkActivityRules,
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  updateActivity,
} from './activity.service.js';

export function registerActivityRoutes(app: Api): void {
  // Before /api/activities/{id}: the form asks it as it is filled in, before anything is saved.
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/activities/check',
      tags: ['activities'],
      summary: "The office's rules for a draft activity and the flags it would get; writes nothing",
      request: jsonBody(ActivityRuleCheckSchema, 'The fields the rules look at'),
      responses: {
        200: jsonResponse(RuleCheckSchema, 'The rules in force and the flags'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) =>
      c.json(
        await checkActivityRules({ db: c.get('deps').handle.db, actor: actorOf(c), input: c.req.valid('json') }),
        200,
      ),
  );
  registerRecordRoutes(app, {
    path: '/api/activities',
    tag: 'activities',
    schemas: {
      item: ActivitySchema,
      listQuery: ActivityListQuerySchema,
      create: ActivityCreateSchema,
      update: ActivityUpdateSchema,
    },
    summaries: {
      list: 'List activities, newest first; ?flagged=true for those that break a rule of their office',
      get: 'One activity',
      create: 'Record an activity of a partnership',
      update: 'Update an activity; a stale version gets 409',
      remove: 'Delete an activity; ?version= must be current',
    },
    services: {
      list: listActivities,
      get: getActivity,
      create: createActivity,
      update: updateActivity,
      remove: deleteActivity,
    },
  });
}
