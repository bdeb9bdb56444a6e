/**
 * What the programme endpoints send back: programmes, their areas and measures, and the evidence
 * behind them. The server's presenters are typed by these schemas, the OpenAPI document is written
 * from them and the web app reads its types from them.
 */
import { z } from 'zod';
import { MEASURE_STATUSES } from './programme.js';
import { oneOf } from './view-fields.js';

const programmeShape = {
  id: z.number().int(),
  code: z.string(),
  nameZh: z.string().nullable(),
  nameEn: z.string().nullable(),
  cnCode: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  description: z.string().nullable(),
  sources: z.array(z.string()),
  isDemo: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
export const ProgrammeSchema = z.object(programmeShape).meta({ id: 'Programme' });
export type ProgrammeView = z.infer<typeof ProgrammeSchema>;

export const AreaSchema = z
  .object({
    id: z.number().int(),
    programmeId: z.number().int(),
    code: z.string(),
    nameZh: z.string().nullable(),
    nameEn: z.string().nullable(),
    position: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'ProgrammeArea' });
export type AreaView = z.infer<typeof AreaSchema>;

export const MeasureSchema = z
  .object({
    id: z.number().int(),
    programmeId: z.number().int(),
    areaId: z.number().int(),
    code: z.string(),
    textZh: z.string().nullable(),
    textEn: z.string().nullable(),
    owner: z.string().nullable(),
    status: oneOf(MEASURE_STATUSES).describe('not_started | in_progress | done | stalled'),
    progress: z.number().int(),
    notes: z.string().nullable(),
    activityIds: z.array(z.number().int()),
    projectIds: z.array(z.number().int()),
    isDemo: z.boolean().describe('Illustrative text, not from a source'),
    version: z.number().int(),
  })
  .meta({ id: 'ProgrammeMeasure' });
export type MeasureView = z.infer<typeof MeasureSchema>;

/** An area as the programme's detail shows it: with its measures. */
const AreaDetailSchema = AreaSchema.extend({ measures: z.array(MeasureSchema) });
export type AreaDetailView = z.infer<typeof AreaDetailSchema>;

export const ProgrammeDetailSchema = z
  .object({
    ...programmeShape,
    cn: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
    areas: z.array(AreaDetailSchema),
  })
  .meta({ id: 'ProgrammeDetail' });
export type ProgrammeDetailView = z.infer<typeof ProgrammeDetailSchema>;

const AreaEvidenceSchema = z.object({
  areaId: z.number().int(),
  code: z.string(),
  nameZh: z.string().nullable(),
  nameEn: z.string().nullable(),
  measures: z.number().int(),
  /** Measures with at least one linked activity or project. */
  withEvidence: z.number().int(),
  withActivities: z.number().int(),
  withProjects: z.number().int(),
  /** Mean progress of the area's measures (0–100), null without measures. */
  progress: z.number().nullable(),
  /** The measures that nothing carries out yet. */
  without: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      textZh: z.string().nullable(),
      textEn: z.string().nullable(),
    }),
  ),
});
export type AreaEvidenceView = z.infer<typeof AreaEvidenceSchema>;

export const ProgrammeEvidenceSchema = z
  .object({
    programmeId: z.number().int(),
    measures: z.number().int(),
    withEvidence: z.number().int(),
    // An area without measures is among them.
    areasWithout: z.array(z.string()).describe('Codes of the areas none of whose measures has evidence'),
    areas: z.array(AreaEvidenceSchema),
  })
  .meta({ id: 'ProgrammeEvidence' });
export type ProgrammeEvidenceView = z.infer<typeof ProgrammeEvidenceSchema>;
