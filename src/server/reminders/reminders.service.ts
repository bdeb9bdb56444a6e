/**
 * Reminders of a scope as of a day: anniversaries of signings in the coming months, and partnerships
 * with no activity for N years (see reminders.ts for the rules).
 */
import { formatPartialDate, today } from '../../shared/dates.js';
import { NATIONAL_CODE, type Precision, type Status } from '../../shared/enums.js';
import type { ReminderPartnershipView, RemindersView } from '../../shared/schemas/reminders-view.js';
import type { RemindersQuery } from '../../shared/schemas/rules.js';
import { type Actor, effectiveScope } from '../auth/actor.js';
import type { DbOrTx } from '../db/client.js';
import { subtreeCondition } from '../partnerships/partnership.repo.js';
import { getReferenceCache } from '../places/reference-cache.js';
import { getDivision } from '../places/scope.js';
import { addMonths, anniversariesBetween, silentBefore } from './reminders.js';
import {
  type ReminderPartnershipRow,
  selectAnniversaryCandidates,
  selectSilentPartnerships,
} from './reminders.repo.js';

/** At most this many reminders of each kind are listed; `total` counts them all. */
export const REMINDERS_MAX = 500;

function presentPartnership(row: ReminderPartnershipRow): ReminderPartnershipView {
  const division = getReferenceCache().divisions.get(row.cn_code);
  return {
    id: row.id,
    cnCode: row.cn_code,
    cnNameZh: division?.nameZh ?? row.cn_code,
    cnNameEn: division?.nameEn ?? row.cn_code,
    countryIso2: row.country_iso2,
    partnerNameZh: row.partner_name_zh,
    partnerNameEn: row.partner_name_en,
    status: row.status as Status, // written from STATUSES only
    establishedOn: row.established_on
      ? formatPartialDate(row.established_on, row.established_precision as Precision)
      : null,
  };
}

export async function getReminders({
  db,
  actor,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  query: RemindersQuery;
}): Promise<RemindersView> {
  const scope = effectiveScope(actor, query.scope);
  const subtree = scope === NATIONAL_CODE ? undefined : subtreeCondition(getDivision(scope, 'scope'));
  const asOf = query.asOf ?? today();
  const until = addMonths(asOf, query.months);
  const before = silentBefore(asOf, query.years);

  const candidates = await selectAnniversaryCandidates(
    db,
    subtree,
    asOf,
    Number(asOf.slice(0, 4)),
    Number(until.slice(0, 4)),
  );
  const anniversaries = candidates
    .flatMap((row) =>
      anniversariesBetween(
        row.established_on as string,
        (row.established_precision ?? 'day') as Precision,
        asOf,
        until,
      ).map((a) => ({ partnership: presentPartnership(row), ...a })),
    )
    .sort((a, b) => a.start.localeCompare(b.start) || a.partnership.id - b.partnership.id);

  const silent = await selectSilentPartnerships(db, subtree, asOf, before, REMINDERS_MAX);
  return {
    scope,
    asOf,
    years: query.years,
    months: query.months,
    /** Anniversaries whose period overlaps [asOf, until]. */
    until,
    /** Silent: last activity (or, with none, the signing) before this day. */
    silentBefore: before,
    anniversaries: { data: anniversaries.slice(0, REMINDERS_MAX), total: anniversaries.length },
    silent: {
      data: silent.rows.map((row) => ({
        partnership: presentPartnership(row),
        /** null: never any activity. */
        lastActivityOn: row.last_activity_on,
      })),
      total: silent.total,
    },
  };
}
