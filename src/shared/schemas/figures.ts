/**
 * Inputs and outputs of the figures API: the numbers of a scope as of a date, and the records
 * behind each of them. Used by the API, the CLI and the web app.
 */
import { z } from 'zod';
import { CONTINENTS, KINDS, LEVELS } from '../enums.js';
import { PageQuerySchema } from '../list.js';
import { DaySchema, PartialDateSchema } from './partnership.js';

export const FiguresQuerySchema = z.object({
  scope: z
    .string()
    .regex(/^\d{6}$/, 'a six-digit GB/T 2260 code such as 430000, or 000000 for the whole country')
    .describe('GB/T 2260 code of a province, prefecture or county; 000000 for the whole country'),
  asOf: DaySchema.optional().describe('The day the figures are for (YYYY-MM-DD); today (UTC) when omitted'),
  since: PartialDateSchema.optional().describe(
    'Also count the pairs established on or after this date (a partial date counts from its first day)',
  ),
  kind: z
    .enum(KINDS)
    .default('friendship')
    .describe('friendship (友好城市) | exchange (友好交流城市), counted separately'),
});
export type FiguresQuery = z.infer<typeof FiguresQuerySchema>;

/** Figure names whose records can be listed, e.g. "byLevel.city" or "groups.bri.places". */
export const FIGURE_NAME_PATTERN = new RegExp(
  `^(?:${[
    'total',
    `byLevel\\.(?:${LEVELS.join('|')})`,
    'countries',
    'foreignPlaces',
    `byContinent\\.(?:${CONTINENTS.join('|')})`,
    'since',
    'groups\\.[a-z0-9_-]{1,40}\\.(?:countries|places)',
    'rank',
  ].join('|')})$`,
);

export const FigureNameSchema = z
  .string()
  .regex(
    FIGURE_NAME_PATTERN,
    'one of total, byLevel.<provincial|city|county>, countries, foreignPlaces, byContinent.<continent>, since, ' +
      'groups.<code>.countries, groups.<code>.places, rank',
  )
  .describe('The figure whose records to list, e.g. byLevel.city, byContinent.africa, groups.bri.places, rank');

export const FigureRecordsQuerySchema = FiguresQuerySchema.extend({ figure: FigureNameSchema }).extend(
  PageQuerySchema.shape,
);
export type FigureRecordsQuery = z.infer<typeof FigureRecordsQuerySchema>;

const count = z.number().int().min(0);

export const FiguresSchema = z
  .object({
    scope: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
    asOf: z.string().describe('YYYY-MM-DD'),
    kind: z.enum(KINDS),
    total: count.describe('Pairs that exist on asOf: established on or before it (or undated), not ended by it'),
    byLevel: z.object({ provincial: count, city: count, county: count }),
    countries: count.describe('Distinct partner countries'),
    foreignPlaces: count.describe('Distinct foreign partner places'),
    byContinent: z.object({ asia: count, europe: count, africa: count, americas: count, oceania: count }),
    since: z
      .object({
        from: z.string().describe('YYYY-MM-DD'),
        count: count.describe('Pairs counted in total that were established on or after from'),
        monthsPerNew: z.number().nullable().describe('Months from `from` to asOf per new pair, one decimal'),
      })
      .nullable(),
    groups: z.record(z.string(), z.object({ countries: count, places: count })),
    rank: z
      .object({
        position: z.number().int().min(1),
        of: z.number().int().min(1),
        basis: z.enum(['registry', 'benchmarks']),
      })
      .nullable()
      .describe('Rank among the provinces; null when the scope is not a province'),
  })
  .meta({ id: 'Figures' });
export type Figures = z.infer<typeof FiguresSchema>;

/** One partnership behind a figure: a compact, whitelisted view. */
export const FigureRecordSchema = z
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
    level: z.string(),
    kind: z.string(),
    status: z.string(),
    establishedOn: z.string().nullable().describe('At its precision: YYYY, YYYY-MM or YYYY-MM-DD'),
    endedOn: z.string().nullable(),
  })
  .meta({ id: 'FigureRecord' });
export type FigureRecord = z.infer<typeof FigureRecordSchema>;

/** One province in a ranking: a benchmark row used, or a total from the registry. */
export const RankRecordSchema = z
  .object({
    position: z.number().int().min(1),
    scopeCode: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    total: count,
    source: z.enum(['registry', 'benchmark']),
    isScope: z.boolean().describe('True for the province the figures are about'),
    benchmark: z
      .object({
        id: z.number().int(),
        asOf: z.string().describe('At its precision'),
        source: z.string(),
        sourceUrl: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'RankRecord' });
export type RankRecord = z.infer<typeof RankRecordSchema>;
