/** /api/activities */
import { z } from 'zod';
import { RULE_CODES } from '../../shared/enums.js';
import { ActivityCreateSchema, ActivityListQuerySchema, ActivityUpdateSchema } from '../../shared/schemas/activity.js';
import type { Api } from '../http/app.js';
import { registerRecordRoutes } from '../http/record-routes.js';
import { createActivity, deleteActivity, getActivity, listActivities, updateActivity } from './activity.service.js';

const PartnershipRefSchema = z
  .object({
    id: z.number().int(),
    cnCode: z.string(),
    cnNameZh: z.string(),
    cnNameEn: z.string(),
    countryIso2: z.string(),
    partnerNameZh: z.string().nullable(),
    partnerNameEn: z.string().nullable(),
  })
  .meta({ id: 'ActivityPartnership' });

export const FlagSchema = z
  .object({
    rule: z.enum(RULE_CODES),
    value: z.number().nullable().describe('The value that breaks the rule'),
    limit: z.number().nullable().describe('The office’s limit'),
    scopeCode: z.string().describe('The scope whose rules apply (000000: national defaults)'),
    message: z.object({ 'zh-CN': z.string(), en: z.string() }),
  })
  .meta({ id: 'RuleFlag' });

const ActivitySchema = z
  .object({
    id: z.number().int(),
    partnershipId: z.number().int().describe('The primary partnership'),
    partnershipIds: z.array(z.number().int()).describe('Every partnership of the activity, the primary first'),
    partnerships: z.array(PartnershipRefSchema),
    type: z.string(),
    occurredOn: z.string(),
    titleZh: z.string().nullable(),
    titleEn: z.string().nullable(),
    description: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    sources: z.array(z.string()),
    leader: z.string().nullable(),
    participants: z.number().int().nullable(),
    days: z.number().int().nullable(),
    purpose: z.string().nullable(),
    approvalRef: z.string().nullable(),
    costSharing: z.string().nullable(),
    fields: z.array(z.string()),
    anniversary: z.boolean(),
    flags: z.array(FlagSchema).describe('Rules of the office that the activity breaks'),
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
