/**
 * Reminder arithmetic, pure: which anniversaries of a signing fall in a window, and the day a
 * partnership counts as silent from.
 *
 * Anniversaries reminded: every 5th year of the signing (5th, 10th, 15th, 20th, 25th, 30th…); those
 * that are multiples of 10 are "major". An anniversary lasts as long as the precision of the
 * signing date: the day, the month (signed "2013-06" → 10th anniversary all of June 2023) or the
 * year (signed "1998" → 25th anniversary all of 2023). It is reminded when that period overlaps the
 * window [asOf, asOf + months]; a 29 February signing falls on 28 February in common years.
 */
import { daysInMonth, formatPartialDate } from '../../shared/dates.js';
import type { Precision } from '../../shared/enums.js';

export const ANNIVERSARY_STEP = 5;
export const MAJOR_ANNIVERSARY_STEP = 10;

/** The day `months` calendar months after (or before, if negative) `day`, clamped to the month's end. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const dd = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

function lastDay(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/** The period of the nth anniversary of a signing date stored as its first day with its precision. */
export function anniversaryPeriod(establishedOn: string, precision: Precision, n: number) {
  const [y, m] = establishedOn.split('-').map(Number) as [number, number, number];
  const year = y + n;
  if (precision === 'year') return { start: `${year}-01-01`, end: `${year}-12-31`, label: String(year) };
  if (precision === 'month') {
    const start = `${year}-${String(m).padStart(2, '0')}-01`;
    return { start, end: lastDay(year, m), label: formatPartialDate(start, 'month') };
  }
  const day = addMonths(establishedOn, n * 12);
  return { start: day, end: day, label: day };
}

export type Anniversary = { n: number; major: boolean; start: string; end: string; label: string };

/** The 5th, 10th, 15th… anniversaries whose period overlaps [from, to]. */
export function anniversariesBetween(
  establishedOn: string,
  precision: Precision,
  from: string,
  to: string,
): Anniversary[] {
  const first = Number(establishedOn.slice(0, 4));
  const found: Anniversary[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
    const n = year - first;
    if (n <= 0 || n % ANNIVERSARY_STEP !== 0) continue;
    const period = anniversaryPeriod(establishedOn, precision, n);
    if (period.end >= from && period.start <= to) {
      found.push({ n, major: n % MAJOR_ANNIVERSARY_STEP === 0, ...period });
    }
  }
  return found;
}

/** A partnership is silent when its last activity (or, with none, its signing) is before this day. */
export function silentBefore(asOf: string, years: number): string {
  return addMonths(asOf, -12 * years);
}
