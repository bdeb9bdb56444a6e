/**
 * Calendar dates as ISO strings (YYYY-MM-DD), with the precision a source gives: a year, a month
 * or a day. A partial date stands for the first day of its period wherever a day is needed.
 */
import type { Precision } from './enums.js';

export type PartialDate = { date: string; precision: Precision };

const PARTIAL = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/;

export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses "2023", "2023-06", "2023-06-05" (also with / or . between parts).
 * Returns undefined for anything else, including impossible days such as 2023-02-30.
 */
export function parsePartialDate(text: string): PartialDate | undefined {
  const match = PARTIAL.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1000 || year > 9999) return undefined;
  if (match[2] === undefined) return { date: `${match[1]}-01-01`, precision: 'year' };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  const mm = String(month).padStart(2, '0');
  if (match[3] === undefined) return { date: `${match[1]}-${mm}-01`, precision: 'month' };
  const day = Number(match[3]);
  if (!isValidDay(year, month, day)) return undefined;
  return { date: `${match[1]}-${mm}-${String(day).padStart(2, '0')}`, precision: 'day' };
}

/** Parses a full day only; undefined for partial or impossible dates. */
export function parseDay(text: string): string | undefined {
  const parsed = parsePartialDate(text);
  return parsed?.precision === 'day' ? parsed.date : undefined;
}

/** Writes a stored date back at its precision: ("2023-06-01", "month") → "2023-06". */
export function formatPartialDate(date: string, precision: Precision | null | undefined): string {
  if (precision === 'year') return date.slice(0, 4);
  if (precision === 'month') return date.slice(0, 7);
  return date;
}

/** Today in UTC as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Months from one day to a later one, counting whole calendar months and then the remaining days
 * as a fraction of the month they fall in: 2018-01-01 → 2024-11-28 is 82 + 27/30 months.
 */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  let days = td - fd;
  if (days < 0) {
    months -= 1;
    // Borrow the month before `to`: its length turns the days left over into a fraction.
    const borrowYear = tm === 1 ? ty - 1 : ty;
    const borrowMonth = tm === 1 ? 12 : tm - 1;
    days += daysInMonth(borrowYear, borrowMonth);
    return months + days / daysInMonth(borrowYear, borrowMonth);
  }
  return months + days / daysInMonth(ty, tm);
}
