/** Inputs of the place endpoints. */
import { z } from 'zod';
import { ADMIN_LEVELS, DIVISION_LEVELS, LIMITS } from '../enums.js';
import { PageQuerySchema } from '../list.js';
import { CountryCodeSchema, DivisionCodeSchema } from './partnership.js';

export const DivisionListQuerySchema = PageQuerySchema.extend({
  parent: DivisionCodeSchema.optional().describe('Only the divisions directly under this one'),
  level: z.enum(DIVISION_LEVELS).optional(),
  q: z.string().trim().max(200).optional().describe('Chinese, English or pinyin'),
});
export type DivisionListQuery = z.infer<typeof DivisionListQuerySchema>;

export const ForeignPlaceListQuerySchema = PageQuerySchema.extend({
  country: CountryCodeSchema.optional(),
  q: z.string().trim().max(200).optional(),
});
export type ForeignPlaceListQuery = z.infer<typeof ForeignPlaceListQuerySchema>;

const name = z.string().trim().min(1).max(LIMITS.nameLength);

export const ForeignPlaceUpdateSchema = z
  .object({
    nameZh: name.nullish(),
    nameEn: name.nullish(),
    nameLocal: name.nullish(),
    adminLevel: z.enum(ADMIN_LEVELS).nullish(),
    lat: z.number().min(-90).max(90).nullish(),
    lng: z.number().min(-180).max(180).nullish(),
    population: z.number().int().min(0).max(100_000_000).nullish(),
    geonamesId: z.number().int().positive().max(2_147_483_647).nullish().describe('The place on GeoNames'),
    wikidataId: z
      .string()
      .regex(/^Q\d+$/, 'a Wikidata id such as Q3950')
      .nullish(),
  })
  .strict();
export type ForeignPlaceUpdateInput = z.infer<typeof ForeignPlaceUpdateSchema>;
