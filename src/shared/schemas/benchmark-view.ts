/**
 * What the benchmark endpoints send back: a sourced figure with the names of its scope. The
 * presenter is typed by this schema, the OpenAPI document is written from it and the web app reads
 * its type from it.
 */
import { z } from 'zod';
import { KINDS, PRECISIONS } from '../enums.js';
import { oneOf } from './view-fields.js';

const count = z.number().int().nullable();
export const BenchmarkSchema = z
  .object({
    id: z.number().int(),
    scope: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
    kind: oneOf(KINDS),
    total: z.number().int(),
    provincial: count,
    city: count,
    county: count,
    countries: count,
    asOf: z.string().describe('At its precision'),
    asOfPrecision: oneOf(PRECISIONS),
    source: z.string(),
    sourceUrl: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Benchmark' });
export type BenchmarkView = z.infer<typeof BenchmarkSchema>;
