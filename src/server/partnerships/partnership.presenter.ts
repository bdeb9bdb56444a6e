/** The fields of a partnership that leave the server: nothing else does. */
import { formatPartialDate } from '../../shared/dates.js';
import type { Precision } from '../../shared/enums.js';
import type { PartnershipJoined } from './partnership.repo.js';

export function presentPartnership({ p, cn, place, country }: PartnershipJoined) {
  return {
    id: p.id,
    level: p.level,
    kind: p.kind,
    status: p.status,
    cn: { code: cn.code, nameZh: cn.nameZh, nameEn: cn.nameEn, level: cn.level },
    partner: {
      id: place.id,
      nameZh: place.nameZh,
      nameEn: place.nameEn,
      nameLocal: place.nameLocal,
      adminLevel: place.adminLevel,
      lat: place.lat,
      lng: place.lng,
      population: place.population,
      country: { iso2: country.iso2, nameZh: country.nameZh, nameEn: country.nameEn, continent: country.continent },
    },
    establishedOn: p.establishedOn ? formatPartialDate(p.establishedOn, p.establishedPrecision as Precision) : null,
    establishedPrecision: p.establishedPrecision,
    endedOn: p.endedOn,
    endedReason: p.endedReason,
    sourceUrl: p.sourceUrl,
    notes: p.notes,
    isDemo: p.isDemo,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export type PartnershipView = ReturnType<typeof presentPartnership>;
