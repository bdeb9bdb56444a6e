/** The fields of a partnership that leave the server: nothing else does. */
import { formatPartialDate } from '../../shared/dates.js';
import type { Kind, Level, Precision, Status } from '../../shared/enums.js';
import type { Stage } from '../../shared/lifecycle.js';
import type { PartnershipView } from '../../shared/schemas/partnership-view.js';
import { presentForeignPlace } from '../places/place.presenter.js';
import type { PartnershipListed } from './partnership.repo.js';

export function presentPartnership({ p, cn, place }: PartnershipListed): PartnershipView {
  return {
    id: p.id,
    // The columns hold only what the services write from LEVELS, KINDS, STAGES, STATUSES, PRECISIONS.
    level: p.level as Level,
    kind: p.kind as Kind,
    stage: p.stage as Stage,
    status: p.status as Status,
    cn: { code: cn.code, nameZh: cn.nameZh, nameEn: cn.nameEn, level: cn.level },
    partner: presentForeignPlace(place),
    establishedOn: p.establishedOn ? formatPartialDate(p.establishedOn, p.establishedPrecision as Precision) : null,
    establishedPrecision: p.establishedPrecision as Precision | null,
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
