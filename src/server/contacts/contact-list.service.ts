/**
 * Lists of contacts: a page of the office's contacts by filter, the contacts not heard from for N
 * months, and who held a post on a day. Personal data: each checks the contacts permission in the
 * scope it reads.
 */
import { today } from '../../shared/dates.js';
import { NATIONAL_CODE } from '../../shared/enums.js';
import type { ListEnvelope } from '../../shared/list.js';
import type {
  ContactCategory,
  ContactListQuery,
  ContactStaleQuery,
  PostHoldersQuery,
} from '../../shared/schemas/contact.js';
import type { ContactSummaryView, PostHoldersView, SilentListView } from '../../shared/schemas/contact-view.js';
import { normalizeQuery } from '../../shared/text.js';
import { type Actor, assertCanSeeContacts, effectiveScope } from '../auth/actor.js';
import type { DbOrTx } from '../db/client.js';
import { getDivision } from '../places/scope.js';
import { presentRole } from './contact.presenter.js';
import {
  type ContactFilter,
  contactSubtree,
  selectContactPage,
  selectPostHolders,
  selectStaleContactPage,
} from './contact.repo.js';
import { monthsBefore } from './contact.rules.js';
import { presentPage } from './contact.service.js';

/** The list filter of a query, in the actor's scope; also checks the contacts permission there. */
export function resolveFilter(
  actor: Actor,
  query: Pick<ContactListQuery, 'cn' | 'q' | 'category' | 'country'>,
): ContactFilter {
  const scope = effectiveScope(actor, query.cn);
  assertCanSeeContacts(actor, scope);
  const q = query.q ? normalizeQuery(query.q) : undefined;
  return {
    subtree: scope === NATIONAL_CODE ? undefined : contactSubtree(getDivision(scope, 'cn')),
    q: q || undefined,
    categories: query.category,
    countries: query.country,
  };
}

export async function listContacts({
  db,
  actor,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  query: ContactListQuery;
}): Promise<ListEnvelope<ContactSummaryView>> {
  const filter = resolveFilter(actor, query);
  // The same rule as the not-contacted list: the last touch or linked activity on or before the day.
  const { rows, total } = await selectContactPage(db, filter, query.asOf ?? today(), {
    limit: query.perPage,
    offset: (query.page - 1) * query.perPage,
  });
  return { data: await presentPage(db, rows), total, page: query.page, perPage: query.perPage };
}

/**
 * The "not contacted for N months" list: contacts whose last contact on or before `asOf` (the
 * latest touch or linked activity) is before the day N months before `asOf`, or who were never
 * contacted — those first, then the longest silent.
 */
export async function listSilentContacts({
  db,
  actor,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  query: ContactStaleQuery;
}): Promise<SilentListView> {
  const filter = resolveFilter(actor, query);
  const asOf = query.asOf ?? today();
  const cutoff = monthsBefore(asOf, query.months);
  const { rows, total } = await selectStaleContactPage(db, filter, asOf, cutoff, {
    limit: query.perPage,
    offset: (query.page - 1) * query.perPage,
  });
  return {
    data: await presentPage(db, rows),
    total,
    page: query.page,
    perPage: query.perPage,
    asOf,
    months: query.months,
    cutoff,
  };
}

/** Who held a post (words of the organisation and the post) on a day, or every holder in order. */
export async function findPostHolders({
  db,
  actor,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  query: PostHoldersQuery;
}): Promise<PostHoldersView> {
  const filter = resolveFilter(actor, { cn: query.cn });
  const rows = await selectPostHolders(db, normalizeQuery(query.post), filter.subtree, query.at);
  return {
    at: query.at ?? null,
    data: rows.map(({ role, contact }) => ({
      role: presentRole(role, query.at ?? today()),
      contact: {
        id: contact.id,
        category: contact.category as ContactCategory, // written from CONTACT_CATEGORIES only
        nameZh: contact.nameZh,
        nameEn: contact.nameEn,
        nameOriginal: contact.nameOriginal,
        isDemo: contact.isDemo,
      },
    })),
  };
}
