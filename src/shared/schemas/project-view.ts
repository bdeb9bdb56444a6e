/**
 * What the project endpoints send back: projects, their outcomes and the outcome totals. The
 * server's presenters are typed by these schemas, the OpenAPI document is written from them and the
 * web app reads its types from them.
 */
import { z } from 'zod';
import { FIELDS } from '../enums.js';
import { OUTCOME_UNIT_CODES, PROJECT_STATUSES } from './project.js';
import { oneOf } from './view-fields.js';

export const OutcomeSchema = z
  .object({
    id: z.number().int(),
    projectId: z.number().int(),
    metricZh: z.string().nullable(),
    metricEn: z.string().nullable(),
    value: z.number(),
    unit: oneOf(OUTCOME_UNIT_CODES),
    asOf: z.string().describe('At its precision: YYYY, YYYY-MM or YYYY-MM-DD'),
    evidence: z.string().nullable(),
    evidenceUrl: z.string().nullable(),
    isDemo: z.boolean().describe('Illustrative, not a sourced figure'),
    version: z.number().int(),
  })
  .meta({ id: 'Outcome' });
export type OutcomeView = z.infer<typeof OutcomeSchema>;

const projectShape = {
  id: z.number().int(),
  cnCode: z.string(),
  nameZh: z.string().nullable(),
  nameEn: z.string().nullable(),
  field: oneOf(FIELDS),
  description: z.string().nullable(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  status: oneOf(PROJECT_STATUSES),
  sdgs: z.array(z.number().int()),
  sources: z.array(z.string()),
  partnershipIds: z.array(z.number().int()),
  countries: z.array(z.string()),
  measureIds: z.array(z.number().int()),
  isDemo: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
export const ProjectSchema = z.object(projectShape).meta({ id: 'Project' });
export type ProjectView = z.infer<typeof ProjectSchema>;

/** The detail: the project, its outcomes, and names of what it links to. */
export const ProjectDetailSchema = z
  .object({
    ...projectShape,
    cn: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
    partnerships: z.array(
      z.object({
        id: z.number().int(),
        cnCode: z.string(),
        partnerNameZh: z.string().nullable(),
        partnerNameEn: z.string().nullable(),
      }),
    ),
    measures: z.array(
      z.object({
        id: z.number().int(),
        code: z.string(),
        textZh: z.string().nullable(),
        textEn: z.string().nullable(),
        programmeId: z.number().int(),
        programmeCode: z.string(),
        programmeNameZh: z.string().nullable(),
        programmeNameEn: z.string().nullable(),
        cnCode: z.string(),
        areaNameZh: z.string().nullable(),
        areaNameEn: z.string().nullable(),
      }),
    ),
    outcomes: z.array(OutcomeSchema),
  })
  .meta({ id: 'ProjectDetail' });
export type ProjectDetailView = z.infer<typeof ProjectDetailSchema>;

/** One row of the totals: the outcomes of one key in one unit (values are only added within a unit). */
export const OutcomeTotalSchema = z.object({
  key: z.string().describe('The field, the goal number, or "all"'),
  unit: z.string(),
  total: z.number(),
  outcomes: z.number().int(),
  projects: z.number().int(),
  demo: z.number().int().describe('Illustrative outcomes among those counted'),
});
export type OutcomeTotalView = z.infer<typeof OutcomeTotalSchema>;

export const OutcomeTotalsSchema = z
  .object({
    scope: z.string(),
    asOf: z.string(),
    byField: z.array(OutcomeTotalSchema),
    bySdg: z.array(OutcomeTotalSchema),
    byUnit: z.array(OutcomeTotalSchema),
  })
  .meta({ id: 'OutcomeTotals' });
export type OutcomeTotalsView = z.infer<typeof OutcomeTotalsSchema>;
