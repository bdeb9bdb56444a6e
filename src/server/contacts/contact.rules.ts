/**
 * The date rules of contacts, kept pure so they can be tested on their own: the cut-off of the
 * "not contacted for N months" list and the period a role covers.
 */
import { parsePartialDate } from '../../shared/dates.js';
import { periodEnd } from '../../shared/schemas/contact.js';
import type { ActivitySummaryRow, ContactTouchRow } from './contact.repo.js';

/**
 * The day `months` calendar months before `day`, on the same day of the month or, when that month
 * is shorter, on its last day: 2025-03-31 minus 1 → 2025-02-28. A contact is silent for N months
 * as of D when its last contact is before monthsBefore(D, N).
 */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Is a contact whose last contact was `lastContact` (or never) silent for `months` as of `asOf`? */
export function isSilent(lastContact: string | null, asOf: string, months: number): boolean {
  return lastContact === null || lastContact < monthsBefore(asOf, months);
}

/** The stored columns of a role's dates: first day and precision of each end, and the last day of the term. */
export function roleDates(from: string, to: string | null | undefined) {
  const start = parsePartialDate(from);
  if (!start) throw new Error(`not a date: ${from}`);
  const end = to ? parsePartialDate(to) : undefined;
  return {
    fromOn: start.date,
    fromPrecision: start.precision,
    toOn: end?.date ?? null,
    toPrecision: end?.precision ?? null,
    toEnd: to && end ? (periodEnd(to) ?? null) : null,
  };
}

/** Does a role (as stored) cover `day`? The same test the post-holders query makes in SQL. */
export function roleCovers(role: { fromOn: string; toEnd: string | null }, day: string): boolean {
  return role.fromOn <= day && (role.toEnd === null || day <= role.toEnd);
}

/** The last contact on or before today: the latest touch or linked activity. */
export function lastContactFrom(
  touches: ContactTouchRow[],
  activities: ActivitySummaryRow[],
  asOf: string,
): string | null {
  const days = [...touches.map((t) => t.touchedOn), ...activities.map((a) => a.occurredOn)].filter((d) => d <= asOf);
  // ISO days sort as text; the last is the latest.
  return days.sort().at(-1) ?? null;
}
