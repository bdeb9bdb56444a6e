/** Inputs of the activity API. */
import { z } from 'zod';
import { ACTIVITY_TYPES, COST_SHARING, FIELDS, LIMITS, RULE_CODES } from '../enums.js';
import { csvList, PageQuerySchema } from '../list.js';
import { DaySchema, DivisionCodeSchema } from './partnership.js';

const text = (max: number) => z.string().trim().max(max).nullish();

/** Limits of the delegation details: no delegation is larger or longer than this, whatever an office allows. */
export const ACTIVITY_LIMITS = { participantsMax: 10_000, daysMax: 366, sourcesMax: 20, partnershipsMax: 50 } as const;

/** A source: a URL or a citation such as "湖南日报 2023-05-11 第3版". */
const SourceSchema = z.string().trim().min(1).max(LIMITS.urlLength);

/** The columns an activity has beyond its partnership: shared by create and update. */
const details = {
  titleZh: text(LIMITS.nameLength),
  titleEn: text(LIMITS.nameLength),
  description: text(LIMITS.notesLength),
  sourceUrl: z.url().max(LIMITS.urlLength).nullish(),
  leader: text(LIMITS.nameLength).describe('Head of the delegation, e.g. "副市长 张三"'),
  participants: z
    .number()
    .int()
    .min(1)
    .max(ACTIVITY_LIMITS.participantsMax)
    .nullish()
    .describe('Number of people (a delegation’s size)'),
  days: z.number().int().min(1).max(ACTIVITY_LIMITS.daysMax).nullish().describe('Length in days'),
  purpose: text(LIMITS.notesLength),
  approvalRef: text(LIMITS.nameLength).describe('Reference of the approval (批件文号)'),
  costSharing: z.enum(COST_SHARING).nullish().describe(COST_SHARING.join(' | ')),
  fields: z.array(z.enum(FIELDS)).max(FIELDS.length).optional().describe(FIELDS.join(' | ')),
  sources: z.array(SourceSchema).max(ACTIVITY_LIMITS.sourcesMax).optional().describe('Further URLs or citations'),
  anniversary: z.boolean().optional().describe('A substantive anniversary celebration of the partnership'),
  partnershipIds: z
    .array(z.number().int().positive())
    .max(ACTIVITY_LIMITS.partnershipsMax)
    .optional()
    .describe('Further partnerships the activity belongs to, besides partnershipId'),
};

export const ActivityCreateSchema = z
  .object({
    partnershipId: z.number().int().positive().describe('The primary partnership: it decides whose activity this is'),
    type: z.enum(ACTIVITY_TYPES).describe(ACTIVITY_TYPES.join(' | ')),
    occurredOn: DaySchema,
    ...details,
  })
  .strict()
  .refine((a) => Boolean(a.titleZh || a.titleEn), { message: 'give titleZh or titleEn', path: ['titleZh'] });
export type ActivityCreateInput = z.infer<typeof ActivityCreateSchema>;

/** What the office's rules look at, as a form holds it before saving: checked, nothing written. */
export const ActivityRuleCheckSchema = z
  .object({
    partnershipId: z.number().int().positive().describe('The primary partnership: its division decides the rules'),
    type: z.enum(ACTIVITY_TYPES),
    occurredOn: DaySchema.optional().describe('Default today (the anniversary rule needs it)'),
    participants: details.participants,
    days: details.days,
    approvalRef: details.approvalRef,
    anniversary: details.anniversary,
  })
  .strict();
export type ActivityRuleCheckInput = z.infer<typeof ActivityRuleCheckSchema>;

export const ActivityUpdateSchema = z
  .object({
    version: z.number().int().positive(),
    type: z.enum(ACTIVITY_TYPES).optional(),
    occurredOn: DaySchema.optional(),
    ...details,
  })
  .strict();
export type ActivityUpdateInput = z.infer<typeof ActivityUpdateSchema>;

export const ActivityListQuerySchema = PageQuerySchema.extend({
  partnership: z.coerce.number().int().positive().optional().describe('Activities linked to this partnership'),
  cn: DivisionCodeSchema.optional().describe('Activities of the pairs of this division and everything under it'),
  type: csvList(z.enum(ACTIVITY_TYPES)),
  field: csvList(z.enum(FIELDS)),
  from: DaySchema.optional().describe('On or after this day'),
  to: DaySchema.optional().describe('On or before this day'),
  flagged: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only activities that break a rule of their office; false: only those that break none'),
  rule: csvList(z.enum(RULE_CODES)).describe('Only activities that break one of these rules'),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuerySchema>;
