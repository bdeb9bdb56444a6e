/**
 * The public read API of open data: the published pairs with the list filters of /api/partnerships,
 * each presented with only the fields that may leave (no version, no internal notes), for anyone.
 */
import type { ListEnvelope } from '../../shared/list.js';
import type { OpenPartnershipListQuery } from '../../shared/schemas/open.js';
import type { OpenPartnershipView } from '../../shared/schemas/open-view.js';
import type { PartnershipView } from '../../shared/schemas/partnership-view.js';
import { ANONYMOUS_READER } from '../auth/actor.js';
import type { DbOrTx } from '../db/client.js';
import { listPartnerships } from '../partnerships/partnership.service.js';
import { getReferenceCache } from '../places/reference-cache.js';
import { publishedCondition } from './publication.repo.js';

export function presentOpenPartnership(p: PartnershipView): OpenPartnershipView {
  const division = getReferenceCache().divisions.get(p.cn.code);
  const internal = p.notesInternal;
  return {
    id: p.id,
    level: p.level,
    kind: p.kind,
    status: p.status,
    cn: { ...p.cn, wikidataId: division?.wikidataId ?? null },
    partner: p.partner,
    establishedOn: p.establishedOn,
    establishedPrecision: p.establishedPrecision,
    endedOn: p.endedOn,
    endedReason: internal ? null : p.endedReason,
    sourceUrl: p.sourceUrl,
    notes: internal ? null : p.notes,
    updatedAt: p.updatedAt,
  };
}

/** Published pairs only, whoever asks: the caller's own rights do not widen what is public. */
export async function listOpenPartnerships({
  db,
  query,
}: {
  db: DbOrTx;
  query: OpenPartnershipListQuery;
}): Promise<ListEnvelope<OpenPartnershipView>> {
  const page = await listPartnerships({
    db,
    actor: ANONYMOUS_READER,
    query: { ...query, stage: undefined, demo: undefined },
    where: [publishedCondition()],
  });
  return { ...page, data: page.data.map(presentOpenPartnership) };
}
