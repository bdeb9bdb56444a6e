/** The one list envelope and paging query used by every list endpoint. */
import { z } from 'zod';
import { LIMITS } from './enums.js';

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).describe('Page number, from 1'),
  perPage: z.coerce
    .number()
    .int()
    .min(1)
    .max(LIMITS.perPageMax)
    .default(LIMITS.perPageDefault)
    .describe(`Rows per page (at most ${LIMITS.perPageMax})`),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export type ListEnvelope<T> = { data: T[]; total: number; page: number; perPage: number };

export function envelopeSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), total: z.number().int(), page: z.number().int(), perPage: z.number().int() });
}

/** A comma-separated list in a query string ("city,county") or a repeated parameter. */
export function csvList<T extends z.ZodType<string>>(item: T) {
  return z.preprocess((value) => {
    if (value === undefined || value === '') return undefined;
    const parts = Array.isArray(value) ? value : String(value).split(',');
    return parts.map((p) => String(p).trim()).filter((p) => p !== '');
  }, z.array(item).min(1).optional());
}
