/**
 * Contacts: the people an office keeps in touch with — partner-city officials, overseas Chinese,
 * international friends, experts — with the posts they held (kept, so "who held post P on day D" has
 * an answer), their links to partnerships and activities, and the dated touches.
 *
 * Contacts are personal data: every function starts with assertCanSeeContacts against the division
 * of the office that keeps the contact (writes also need the editor role there). They are never
 * public, and leave the system only by a deliberate export whose purpose goes into the audit trail.
 */

import { today } from '../../shared/dates.js';
import { type FieldIssue, notFound, validationFailed } from '../../shared/errors.js';
import type { ContactCreateInput, ContactRoleInput, ContactUpdateInput } from '../../shared/schemas/contact.js';
import type { ContactSummaryView, ContactView } from '../../shared/schemas/contact-view.js';
import { buildSearchText, sortKeyOf } from '../../shared/text.js';
import { selectPartnershipSummaries } from '../activities/activity.repo.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type Actor, assertCanRead, assertCanSeeContacts, assertCanWrite } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { staleVersion } from '../db/versioned.js';
import { getReferenceCache } from '../places/reference-cache.js';
import { getDivision } from '../places/scope.js';
import {
  presentActivityLink,
  presentContactSummary,
  presentPartnershipLink,
  presentRole,
  presentTouch,
} from './contact.presenter.js';
import {
  type ContactListRow,
  type ContactRow,
  deleteContactIfVersion,
  insertContact,
  type NewContact,
  replaceContactLinks,
  replaceContactRoles,
  selectActivitySummaries,
  selectContact,
  selectContactLinks,
  selectContactRoles,
  selectTouches,
  updateContactIfVersion,
} from './contact.repo.js';
import { lastContactFrom, roleDates } from './contact.rules.js';

/** A contact with everything on its page: every field, role history, links, touches, last contact. */
async function presentContactDetail(db: DbOrTx, row: ContactRow): Promise<ContactView> {
  const roles = (await selectContactRoles(db, [row.id])).get(row.id) ?? [];
  const links = await selectContactLinks(db, row.id);
  const partnershipsById = new Map((await selectPartnershipSummaries(db, links.partnershipIds)).map((p) => [p.id, p]));
  const partnerships = links.partnershipIds.map((id) => partnershipsById.get(id)).filter((p) => p !== undefined);
  const activities = await selectActivitySummaries(db, links.activityIds);
  const touches = await selectTouches(db, row.id);
  return {
    ...presentContactSummary(row, roles, lastContactFrom(touches, activities, today())),
    languages: row.languages,
    email: row.email,
    phone: row.phone,
    notes: row.notes,
    /** Every post held, the latest term first. */
    roles: roles.map((r) => presentRole(r)),
    partnershipIds: partnerships.map((p) => p.id),
    partnerships: partnerships.map(presentPartnershipLink),
    activityIds: activities.map((a) => a.id),
    activities: activities.map(presentActivityLink),
    touches: touches.map(presentTouch),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function presentPage(db: DbOrTx, rows: ContactListRow[]): Promise<ContactSummaryView[]> {
  const roles = await selectContactRoles(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => presentContactSummary(row, roles.get(row.id) ?? [], row.lastContact));
}

// --- Rules ---

/** The derived columns: the subtree codes of the office's division, the search text and the sort key. */
function derivedColumns(
  cnCode: string,
  fields: Pick<NewContact, 'nameZh' | 'nameEn' | 'nameOriginal' | 'organisation' | 'city' | 'countryIso2' | 'email'>,
) {
  const division = getDivision(cnCode);
  const country = fields.countryIso2 ? getReferenceCache().countries.get(fields.countryIso2) : undefined;
  return {
    provinceCode: division.provinceCode,
    prefectureCode: division.prefectureCode ?? null,
    search: buildSearchText([
      fields.nameZh,
      fields.nameEn,
      fields.nameOriginal,
      fields.organisation,
      fields.city,
      country?.nameZh,
      country?.nameEn,
      fields.email,
    ]),
    sortKey: sortKeyOf(fields.nameZh ?? fields.nameEn ?? fields.nameOriginal),
  };
}

/**
 * The checks an input needs beyond its schema: a known country, roles that have started (and
 * ended, if they have an end) by today, and links to partnerships and activities that exist and
 * that the actor may read.
 */
async function checkContact(
  db: DbOrTx,
  actor: Actor,
  input: { countryIso2?: string | null; roles?: ContactRoleInput[]; partnershipIds?: number[]; activityIds?: number[] },
) {
  const issues: FieldIssue[] = [];
  if (input.countryIso2 && !getReferenceCache().countries.has(input.countryIso2)) {
    issues.push({
      path: 'countryIso2',
      rule: 'unknown_country',
      value: input.countryIso2,
      message: `${input.countryIso2} is not a country known to Amity`,
      fix: 'use the ISO 3166 alpha-2 code of a foreign country, e.g. GH',
    });
  }
  const now = today();
  (input.roles ?? []).forEach((role, i) => {
    for (const key of ['from', 'to'] as const) {
      const value = role[key];
      if (value && roleDates(value, null).fromOn > now) {
        issues.push({
          path: `roles.${i}.${key}`,
          rule: 'future_date',
          value,
          message: `the term’s ${key === 'from' ? 'start' : 'end'} is in the future`,
          fix: key === 'from' ? 'add a post once its term has started' : 'leave the end empty while the term runs',
        });
      }
    }
  });
  const partnershipIds = input.partnershipIds ?? [];
  const found = new Map((await selectPartnershipSummaries(db, partnershipIds)).map((p) => [p.id, p]));
  partnershipIds.forEach((id, i) => {
    const p = found.get(id);
    if (!p) {
      issues.push({
        path: `partnershipIds.${i}`,
        rule: 'unknown_partnership',
        value: id,
        message: `partnership #${id} does not exist`,
        fix: 'choose existing partnerships',
      });
    } else assertCanRead(actor, p.cnCode);
  });
  const activityIds = input.activityIds ?? [];
  const activities = new Map((await selectActivitySummaries(db, activityIds)).map((a) => [a.id, a]));
  const primaries = new Map(
    (
      await selectPartnershipSummaries(
        db,
        [...activities.values()].map((a) => a.partnershipId),
      )
    ).map((p) => [p.id, p]),
  );
  activityIds.forEach((id, i) => {
    const a = activities.get(id);
    if (!a) {
      issues.push({
        path: `activityIds.${i}`,
        rule: 'unknown_activity',
        value: id,
        message: `activity #${id} does not exist`,
        fix: 'choose existing activities',
      });
    } else {
      const primary = primaries.get(a.partnershipId);
      if (primary) assertCanRead(actor, primary.cnCode);
    }
  });
  if (issues.length) throw validationFailed(issues);
}

function roleRows(roles: readonly ContactRoleInput[]) {
  return roles.map((r) => ({
    organisation: r.organisation,
    post: r.post,
    ...roleDates(r.from, r.to),
    search: buildSearchText([r.organisation, r.post]),
  }));
}

type Details = Omit<ContactUpdateInput, 'version' | 'category' | 'roles' | 'partnershipIds' | 'activityIds'>;

/** The plain columns of an input, each taken from `current` when the input leaves it out. */
function detailColumns(input: Details, current?: ContactRow) {
  const pick = <K extends keyof Details & keyof ContactRow>(key: K): ContactRow[K] | null => {
    const value = input[key];
    if (value === undefined) return current ? current[key] : null;
    return (value === '' ? null : value) as ContactRow[K] | null;
  };
  return {
    nameZh: pick('nameZh'),
    nameEn: pick('nameEn'),
    nameOriginal: pick('nameOriginal'),
    countryIso2: pick('countryIso2'),
    city: pick('city'),
    organisation: pick('organisation'),
    languages: [...new Set(input.languages ?? current?.languages ?? [])],
    email: pick('email'),
    phone: pick('phone'),
    notes: pick('notes'),
  };
}

/** The contact's row after checking the actor may see the contacts of its office. */
export async function visible(db: DbOrTx, actor: Actor, id: number): Promise<ContactRow> {
  const row = await selectContact(db, id);
  // The same answer whether the contact is missing or hidden would leak nothing; but a missing
  // contact cannot be checked against a division, so the permission alone is checked first.
  if (!row) {
    assertCanSeeContacts(actor, actor.scopeCode);
    throw notFound('contact', id);
  }
  assertCanSeeContacts(actor, row.cnCode);
  return row;
}

// --- Records ---

export async function createContact({
  db,
  actor,
  input,
  isDemo = false,
}: {
  db: Db;
  actor: Actor;
  input: ContactCreateInput;
  isDemo?: boolean;
}): Promise<ContactView> {
  assertCanSeeContacts(actor, input.cnCode);
  assertCanWrite(actor, input.cnCode);
  return db.transaction(async (tx) => {
    await checkContact(tx, actor, input);
    const columns = detailColumns(input);
    const row = await insertContact(tx, {
      cnCode: input.cnCode,
      category: input.category,
      ...columns,
      ...derivedColumns(input.cnCode, columns),
      isDemo,
    });
    await replaceContactRoles(tx, row.id, roleRows(input.roles ?? []));
    await replaceContactLinks(tx, row.id, input.partnershipIds ?? [], input.activityIds ?? []);
    const view = await presentContactDetail(tx, row);
    await writeAudit(tx, actor, {
      entity: 'contact',
      entityId: row.id,
      action: 'create',
      cnCode: row.cnCode,
      after: view,
    });
    return view;
  });
}

export async function getContact({ db, actor, id }: { db: DbOrTx; actor: Actor; id: number }): Promise<ContactView> {
  return presentContactDetail(db, await visible(db, actor, id));
}

export async function updateContact({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: ContactUpdateInput;
}): Promise<ContactView> {
  return db.transaction(async (tx) => {
    const current = await visible(tx, actor, id);
    assertCanWrite(actor, current.cnCode);
    const before = await presentContactDetail(tx, current);
    if (current.version !== input.version) throw staleVersion('contact', current);
    await checkContact(tx, actor, input);
    const columns = detailColumns(input, current);
    if (!columns.nameZh && !columns.nameEn && !columns.nameOriginal) {
      throw validationFailed([
        { path: 'nameZh', rule: 'required', message: 'a contact needs a name', fix: 'keep at least one name' },
      ]);
    }
    const updated = await updateContactIfVersion(tx, id, input.version, {
      category: input.category ?? current.category,
      ...columns,
      ...derivedColumns(current.cnCode, columns),
    });
    if (!updated) throw staleVersion('contact', current);
    if (input.roles) await replaceContactRoles(tx, id, roleRows(input.roles));
    if (input.partnershipIds || input.activityIds) {
      await replaceContactLinks(
        tx,
        id,
        input.partnershipIds ?? before.partnershipIds,
        input.activityIds ?? before.activityIds,
      );
    }
    const view = await presentContactDetail(tx, updated);
    await writeAudit(tx, actor, {
      entity: 'contact',
      entityId: id,
      action: 'update',
      cnCode: current.cnCode,
      before,
      after: view,
    });
    return view;
  });
}

export async function deleteContact({ db, actor, id, version }: { db: Db; actor: Actor; id: number; version: number }) {
  await db.transaction(async (tx) => {
    const current = await visible(tx, actor, id);
    assertCanWrite(actor, current.cnCode);
    const before = await presentContactDetail(tx, current);
    if (current.version !== version || !(await deleteContactIfVersion(tx, id, version)))
      throw staleVersion('contact', current);
    await writeAudit(tx, actor, { entity: 'contact', entityId: id, action: 'delete', cnCode: current.cnCode, before });
  });
}
