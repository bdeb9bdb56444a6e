/**
 * What the activity endpoints send back: an activity with its partnerships and the flags of the
 * office rules it breaks, and the check of a draft. The presenter is typed by these schemas, the
 * OpenAPI document is written from them and the web app reads its types from them.
 */
import { z } from 'zod';
import { ACTIVITY_TYPES, COST_SHARING, FIELDS, RULE_CODES } from '../enums.js';
import { OfficeRulesSchema } from './rules.js';
import { oneOf, partnershipRefFields } from './view-fields.js';

/** A partnership of an activity, with the names of both sides. */
export const PartnershipRefSchema = z.object(partnershipRefFields).meta({ id: 'ActivityPartnership' });
export type PartnershipRefView = z.infer<typeof PartnershipRefSchema>;

export const FlagSchema = z
  .object({
    rule: z.enum(RULE_CODES),
    /** Participants, days or the anniversary's number; null for a missing approval. */
    value: z.number().nullable().describe('The value that breaks the rule'),
    /** Size, days or every N years; null for the approval rule. */
    limit: z.number().nullable().describe('The office’s limit'),
    scopeCode: z.string().describe('The scope whose rules apply (000000: national defaults)'),
    message: z.object({ 'zh-CN': z.string(), en: z.string() }),
  })
  .meta({ id: 'RuleFlag' });
export type FlagView = z.infer<typeof FlagSchema>;

export const ActivitySchema = z
  .object({
    id: z.number().int(),
    partnershipId: z.number().int().describe('The primary partnership'),
    partnershipIds: z.array(z.number().int()).describe('Every partnership of the activity, the primary first'),
    partnerships: z.array(PartnershipRefSchema),
    type: oneOf(ACTIVITY_TYPES),
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
    costSharing: oneOf(COST_SHARING).nullable(),
    fields: z.array(oneOf(FIELDS)),
    anniversary: z.boolean(),
    flags: z.array(FlagSchema).describe('Rules of the office that the activity breaks'),
    isDemo: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Activity' });
export type ActivityView = z.infer<typeof ActivitySchema>;

export const RuleCheckSchema = z
  .object({
    scopeCode: z.string().describe('The scope whose rules apply (000000: national defaults)'),
    rules: OfficeRulesSchema,
    flags: z.array(FlagSchema),
  })
  .meta({ id: 'ActivityRuleCheck' });
export type RuleCheckView = z.infer<typeof RuleCheckSchema>;
