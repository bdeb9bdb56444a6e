/** /api/activities */

import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { RULE_CODES } from '../../shared/enums.js';
import {
  ActivityCreateSchema,
  ActivityListQuerySchema,
  ActivityRuleCheckSchema,
  ActivityUpdateSchema,
} from '../../shared/schemas/activity.js';
import { OfficeRulesSchema } from '../../shared/schemas/rules.js';
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

const RuleCheckSchema = z
  .object({
    scopeCode: z.string().describe('The scope whose rules apply (000000: national defaults)'),
    rules: OfficeRulesSchema,
    flags: z.array(FlagSchema),
  })
  .meta({ id: 'ActivityRuleCheck' });

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
