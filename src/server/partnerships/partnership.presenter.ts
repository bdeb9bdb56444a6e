/** The fields of a partnership that leave the server: nothing else does. */
import { formatPartialDate } from '../../shared/dates.js';
import type { Precision } from '../../shared/enums.js';
import { presentForeignPlace } from '../places/place.presenter.js';
import type { PartnershipListed } from './partnership.repo.js';

export function presentPartnership({ p, cn, place }: PartnershipListed) {
  return {
    id: p.id,
    level: p.level,
    kind: p.kind,
    stage: p.stage,
    status: p.status,
    cn: { code: cn.code, nameZh: cn.nameZh, nameEn: cn.nameEn, level: cn.level },
    partner: presentForeignPlace(place),
    establishedOn: p.establishedOn ? formatPartialDate(p.establishedOn, p.establishedPrecision as Precision) : null,
    establishedPrecision: p.establishedPrecision,
    endedOn: p.endedOn,
    endedReason: p.endedReason,
    sourceUrl: p.sourceUrl,
    notes: p.notes,
    isDemo: p.isDemo,
    isPublic: p.isPublic,
    notesInternal: p.notesInternal,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export type PartnershipView = ReturnType<typeof presentPartnership>;
