/** The fields of a foreign place that leave the server (their schema: shared/schemas/place-view.ts). */
import type { AdminLevel } from '../../shared/enums.js';
import type { ForeignPlaceView } from '../../shared/schemas/place-view.js';
import type { ForeignPlaceRow } from './place.repo.js';
import { getReferenceCache } from './reference-cache.js';

export function presentForeignPlace(place: Omit<ForeignPlaceRow, 'search' | 'sortKey' | 'nameKey'>): ForeignPlaceView {
  const country = getReferenceCache().countries.get(place.countryIso2);
  return {
    id: place.id,
    nameZh: place.nameZh,
    nameEn: place.nameEn,
    nameLocal: place.nameLocal,
    adminLevel: place.adminLevel as AdminLevel | null, // written from ADMIN_LEVELS only
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
