/** Database access for contacts, their roles, links and touches. */

import { and, asc, desc, eq, gte, inArray, isNull, like, lte, or, type SQL, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client.js';
import { insertOne, selectById } from '../db/records.js';
import {
  activities,
  contactLinks,
  contactRoles,
  contacts,
  contactTouches,
  foreignPlaces,
  partnerships,
} from '../db/schema.js';
import { escapeLike, readPage } from '../db/sql.js';
import { inDivisionSubtree } from '../db/subtree.js';
import { deleteIfVersion, updateIfVersion } from '../db/versioned.js';
import type { Division } from '../places/reference-cache.js';

export type ContactRow = typeof contacts.$inferSelect;
export type NewContact = typeof contacts.$inferInsert;
export type ContactRoleRow = typeof contactRoles.$inferSelect;
export type NewContactRole = typeof contactRoles.$inferInsert;
export type ContactTouchRow = typeof contactTouches.$inferSelect;

/** The contacts of a division and everything under it, by the denormalised codes. */
export function contactSubtree(division: Pick<Division, 'code' | 'level'>): SQL {
  return inDivisionSubtree(contacts, division);
}

export function selectContact(db: DbOrTx, id: number): Promise<ContactRow | undefined> {
  return selectById(db, contacts, id);
}

export function insertContact(db: DbOrTx, row: NewContact): Promise<ContactRow> {
  return insertOne(db, contacts, row);
}

export function updateContactIfVersion(db: DbOrTx, id: number, version: number, patch: Partial<NewContact>) {
  return updateIfVersion(db, contacts, id, version, patch);
}

export function deleteContactIfVersion(db: DbOrTx, id: number, version: number): Promise<boolean> {
  return deleteIfVersion(db, contacts, id, version);
}

/** Sets a contact's roles to exactly these. */
export async function replaceContactRoles(
  db: DbOrTx,
  contactId: number,
  roles: readonly Omit<NewContactRole, 'contactId'>[],
) {
  await db.delete(contactRoles).where(eq(contactRoles.contactId, contactId));
  if (roles.length === 0) return;
  await db.insert(contactRoles).values(roles.map((r) => ({ ...r, contactId })));
}

/** The roles of each contact, by contact id, newest term first. */
export async function selectContactRoles(
  db: DbOrTx,
  contactIds: readonly number[],
): Promise<Map<number, ContactRoleRow[]>> {
  const byContact = new Map<number, ContactRoleRow[]>(contactIds.map((id) => [id, []]));
  if (contactIds.length === 0) return byContact;
  const rows = await db
    .select()
    .from(contactRoles)
    .where(inArray(contactRoles.contactId, [...contactIds]))
    .orderBy(desc(contactRoles.fromOn), desc(contactRoles.id));
  for (const row of rows) byContact.get(row.contactId)?.push(row);
  return byContact;
}

/** Sets a contact's links to exactly these partnerships and activities. */
export async function replaceContactLinks(
  db: DbOrTx,
  contactId: number,
  partnershipIds: readonly number[],
  activityIds: readonly number[],
) {
  await db.delete(contactLinks).where(eq(contactLinks.contactId, contactId));
  const rows = [
    ...[...new Set(partnershipIds)].map((partnershipId) => ({ contactId, partnershipId })),
    ...[...new Set(activityIds)].map((activityId) => ({ contactId, activityId })),
  ];
  if (rows.length) await db.insert(contactLinks).values(rows);
}

export async function selectContactLinks(db: DbOrTx, contactId: number) {
  const rows = await db
    .select()
    .from(contactLinks)
    .where(eq(contactLinks.contactId, contactId))
    .orderBy(contactLinks.id);
  return {
    partnershipIds: rows.flatMap((r) => (r.partnershipId === null ? [] : [r.partnershipId])),
    activityIds: rows.flatMap((r) => (r.activityId === null ? [] : [r.activityId])),
  };
}

/** What a contact shows of a linked activity, and the division of its primary partnership for scope checks. */
export async function selectActivitySummaries(db: DbOrTx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: activities.id,
      partnershipId: activities.partnershipId,
      type: activities.type,
      occurredOn: activities.occurredOn,
      titleZh: activities.titleZh,
      titleEn: activities.titleEn,
    })
    .from(activities)
    .where(inArray(activities.id, [...new Set(ids)]))
    .orderBy(desc(activities.occurredOn), desc(activities.id));
}
export type ActivitySummaryRow = Awaited<ReturnType<typeof selectActivitySummaries>>[number];

export function insertTouch(db: DbOrTx, row: typeof contactTouches.$inferInsert): Promise<ContactTouchRow> {
  return insertOne(db, contactTouches, row);
}

export function selectTouch(db: DbOrTx, id: number): Promise<ContactTouchRow | undefined> {
  return selectById(db, contactTouches, id);
}

export async function deleteTouch(db: DbOrTx, id: number): Promise<void> {
  await db.delete(contactTouches).where(eq(contactTouches.id, id));
}

export async function selectTouches(db: DbOrTx, contactId: number): Promise<ContactTouchRow[]> {
  return db
    .select()
    .from(contactTouches)
    .where(eq(contactTouches.contactId, contactId))
    .orderBy(desc(contactTouches.touchedOn), desc(contactTouches.id));
}

/**
 * A contact's last contact on or before `asOf`: the latest of its touches and of its linked
 * activities (GREATEST skips nulls; null when there is neither).
 */
export function lastContactOf(asOf: string): SQL<string | null> {
  // Qualified by hand: drizzle leaves columns unqualified in a single-table select, and these
  // correlated subqueries name several tables with an "id".
  return sql<string | null>`greatest(
    (select max(t.touched_on) from contact_touches t
      where t.contact_id = "contacts"."id" and t.touched_on <= ${asOf}::date),
    (select max(a.occurred_on) from contact_links l join activities a on a.id = l.activity_id
      where l.contact_id = "contacts"."id" and a.occurred_on <= ${asOf}::date)
  )::text`;
}

export type ContactFilter = {
  subtree?: SQL;
  /** Normalised search text. */
  q?: string;
  categories?: string[];
  countries?: string[];
};

function filterConditions(filter: ContactFilter): SQL | undefined {
  const conditions = [
    filter.subtree,
    filter.q
      ? or(
          like(contacts.search, `%${escapeLike(filter.q)}%`),
          inArray(
            contacts.id,
            sql`(select ${contactRoles.contactId} from ${contactRoles} where ${contactRoles.search} like ${`%${escapeLike(filter.q)}%`})`,
          ),
        )
      : undefined,
    filter.categories ? inArray(contacts.category, filter.categories) : undefined,
    filter.countries ? inArray(contacts.countryIso2, filter.countries) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  return conditions.length ? and(...conditions) : undefined;
}

export type ContactListRow = ContactRow & { lastContact: string | null };

/** A page of contacts in name order, each with its last contact as of `asOf`. */
export async function selectContactPage(
  db: DbOrTx,
  filter: ContactFilter,
  asOf: string,
  page: { limit: number; offset: number },
): Promise<{ rows: ContactListRow[]; total: number }> {
  const where = filterConditions(filter);
  const { rows, total } = await readPage(
    db,
    () =>
      db
        .select({ contact: contacts, lastContact: lastContactOf(asOf) })
        .from(contacts)
        .where(where)
        .orderBy(asc(contacts.sortKey), asc(contacts.id))
        .limit(page.limit)
        .offset(page.offset),
    () => db.select({ n: sql<number>`count(*)::int` }).from(contacts).where(where),
  );
  return { rows: rows.map((r) => ({ ...r.contact, lastContact: r.lastContact })), total };
}

/**
 * Each contact's last contact on or before `asOf`, as one aggregate over the touches and the linked
 * activities (for the not-contacted list, which needs it for every contact of the scope: one pass
 * instead of two subqueries per contact).
 */
function lastContactTable(db: DbOrTx, asOf: string) {
  const days = unionAll(
    db
      .select({ contactId: contactTouches.contactId, day: contactTouches.touchedOn })
      .from(contactTouches)
      .where(lte(contactTouches.touchedOn, asOf)),
    db
      .select({ contactId: contactLinks.contactId, day: activities.occurredOn })
      .from(contactLinks)
      .innerJoin(activities, eq(activities.id, contactLinks.activityId))
      .where(lte(activities.occurredOn, asOf)),
  ).as('days');
  return db
    .select({ contactId: days.contactId, last: sql<string>`max(${days.day})::text`.as('last') })
    .from(days)
    .groupBy(days.contactId)
    .as('last_contact');
}

/**
 * Contacts not contacted since `cutoff` (their last contact on or before `asOf` is before it, or
 * there is none): those never contacted first, then the longest silent.
 */
export async function selectStaleContactPage(
  db: DbOrTx,
  filter: ContactFilter,
  asOf: string,
  cutoff: string,
  page: { limit: number; offset: number },
): Promise<{ rows: ContactListRow[]; total: number }> {
  const last = lastContactTable(db, asOf);
  const where = and(filterConditions(filter), or(isNull(last.last), sql`${last.last}::date < ${cutoff}::date`));
  const { rows, total } = await readPage(
    db,
    () =>
      db
        .select({ contact: contacts, lastContact: last.last })
        .from(contacts)
        .leftJoin(last, eq(last.contactId, contacts.id))
        .where(where)
        .orderBy(sql`${last.last} asc nulls first`, asc(contacts.sortKey), asc(contacts.id))
        .limit(page.limit)
        .offset(page.offset),
    () =>
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(contacts)
        .leftJoin(last, eq(last.contactId, contacts.id))
        .where(where),
  );
  return { rows: rows.map((r) => ({ ...r.contact, lastContact: r.lastContact ?? null })), total };
}

/** Every contact of a filter, in name order, with its last contact (for an export). */
export async function selectContactsForExport(db: DbOrTx, filter: ContactFilter, asOf: string, limit: number) {
  const rows = await db
    .select({ contact: contacts, lastContact: lastContactOf(asOf) })
    .from(contacts)
    .where(filterConditions(filter))
    .orderBy(asc(contacts.sortKey), asc(contacts.id))
    .limit(limit);
  return rows.map((r): ContactListRow => ({ ...r.contact, lastContact: r.lastContact }));
}

/**
 * Holders of the posts whose organisation and post match `q` (normalised): on day `at` (the term
 * started on or before it and had not ended), or every term when `at` is not given; oldest first.
 */
export async function selectPostHolders(db: DbOrTx, q: string, subtree: SQL | undefined, at: string | undefined) {
  const words = q.split(' ').filter((w) => w !== '');
  return db
    .select({ role: contactRoles, contact: contacts })
    .from(contactRoles)
    .innerJoin(contacts, eq(contacts.id, contactRoles.contactId))
    .where(
      and(
        ...words.map((w) => like(contactRoles.search, `%${escapeLike(w)}%`)),
        subtree,
        at ? lte(contactRoles.fromOn, at) : undefined,
        at ? or(isNull(contactRoles.toEnd), gte(contactRoles.toEnd, at)) : undefined,
      ),
    )
    .orderBy(asc(contactRoles.fromOn), asc(contactRoles.id));
}

/** The partnership of a division with a partner of this English name (for the demo file's links). */
export async function selectPartnershipIdByNames(db: DbOrTx, cnCode: string, partnerNameEn: string) {
  const rows = await db
    .select({ id: partnerships.id })
    .from(partnerships)
    .innerJoin(foreignPlaces, eq(foreignPlaces.id, partnerships.foreignPlaceId))
    .where(and(eq(partnerships.cnCode, cnCode), eq(foreignPlaces.nameEn, partnerNameEn)))
    .orderBy(partnerships.id)
    .limit(1);
  return rows[0]?.id;
}

/** The demo contacts already held, as "cnCode|nameEn", so that loading twice adds nothing. */
export async function selectDemoContactKeys(db: DbOrTx): Promise<Set<string>> {
  const rows = await db
    .select({ cnCode: contacts.cnCode, nameEn: contacts.nameEn })
    .from(contacts)
    .where(eq(contacts.isDemo, true));
  return new Set(rows.map((r) => `${r.cnCode}|${r.nameEn ?? ''}`));
}
