/** Inputs of the benchmark API: sourced, dated figures about a province or the nation. */
import { z } from 'zod';
import { KINDS, LIMITS } from '../enums.js';
import { PageQuerySchema } from '../list.js';
import { DivisionCodeSchema, PartialDateSchema } from './partnership.js';

const count = z.number().int().min(0).max(1_000_000).nullish();

const fields = {
  scopeCode: DivisionCodeSchema.describe('GB/T 2260 code of a province, or 000000 for the whole country'),
  kind: z.enum(KINDS).default('friendship'),
  total: z.number().int().min(0).max(1_000_000),
  provincial: count,
  city: count,
  county: count,
  countries: count.describe('Number of partner countries, when the source gives it'),
  asOf: PartialDateSchema.describe('As precise as the source: YYYY, YYYY-MM or YYYY-MM-DD'),
  source: z.string().trim().min(1).max(LIMITS.notesLength).describe('Who published it, where and when'),
  sourceUrl: z.url().max(LIMITS.urlLength).nullish(),
};

export const BenchmarkCreateSchema = z.object(fields).strict();
export type BenchmarkCreateInput = z.infer<typeof BenchmarkCreateSchema>;

export const BenchmarkUpdateSchema = z
  .object({
    version: z.number().int().positive(),
    scopeCode: fields.scopeCode.optional(),
    kind: z.enum(KINDS).optional(),
    total: fields.total.optional(),
    provincial: count,
    city: count,
    county: count,
    countries: count,
    asOf: fields.asOf.optional(),
    source: fields.source.optional(),
    sourceUrl: fields.sourceUrl,
  })
  .strict();
export type BenchmarkUpdateInput = z.infer<typeof BenchmarkUpdateSchema>;

export const BenchmarkListQuerySchema = PageQuerySchema.extend({
  scope: DivisionCodeSchema.optional(),
  kind: z.enum(KINDS).optional(),
});
export type BenchmarkListQuery = z.infer<typeof BenchmarkListQuerySchema>;
