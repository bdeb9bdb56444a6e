/**
 * What leaves the server of a contact: every presenter lists the fields it sends (their schemas:
 * shared/schemas/contact-view.ts).
 */
import { formatPartialDate, today } from '../../shared/dates.js';
import type { ActivityType, Precision } from '../../shared/enums.js';
import type { ContactCategory, TouchChannel } from '../../shared/schemas/contact.js';
import type {
  ContactActivityLinkView,
  ContactPartnershipLinkView,
  ContactRoleView,
  ContactSummaryView,
  ContactTouchView,
} from '../../shared/schemas/contact-view.js';
import type { selectPartnershipSummaries } from '../activities/activity.repo.js';
import { getReferenceCache } from '../places/reference-cache.js';
import type { ActivitySummaryRow, ContactRoleRow, ContactRow, ContactTouchRow } from './contact.repo.js';
import { roleCovers } from './contact.rules.js';

export function presentRole(row: ContactRoleRow, day: string = today()): ContactRoleView {
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

function divisionNames(code: string) {
  const division = getReferenceCache().divisions.get(code);
  return { cnNameZh: division?.nameZh ?? code, cnNameEn: division?.nameEn ?? code };
}

/** The fields of a contact shown in lists: names, where, what, current posts and last contact. */
export function presentContactSummary(
  row: ContactRow,
  roles: ContactRoleRow[],
  lastContact: string | null,
): ContactSummaryView {
  return {
    id: row.id,
    cnCode: row.cnCode,
    ...divisionNames(row.cnCode),
    category: row.category as ContactCategory, // written from CONTACT_CATEGORIES only
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

export function presentTouch(row: ContactTouchRow): ContactTouchView {
  return {
    id: row.id,
    contactId: row.contactId,
    touchedOn: row.touchedOn,
    channel: row.channel as TouchChannel, // written from TOUCH_CHANNELS only
    note: row.note,
    isDemo: row.isDemo,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentActivityLink(a: ActivitySummaryRow): ContactActivityLinkView {
  return {
    id: a.id,
    partnershipId: a.partnershipId,
    type: a.type as ActivityType, // written from ACTIVITY_TYPES only
    occurredOn: a.occurredOn,
    titleZh: a.titleZh,
    titleEn: a.titleEn,
  };
}

type PartnershipSummary = Awaited<ReturnType<typeof selectPartnershipSummaries>>[number];

export function presentPartnershipLink(p: PartnershipSummary): ContactPartnershipLinkView {
  return {
    id: p.id,
    cnCode: p.cnCode,
    ...divisionNames(p.cnCode),
    countryIso2: p.countryIso2,
    partnerNameZh: p.partnerNameZh,
    partnerNameEn: p.partnerNameEn,
  };
}
