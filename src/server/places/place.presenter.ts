/** The fields of a foreign place that leave the server, and their schema. */
import { z } from 'zod';
import type { ForeignPlaceRow } from './place.repo.js';
import { getReferenceCache } from './reference-cache.js';

export const ForeignPlaceSchema = z
  .object({
    id: z.number().int(),
    nameZh: z.string().nullable(),
    nameEn: z.string().nullable(),
    nameLocal: z.string().nullable(),
    adminLevel: z.string().nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    population: z.number().nullable(),
    geonamesId: z.number().nullable(),
    wikidataId: z.string().nullable(),
    country: z.object({ iso2: z.string(), nameZh: z.string(), nameEn: z.string(), continent: z.string() }),
  })
  .meta({ id: 'ForeignPlace' });

export function presentForeignPlace(place: Omit<ForeignPlaceRow, 'search' | 'sortKey' | 'nameKey'>) {
  const country = getReferenceCache().countries.get(place.countryIso2);
  return {
    id: place.id,
    nameZh: place.nameZh,
    nameEn: place.nameEn,
    nameLocal: place.nameLocal,
    adminLevel: place.adminLevel,
    lat: place.lat,
    lng: place.lng,
    population: place.population,
    geonamesId: place.geonamesId,
    wikidataId: place.wikidataId,
    country: country
      ? { iso2: country.iso2, nameZh: country.nameZh, nameEn: country.nameEn, continent: country.continent }
      : { iso2: place.countryIso2, nameZh: place.countryIso2, nameEn: place.countryIso2, continent: '' },
  };
}
