/**
 * A foreign place as the partner of pairs: correcting it (names, coordinates) re-keys the place and
 * refreshes the search text of every pair it is in, in one transaction. It lives with the
 * partnerships because it writes pairs; the places feature knows nothing of partnerships.
 */
import type { ForeignPlaceUpdateInput } from '../../shared/schemas/place.js';
import { type Actor, assertCanWrite } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { presentForeignPlace } from '../places/place.presenter.js';
import { correctForeignPlace, definedFields, getForeignPlace } from '../places/place.service.js';
import { getReferenceCache } from '../places/reference-cache.js';
import { selectPartnershipsOfPlace, setSearchFields } from './partnership.repo.js';
import { derivedColumns } from './partnership.service.js';

/** A rename onto another place's name in the same country is a conflict (409). */
export async function updateForeignPlace({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: ForeignPlaceUpdateInput;
}) {
  await db.transaction(async (tx) => {
    const current = await getForeignPlace(tx, id);
    // A place is shared by every pair it is in: only someone who may edit all of them renames it.
    const pairs = await selectPartnershipsOfPlace(tx, id);
    if (pairs.length === 0) assertCanWrite(actor, actor.scopeCode);
    for (const joined of pairs) assertCanWrite(actor, joined.p.cnCode);
    await correctForeignPlace(tx, actor, current, input);
    const cache = getReferenceCache();
    for (const joined of pairs) {
      const division = cache.divisions.get(joined.p.cnCode);
      if (!division) continue;
      const derived = derivedColumns(division, { ...joined.place, ...definedFields(input) });
      await setSearchFields(tx, joined.p.id, derived.search, derived.sortKey);
    }
  });
  return presentForeignPlace(await getForeignPlace(db, id));
}
