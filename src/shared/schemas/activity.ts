/** Inputs of the activity API. */
import { z } from 'zod';
import { ACTIVITY_TYPES, LIMITS } from '../enums.js';
import { csvList, PageQuerySchema } from '../list.js';
import { DaySchema, DivisionCodeSchema } from './partnership.js';

const text = (max: number) => z.string().trim().max(max).nullish();

export const ActivityCreateSchema = z
  .object({
    partnershipId: z.number().int().positive(),
    type: z.enum(ACTIVITY_TYPES).describe(ACTIVITY_TYPES.join(' | ')),
    occurredOn: DaySchema,
    titleZh: text(LIMITS.nameLength),
    titleEn: text(LIMITS.nameLength),
    description: text(LIMITS.notesLength),
    sourceUrl: z.url().max(LIMITS.urlLength).nullish(),
  })
  .strict()
  .refine((a) => Boolean(a.titleZh || a.titleEn), { message: 'give titleZh or titleEn', path: ['titleZh'] });
export type ActivityCreateInput = z.infer<typeof ActivityCreateSchema>;

export const ActivityUpdateSchema = z
  .object({
    version: z.number().int().positive(),
    type: z.enum(ACTIVITY_TYPES).optional(),
    occurredOn: DaySchema.optional(),
    titleZh: text(LIMITS.nameLength),
    titleEn: text(LIMITS.nameLength),
    description: text(LIMITS.notesLength),
    sourceUrl: z.url().max(LIMITS.urlLength).nullish(),
  })
  .strict();
export type ActivityUpdateInput = z.infer<typeof ActivityUpdateSchema>;

export const ActivityListQuerySchema = PageQuerySchema.extend({
  partnership: z.coerce.number().int().positive().optional(),
  cn: DivisionCodeSchema.optional().describe('Activities of the pairs of this division and everything under it'),
  type: csvList(z.enum(ACTIVITY_TYPES)),
  from: DaySchema.optional().describe('On or after this day'),
  to: DaySchema.optional().describe('On or before this day'),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuerySchema>;
