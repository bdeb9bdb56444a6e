/** Inputs of the project and outcome API: defined once, used by the API, the demo loader and the web forms. */
import { z } from 'zod';
import { FIELDS, LIMITS } from '../enums.js';
import { csvList, PageQuerySchema } from '../list.js';
import { SDG_MAX, SDG_MIN } from '../sdg.js';
import { CountryCodeSchema, DaySchema, DivisionCodeSchema, PartialDateSchema } from './partnership.js';

export const PROJECT_STATUSES = ['planned', 'running', 'completed', 'stopped'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/**
 * The units an outcome may be measured in. `integer`: a count, so whole numbers only; `signed`: a
 * change that may be negative (every other unit is a quantity and must be zero or more).
 */
export const OUTCOME_UNITS = {
  ha: { zh: '公顷', en: 'ha', integer: false, signed: false },
  mu: { zh: '亩', en: 'mu', integer: false, signed: false },
  t: { zh: '吨', en: 't', integer: false, signed: false },
  kg: { zh: '千克', en: 'kg', integer: false, signed: false },
  't/ha': { zh: '吨/公顷', en: 't/ha', integer: false, signed: false },
  'kg/mu': { zh: '千克/亩', en: 'kg/mu', integer: false, signed: false },
  countries: { zh: '个国家', en: 'countries', integer: true, signed: false },
  people: { zh: '人', en: 'people', integer: true, signed: false },
  households: { zh: '户', en: 'households', integer: true, signed: false },
  students: { zh: '名学生', en: 'students', integer: true, signed: false },
  trainees: { zh: '人次培训', en: 'trainees', integer: true, signed: false },
  jobs: { zh: '个就业岗位', en: 'jobs', integer: true, signed: false },
  events: { zh: '场活动', en: 'events', integer: true, signed: false },
  items: { zh: '项', en: 'items', integer: true, signed: false },
  hours: { zh: '小时', en: 'hours', integer: false, signed: false },
  CNY: { zh: '元', en: 'CNY', integer: false, signed: false },
  USD: { zh: '美元', en: 'USD', integer: false, signed: false },
  percent: { zh: '%', en: '%', integer: false, signed: false },
  percent_change: { zh: '% 变化', en: '% change', integer: false, signed: true },
} as const;
export type OutcomeUnit = keyof typeof OUTCOME_UNITS;
export const OUTCOME_UNIT_CODES = Object.keys(OUTCOME_UNITS) as [OutcomeUnit, ...OutcomeUnit[]];

/** What is wrong with a value in a unit, or undefined when it fits. */
export function outcomeValueProblem(value: number, unit: OutcomeUnit): string | undefined {
  const spec = OUTCOME_UNITS[unit];
  if (!Number.isFinite(value)) return 'a finite number';
  if (!spec.signed && value < 0) return `${unit} cannot be negative`;
  if (spec.integer && !Number.isInteger(value)) return `${unit} is a count: a whole number`;
  if (unit === 'percent' && value > 100) return 'a percentage of at most 100 (use percent_change for growth)';
  return undefined;
}

const text = (max: number) => z.string().trim().max(max).nullish();
const name = z.string().trim().min(1).max(LIMITS.nameLength).nullish();
const ids = z.array(z.number().int().positive()).max(500);
export const SdgSchema = z.number().int().min(SDG_MIN).max(SDG_MAX).describe('A UN Sustainable Development Goal, 1–17');
const sdgs = z
  .array(SdgSchema)
  .max(17)
  .refine((a) => new Set(a).size === a.length, 'each goal once');
/** URLs or citations ("湖南省人民政府关于…的报告, 2024"). */
export const SourcesSchema = z.array(z.string().trim().min(1).max(LIMITS.urlLength)).max(20);

const projectFields = {
  cnCode: DivisionCodeSchema.describe('The office that runs the project (authorisation follows it)'),
  nameZh: name,
  nameEn: name,
  field: z.enum(FIELDS).describe(FIELDS.join(' | ')),
  description: text(LIMITS.notesLength),
  startOn: PartialDateSchema.nullish(),
  endOn: PartialDateSchema.nullish(),
  status: z.enum(PROJECT_STATUSES).describe(PROJECT_STATUSES.join(' | ')),
  partnershipIds: ids.describe('The partnerships the project was born of'),
  countries: z.array(CountryCodeSchema).max(250).describe('Countries; when empty, those of the partnerships'),
  measureIds: ids.describe('Programme measures the project carries out'),
  sdgs: sdgs.describe('UN Sustainable Development Goals, 1–17'),
  sources: SourcesSchema,
};

export const ProjectCreateSchema = z
  .object({
    ...projectFields,
    status: projectFields.status.default('planned'),
    partnershipIds: projectFields.partnershipIds.default([]),
    countries: projectFields.countries.default([]),
    measureIds: projectFields.measureIds.default([]),
    sdgs: projectFields.sdgs.default([]),
    sources: projectFields.sources.default([]),
  })
  .strict()
  .refine((p) => Boolean(p.nameZh || p.nameEn), { message: 'give nameZh or nameEn', path: ['nameZh'] });
export type ProjectCreateInput = z.infer<typeof ProjectCreateSchema>;

export const ProjectUpdateSchema = z
  .object({
    version: z.number().int().positive().describe('The version you read; a stale one gets 409'),
    cnCode: projectFields.cnCode.optional(),
    nameZh: projectFields.nameZh,
    nameEn: projectFields.nameEn,
    field: projectFields.field.optional(),
    description: projectFields.description,
    startOn: projectFields.startOn,
    endOn: projectFields.endOn,
    status: projectFields.status.optional(),
    partnershipIds: projectFields.partnershipIds.optional(),
    countries: projectFields.countries.optional(),
    measureIds: projectFields.measureIds.optional(),
    sdgs: projectFields.sdgs.optional(),
    sources: projectFields.sources.optional(),
  })
  .strict();
export type ProjectUpdateInput = z.infer<typeof ProjectUpdateSchema>;

export const ProjectListQuerySchema = PageQuerySchema.extend({
  cn: DivisionCodeSchema.optional().describe('Projects of this division and everything under it (default: your scope)'),
  field: csvList(z.enum(FIELDS)),
  status: csvList(z.enum(PROJECT_STATUSES)),
  sdg: z.coerce.number().int().min(SDG_MIN).max(SDG_MAX).optional().describe('Tagged with this goal'),
  country: csvList(CountryCodeSchema).describe('With any of these countries'),
  partnership: z.coerce.number().int().positive().optional(),
  measure: z.coerce.number().int().positive().optional().describe('Carrying out this programme measure'),
  q: z.string().trim().max(200).optional().describe('Free text: Chinese, English or pinyin'),
});
export type ProjectListQuery = z.infer<typeof ProjectListQuerySchema>;

const outcomeFields = {
  metricZh: name.describe('What is measured, in Chinese (e.g. 种植面积)'),
  metricEn: name.describe('What is measured, in English (e.g. area planted)'),
  value: z.number().finite(),
  unit: z.enum(OUTCOME_UNIT_CODES).describe(OUTCOME_UNIT_CODES.join(' | ')),
  asOf: PartialDateSchema.describe('When the value held: YYYY, YYYY-MM or YYYY-MM-DD'),
  evidence: text(LIMITS.notesLength).describe('The evidence: a citation or a description'),
  evidenceUrl: z.url().max(LIMITS.urlLength).nullish(),
};

export const OutcomeCreateSchema = z
  .object(outcomeFields)
  .strict()
  .refine((o) => Boolean(o.metricZh || o.metricEn), { message: 'give metricZh or metricEn', path: ['metricZh'] })
  .superRefine((o, ctx) => {
    const problem = outcomeValueProblem(o.value, o.unit);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['value'] });
  });
export type OutcomeCreateInput = z.infer<typeof OutcomeCreateSchema>;

export const OutcomeUpdateSchema = z
  .object({
    version: z.number().int().positive(),
    metricZh: outcomeFields.metricZh,
    metricEn: outcomeFields.metricEn,
    value: outcomeFields.value.optional(),
    unit: outcomeFields.unit.optional(),
    asOf: outcomeFields.asOf.optional(),
    evidence: outcomeFields.evidence,
    evidenceUrl: outcomeFields.evidenceUrl,
  })
  .strict();
export type OutcomeUpdateInput = z.infer<typeof OutcomeUpdateSchema>;

export const OutcomeTotalsQuerySchema = z.object({
  scope: DivisionCodeSchema.optional().describe('Division (and everything under it); default: your scope'),
  asOf: DaySchema.optional().describe('Count each outcome’s latest value on or before this day (default: today)'),
});
export type OutcomeTotalsQuery = z.infer<typeof OutcomeTotalsQuerySchema>;
