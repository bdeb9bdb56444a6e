/** Inputs of the programme API (programmes, their areas and measures). */
import { z } from 'zod';
import { LIMITS } from '../enums.js';
import { PageQuerySchema } from '../list.js';
import { DivisionCodeSchema, PartialDateSchema } from './partnership.js';
import { SourcesSchema } from './project.js';

export const MEASURE_STATUSES = ['not_started', 'in_progress', 'done', 'stalled'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

const text = (max: number) => z.string().trim().max(max).nullish();
const name = z.string().trim().min(1).max(LIMITS.nameLength).nullish();
const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'letters, digits, . _ or -, at most 40')
  .describe('Short code, e.g. hunan-36, resources, R1');
const ids = z.array(z.number().int().positive()).max(500);
const progress = z.number().int().min(0).max(100).describe('0–100');
const version = z.number().int().positive().describe('The version you read; a stale one gets 409');
const needsName = (p: { nameZh?: string | null; nameEn?: string | null }) => Boolean(p.nameZh || p.nameEn);

export const AreaInputSchema = z
  .object({ code, nameZh: name, nameEn: name, position: z.number().int().min(0).max(1000).optional() })
  .strict()
  .refine(needsName, { message: 'give nameZh or nameEn', path: ['nameZh'] });
export type AreaInput = z.infer<typeof AreaInputSchema>;

export const ProgrammeCreateSchema = z
  .object({
    code,
    nameZh: name,
    nameEn: name,
    cnCode: DivisionCodeSchema.describe('The office that owns the programme (authorisation follows it)'),
    periodFrom: PartialDateSchema.nullish(),
    periodTo: PartialDateSchema.nullish(),
    description: text(LIMITS.notesLength),
    sources: SourcesSchema.default([]),
    areas: z.array(AreaInputSchema).max(50).default([]).describe('Its areas, in order'),
  })
  .strict()
  .refine(needsName, { message: 'give nameZh or nameEn', path: ['nameZh'] });
export type ProgrammeCreateInput = z.infer<typeof ProgrammeCreateSchema>;

export const ProgrammeUpdateSchema = z
  .object({
    version,
    nameZh: name,
    nameEn: name,
    periodFrom: PartialDateSchema.nullish(),
    periodTo: PartialDateSchema.nullish(),
    description: text(LIMITS.notesLength),
    sources: SourcesSchema.optional(),
  })
  .strict();
export type ProgrammeUpdateInput = z.infer<typeof ProgrammeUpdateSchema>;

export const ProgrammeListQuerySchema = PageQuerySchema.extend({
  cn: DivisionCodeSchema.optional().describe(
    'Programmes of this division and everything under it (default: your scope)',
  ),
});
export type ProgrammeListQuery = z.infer<typeof ProgrammeListQuerySchema>;

export const AreaUpdateSchema = z
  .object({ version, nameZh: name, nameEn: name, position: z.number().int().min(0).max(1000).optional() })
  .strict();
export type AreaUpdateInput = z.infer<typeof AreaUpdateSchema>;

const measureFields = {
  areaId: z.number().int().positive(),
  code,
  textZh: text(LIMITS.notesLength),
  textEn: text(LIMITS.notesLength),
  owner: text(LIMITS.nameLength).describe('The office or unit responsible'),
  status: z.enum(MEASURE_STATUSES).describe(MEASURE_STATUSES.join(' | ')),
  progress,
  notes: text(LIMITS.notesLength),
  activityIds: ids.describe('Activities that carry the measure out'),
  projectIds: ids.describe('Projects that carry the measure out'),
};

export const MeasureCreateSchema = z
  .object({
    ...measureFields,
    status: measureFields.status.default('not_started'),
    progress: progress.optional(),
    activityIds: ids.default([]),
    projectIds: ids.default([]),
  })
  .strict()
  .refine((m) => Boolean(m.textZh || m.textEn), { message: 'give textZh or textEn', path: ['textZh'] });
export type MeasureCreateInput = z.infer<typeof MeasureCreateSchema>;

export const MeasureUpdateSchema = z
  .object({
    version,
    areaId: measureFields.areaId.optional(),
    textZh: measureFields.textZh,
    textEn: measureFields.textEn,
    owner: measureFields.owner,
    status: measureFields.status.optional(),
    progress: progress.optional(),
    notes: measureFields.notes,
    activityIds: ids.optional(),
    projectIds: ids.optional(),
  })
  .strict();
export type MeasureUpdateInput = z.infer<typeof MeasureUpdateSchema>;

/**
 * Progress that fits a status: a done measure is at 100, one not started at 0; in progress and
 * stalled lie in between or anywhere (a stalled measure keeps the progress it reached).
 */
export function progressProblem(status: MeasureStatus, progress: number): string | undefined {
  if (status === 'done' && progress !== 100) return 'a done measure is at 100';
  if (status === 'not_started' && progress !== 0) return 'a measure not started is at 0';
  return undefined;
}

/** The progress a status implies when none is given. */
export function defaultProgress(status: MeasureStatus): number {
  return status === 'done' ? 100 : 0;
}
