/**
 * Inputs and outputs of the health API: one partnership's health, and the list of a scope's pairs
 * by suggested status ("dormant on paper": the registry says active, the records say dormant).
 */
import { z } from 'zod';
import { KINDS, STATUSES } from '../enums.js';
import { DIMENSIONS, SUGGESTIONS } from '../health.js';
import { csvList, PageQuerySchema } from '../list.js';
import { DaySchema } from './partnership.js';

export const HealthQuerySchema = z.object({
  asOf: DaySchema.optional().describe('The day the health is for (YYYY-MM-DD); today (UTC) when omitted'),
});
export type HealthQuery = z.infer<typeof HealthQuerySchema>;

export const HEALTH_SORTS = ['quiet', 'overall', 'name'] as const;

export const HealthListQuerySchema = PageQuerySchema.extend({
  scope: z
    .string()
    .regex(/^\d{6}$/, 'a six-digit GB/T 2260 code such as 430000, or 000000 for the whole country')
    .optional()
    .describe('GB/T 2260 code of a division and everything under it; 000000 the whole country; default: your scope'),
  asOf: DaySchema.optional().describe('The day (YYYY-MM-DD); today (UTC) when omitted'),
  suggestion: csvList(z.enum(SUGGESTIONS)).describe('active, at_risk, dormant (comma-separated)'),
  status: z
    .enum([...STATUSES, 'any'])
    .default('active')
    .describe(
      'The status the registry records: active by default, so that ?suggestion=dormant lists the pairs dormant on paper; any for every status',
    ),
  kind: z.enum(KINDS).optional().describe('friendship | exchange; both when omitted'),
  sort: z
    .enum(HEALTH_SORTS)
    .default('quiet')
    .describe(
      'quiet: longest without activity first; overall: lowest score first; name: by the names of both sides (pinyin)',
    ),
});
export type HealthListQuery = z.infer<typeof HealthListQuerySchema>;

const score = z.number().int().min(0).max(100);
const bilingual = z.object({ 'zh-CN': z.string(), en: z.string() });

export const DimensionScoresSchema = z.object(
  Object.fromEntries(DIMENSIONS.map((d) => [d, score])) as Record<(typeof DIMENSIONS)[number], typeof score>,
);

export const HealthSchema = z
  .object({
    partnershipId: z.number().int(),
    cnCode: z.string(),
    status: z.string().describe('The status the registry records'),
    asOf: z.string().describe('YYYY-MM-DD'),
    overall: score,
    suggestion: z.enum(SUGGESTIONS),
    dormantOnPaper: z.boolean().describe('The registry says active, the records suggest dormant'),
    reason: bilingual,
    lastActivityOn: z.string().nullable(),
    monthsQuiet: z.number().int().nullable().describe('Whole months since the last activity or establishment'),
    dimensions: z.object(
      Object.fromEntries(DIMENSIONS.map((d) => [d, z.object({ score, explanation: bilingual })])) as Record<
        (typeof DIMENSIONS)[number],
        z.ZodObject<{ score: typeof score; explanation: typeof bilingual }>
      >,
    ),
    inputs: z
      .object({
        activitiesByAge: z
          .array(z.number().int())
          .describe('Activities by age in whole years: the last 12 months first'),
        fields: z.array(z.string()),
        participants: z.number().int(),
        personDays: z.number().int(),
        projects: z.number().int(),
        projectsWithOutcomes: z.number().int(),
        outcomes: z.number().int(),
      })
      .describe('The records the scores were computed from'),
  })
  .meta({ id: 'PartnershipHealth' });
export type PartnershipHealth = z.infer<typeof HealthSchema>;

export const HealthListItemSchema = z
  .object({
    id: z.number().int(),
    cnCode: z.string(),
    cnNameZh: z.string(),
    cnNameEn: z.string(),
    partnerNameZh: z.string().nullable(),
    partnerNameEn: z.string().nullable(),
    countryIso2: z.string(),
    countryNameZh: z.string().nullable(),
    countryNameEn: z.string().nullable(),
    kind: z.string(),
    status: z.string(),
    establishedOn: z.string().nullable().describe('At its precision'),
    overall: score,
    scores: DimensionScoresSchema,
    suggestion: z.enum(SUGGESTIONS),
    reason: bilingual,
    lastActivityOn: z.string().nullable(),
    monthsQuiet: z.number().int().nullable(),
  })
  .meta({ id: 'HealthListItem' });
export type HealthListItem = z.infer<typeof HealthListItemSchema>;

const count = z.number().int().min(0);
export const HealthCountsSchema = z
  .object({
    active: count,
    at_risk: count,
    dormant: count,
    dormantOnPaper: count.describe('Pairs the registry says are active whose records suggest dormant'),
  })
  .meta({ id: 'HealthCounts' });
export type HealthCounts = z.infer<typeof HealthCountsSchema>;

export const HealthListSchema = z
  .object({
    scope: z.string(),
    asOf: z.string(),
    counts: HealthCountsSchema.describe('Every measured pair of the scope (any status, the kind asked for)'),
    data: z.array(HealthListItemSchema),
    total: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
  })
  .meta({ id: 'HealthList' });
export type HealthList = z.infer<typeof HealthListSchema>;
