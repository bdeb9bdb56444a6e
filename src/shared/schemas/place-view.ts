/**
 * What the place endpoints send back: foreign places, countries, divisions and country groups. The
 * server's presenters are typed by these schemas, the OpenAPI document is written from them and the
 * web app reads its types from them, so a field is described once.
 */
import { z } from 'zod';
import { ADMIN_LEVELS } from '../enums.js';
import { oneOf } from './view-fields.js';

export const ForeignPlaceSchema = z
  .object({
    id: z.number().int(),
    nameZh: z.string().nullable(),
    nameEn: z.string().nullable(),
    nameLocal: z.string().nullable(),
    adminLevel: oneOf(ADMIN_LEVELS).nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    population: z.number().nullable(),
    geonamesId: z.number().nullable(),
    wikidataId: z.string().nullable(),
    country: z.object({ iso2: z.string(), nameZh: z.string(), nameEn: z.string(), continent: z.string() }),
  })
  .meta({ id: 'ForeignPlace' });
export type ForeignPlaceView = z.infer<typeof ForeignPlaceSchema>;

export const CountrySchema = z
  .object({
    iso2: z.string(),
    iso3: z.string(),
    numeric: z.string().nullable().describe('ISO 3166 numeric: the key of the world map'),
    nameZh: z.string(),
    nameEn: z.string(),
    continent: z.string(),
  })
  .meta({ id: 'Country' });
export type CountryView = z.infer<typeof CountrySchema>;

export const DivisionSchema = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    level: z.string().describe('province | prefecture | county'),
    parentCode: z.string().nullable(),
    path: z.string().describe('Name path, e.g. 湖南省/长沙市'),
  })
  .meta({ id: 'Division' });
export type DivisionView = z.infer<typeof DivisionSchema>;

export const CountryGroupSchema = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    description: z.string().nullable(),
    source: z.string().nullable(),
    members: z.array(z.object({ iso2: z.string(), joinedOn: z.string().nullable(), source: z.string().nullable() })),
  })
  .meta({ id: 'CountryGroup' });
export type CountryGroupView = z.infer<typeof CountryGroupSchema>;
