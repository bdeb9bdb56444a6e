/** /api/activities */
import { z } from 'zod';
import { ActivityCreateSchema, ActivityListQuerySchema, ActivityUpdateSchema } from '../../shared/schemas/activity.js';
import type { Api } from '../http/app.js';
import { registerRecordRoutes } from '../http/record-routes.js';
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

export function registerActivityRoutes(app: Api): void {
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
      list: 'List activities, newest first',
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
