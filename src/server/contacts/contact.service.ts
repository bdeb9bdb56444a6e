/**
 * Contacts: the people an office keeps in touch with — partner-city officials, overseas Chinese,
 * international friends, experts — with the posts they held (kept, so "who held post P on day D" has
 * an answer), their links to partnerships and activities, and the dated touches.
 *
 * Contacts are personal data: every function starts with assertCanSeeContacts against the division
 * of the office that keeps the contact (writes also need the editor role there). They are never
 * public, and leave the system only by a deliberate export whose purpose goes into the audit trail.
 */

import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { formatPartialDate, today } from '../../shared/dates.js';
import { NATIONAL_CODE, type Precision } from '../../shared/enums.js';
import { type FieldIssue, notFound, validationFailed } from '../../shared/errors.js';
import type { ListEnvelope } from '../../shared/list.js';
import {
  CONTACT_LIMITS,
  type ContactCreateInput,
  type ContactExportInput,
  type ContactListQuery,
  type ContactRoleInput,
  type ContactStaleQuery,
  type ContactTouchCreateInput,
  type ContactUpdateInput,
  type PostHoldersQuery,
} from '../../shared/schemas/contact.js';
import { buildSearchText, normalizeQuery, sortKeyOf } from '../../shared/text.js';
import { selectPartnershipSummaries } from '../activities/activity.repo.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type Actor, assertCanRead, assertCanSeeContacts, assertCanWrite, effectiveScope } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { staleVersion } from '../db/versioned.js';
import { neutraliseCell } from '../imports/export.service.js';
import { getReferenceCache } from '../places/reference-cache.js';
import { getDivision } from '../places/scope.js';
import {
  type ActivitySummaryRow,
  type ContactFilter,
  type ContactListRow,
  type ContactRoleRow,
  type ContactRow,
  type ContactTouchRow,
  contactSubtree,
  deleteContactIfVersion,
  deleteTouch,
  insertContact,
  insertTouch,
  type NewContact,
  replaceContactLinks,
  replaceContactRoles,
  selectActivitySummaries,
  selectContact,
  selectContactLinks,
  selectContactPage,
  selectContactRoles,
  selectContactsForExport,
  selectPostHolders,
  selectStaleContactPage,
  selectTouch,
  selectTouches,
  updateContactIfVersion,
} from './contact.repo.js';
import { monthsBefore, roleCovers, roleDates } from './contact.rules.js';

// --- Presenters: what leaves the server ---

export function presentRole(row: ContactRoleRow, day: string = today()) {
  return {
    id: row.id,
    organisation: row.organisation,
    post: row.post,
    from: formatPartialDate(row.fromOn, row.fromPrecision as Precision),
    to: row.toOn ? formatPartialDate(row.toOn, row.toPrecision as Precision) : null,
    /** Whether the term runs today. */
    isCurrent: roleCovers(row, day),
  };
}
export type ContactRoleView = ReturnType<typeof presentRole>;

function divisionNames(code: string) {
  const division = getReferenceCache().divisions.get(code);
  return { cnNameZh: division?.nameZh ?? code, cnNameEn: division?.nameEn ?? code };
}

/** The fields of a contact shown in lists: names, where, what, current posts and last contact. */
export function presentContactSummary(row: ContactRow, roles: ContactRoleRow[], lastContact: string | null) {
  return {
    id: row.id,
    cnCode: row.cnCode,
    ...divisionNames(row.cnCode),
    category: row.category,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    nameOriginal: row.nameOriginal,
    countryIso2: row.countryIso2,
    city: row.city,
    organisation: row.organisation,
    /** Posts whose term runs today. */
    currentRoles: roles.map((r) => presentRole(r)).filter((r) => r.isCurrent),
    lastContact,
    isDemo: row.isDemo,
    version: row.version,
  };
}
export type ContactSummaryView = ReturnType<typeof presentContactSummary>;

export function presentTouch(row: ContactTouchRow) {
  return {
    id: row.id,
    contactId: row.contactId,
    touchedOn: row.touchedOn,
    channel: row.channel,
    note: row.note,
    isDemo: row.isDemo,
    createdAt: row.createdAt.toISOString(),
  };
}
export type ContactTouchView = ReturnType<typeof presentTouch>;

function presentActivityLink(a: ActivitySummaryRow) {
  return {
    id: a.id,
    partnershipId: a.partnershipId,
    type: a.type,
    occurredOn: a.occurredOn,
    titleZh: a.titleZh,
    titleEn: a.titleEn,
  };
}

type PartnershipSummary = Awaited<ReturnType<typeof selectPartnershipSummaries>>[number];

function presentPartnershipLink(p: PartnershipSummary) {
  return {
    id: p.id,
    cnCode: p.cnCode,
    ...divisionNames(p.cnCode),
    countryIso2: p.countryIso2,
    partnerNameZh: p.partnerNameZh,
    partnerNameEn: p.partnerNameEn,
  };
}

/** The last contact on or before today: the latest touch or linked activity. */
function lastContactFrom(touches: ContactTouchRow[], activities: ActivitySummaryRow[], asOf: string): string | null {
  const days = [...touches.map((t) => t.touchedOn), ...activities.map((a) => a.occurredOn)].filter((d) => d <= asOf);
  // ISO days sort as text; the last is the latest.
  return days.sort().at(-1) ?? null;
}

/** A contact with everything on its page: every field, role history, links, touches, last contact. */
async function presentContactDetail(db: DbOrTx, row: ContactRow) {
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
export type ContactView = Awaited<ReturnType<typeof presentContactDetail>>;

async function presentPage(db: DbOrTx, rows: ContactListRow[]): Promise<ContactSummaryView[]> {
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
async function visible(db: DbOrTx, actor: Actor, id: number): Promise<ContactRow> {
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

/** The list filter of a query, in the actor's scope; also checks the contacts permission there. */
function resolveFilter(
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
  const { rows, total } = await selectContactPage(db, filter, today(), {
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
}): Promise<ListEnvelope<ContactSummaryView> & { asOf: string; months: number; cutoff: string }> {
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
export async function findPostHolders({ db, actor, query }: { db: DbOrTx; actor: Actor; query: PostHoldersQuery }) {
  const filter = resolveFilter(actor, { cn: query.cn });
  const rows = await selectPostHolders(db, normalizeQuery(query.post), filter.subtree, query.at);
  return {
    at: query.at ?? null,
    data: rows.map(({ role, contact }) => ({
      role: presentRole(role, query.at ?? today()),
      contact: {
        id: contact.id,
        category: contact.category,
        nameZh: contact.nameZh,
        nameEn: contact.nameEn,
        nameOriginal: contact.nameOriginal,
        isDemo: contact.isDemo,
      },
    })),
  };
}

// --- Touches ---

export async function addTouch({
  db,
  actor,
  contactId,
  input,
  isDemo = false,
}: {
  db: Db;
  actor: Actor;
  contactId: number;
  input: ContactTouchCreateInput;
  isDemo?: boolean;
}): Promise<ContactTouchView> {
  return db.transaction(async (tx) => {
    const contact = await visible(tx, actor, contactId);
    assertCanWrite(actor, contact.cnCode);
    if (input.touchedOn > today()) {
      throw validationFailed([
        {
          path: 'touchedOn',
          rule: 'future_date',
          value: input.touchedOn,
          message: 'the day of the contact is in the future',
          fix: 'record a contact once it has happened',
        },
      ]);
    }
    const row = await insertTouch(tx, {
      contactId,
      touchedOn: input.touchedOn,
      channel: input.channel,
      note: input.note || null,
      isDemo,
    });
    const view = presentTouch(row);
    await writeAudit(tx, actor, {
      entity: 'contact_touch',
      entityId: row.id,
      action: 'create',
      cnCode: contact.cnCode,
      after: view,
    });
    return view;
  });
}

export async function removeTouch({
  db,
  actor,
  contactId,
  touchId,
}: {
  db: Db;
  actor: Actor;
  contactId: number;
  touchId: number;
}) {
  await db.transaction(async (tx) => {
    const contact = await visible(tx, actor, contactId);
    assertCanWrite(actor, contact.cnCode);
    const touch = await selectTouch(tx, touchId);
    if (!touch || touch.contactId !== contactId) throw notFound('contact touch', touchId);
    await deleteTouch(tx, touchId);
    await writeAudit(tx, actor, {
      entity: 'contact_touch',
      entityId: touchId,
      action: 'delete',
      cnCode: contact.cnCode,
      before: presentTouch(touch),
    });
  });
}

// --- Export ---

const EXPORT_COLUMNS = [
  ['id', 'ID'],
  ['category', '类别'],
  ['name_zh', '中文姓名'],
  ['name_en', '英文姓名'],
  ['name_original', '原文姓名'],
  ['country_iso2', '国家'],
  ['city', '城市'],
  ['organisation', '单位'],
  ['current_posts', '现任职务'],
  ['languages', '语言'],
  ['email', '电子邮件'],
  ['phone', '电话'],
  ['last_contact', '最近联系'],
  ['cn_code', '所属地区代码'],
  ['notes', '备注'],
  ['is_demo', '示例数据'],
] as const;

export type ContactExport = { body: string | Buffer; contentType: string; fileName: string; count: number };

/**
 * A deliberate export of the contacts of a filter: the caller has confirmed and given a purpose.
 * Every exported contact gets an `export` entry in the audit trail with the purpose, so a person's
 * trail shows each time their data left the system, and by whom.
 */
export async function exportContacts({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: ContactExportInput;
}): Promise<ContactExport> {
  const filter = resolveFilter(actor, input);
  if (input.confirm !== true) {
    throw validationFailed([
      { path: 'confirm', rule: 'required', message: 'confirm the export of personal data', fix: 'send confirm: true' },
    ]);
  }
  return db.transaction(async (tx) => {
    const asOf = today();
    const rows = await selectContactsForExport(tx, filter, asOf, CONTACT_LIMITS.exportRowsMax + 1);
    if (rows.length > CONTACT_LIMITS.exportRowsMax) {
      throw validationFailed([
        {
          path: 'cn',
          rule: 'too_many',
          value: rows.length,
          message: `more than ${CONTACT_LIMITS.exportRowsMax} contacts match`,
          fix: 'narrow the export by division, category or search',
        },
      ]);
    }
    const roles = await selectContactRoles(
      tx,
      rows.map((r) => r.id),
    );
    const cells = rows.map((r) => {
      const current = (roles.get(r.id) ?? []).filter((role) => roleCovers(role, asOf));
      return [
        String(r.id),
        r.category,
        r.nameZh ?? '',
        r.nameEn ?? '',
        r.nameOriginal ?? '',
        r.countryIso2 ?? '',
        r.city ?? '',
        r.organisation ?? '',
        current.map((role) => `${role.organisation} ${role.post}`).join('; '),
        r.languages.join(' '),
        r.email ?? '',
        r.phone ?? '',
        r.lastContact ?? '',
        r.cnCode,
        r.notes ?? '',
        r.isDemo ? 'true' : 'false',
      ];
    });
    const summary = {
      purpose: input.purpose,
      format: input.format,
      rows: rows.length,
      filter: {
        cn: input.cn ?? null,
        q: input.q ?? null,
        category: input.category ?? null,
        country: input.country ?? null,
      },
    };
    for (let i = 0; i < rows.length; i += 1000) {
      await writeAudit(
        tx,
        actor,
        rows
          .slice(i, i + 1000)
          .map((r) => ({ entity: 'contact', entityId: r.id, action: 'export', cnCode: r.cnCode, after: summary })),
      );
    }
    const stamp = asOf.replaceAll('-', '');
    if (input.format === 'csv') {
      const header = EXPORT_COLUMNS.map(([en]) => en);
      const body = `\uFEFF${stringify([header, ...cells.map((row) => row.map(neutraliseCell))])}`;
      return { body, contentType: 'text/csv; charset=utf-8', fileName: `contacts-${stamp}.csv`, count: rows.length };
    }
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Amity';
    const sheet = workbook.addWorksheet('contacts', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(EXPORT_COLUMNS.map(([en, zh]) => `${zh} ${en}`));
    for (const row of cells) sheet.addRow(row);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    return {
      body,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: `contacts-${stamp}.xlsx`,
      count: rows.length,
    };
  });
}
