/**
 * Dates as reports write them, absolute (2023年6月, June 2023, 2024-11-28) or relative to the day the
 * report was published (去年6月, 今年3月, 前年, last year, N年以来). A relative date without a
 * publication date stays unresolved rather than guessed.
 */
import type { Precision } from '../../shared/enums.js';
import { readNumber } from '../../shared/numerals.js';

export type TextDate = { date: string; precision: Precision; relative: boolean; text: string };

const MONTHS_EN = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_EN_SOURCE = MONTHS_EN.map((m) => m[0]?.toUpperCase() + m.slice(1)).join('|');
const CN_SMALL = '[0-9]{1,2}|[一二三四五六七八九十]{1,3}';

const pad = (n: number) => String(n).padStart(2, '0');

function build(year: number, month: number | undefined, day: number | undefined, relative: boolean, text: string) {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  if (month === undefined) return { date: `${year}`, precision: 'year' as const, relative, text };
  if (day === undefined) return { date: `${year}-${pad(month)}`, precision: 'month' as const, relative, text };
  return { date: `${year}-${pad(month)}-${pad(day)}`, precision: 'day' as const, relative, text };
}

const ZH_ABSOLUTE = new RegExp(
  String.raw`(\d{4}|[〇零一二三四五六七八九]{4})年(?:(${CN_SMALL})月(?:(${CN_SMALL})日)?)?`,
  'g',
);
const ZH_RELATIVE = new RegExp(`(今年|去年|前年|上年)(?:(${CN_SMALL})月(?:(${CN_SMALL})日)?)?`, 'g');
const EN_DATE = new RegExp(
  String.raw`\b(?:(?:in|on)\s+)?(?:(${MONTH_EN_SOURCE})\s+(?:(\d{1,2}),?\s+)?)?(?:(\d{4})|(last year|this year|the year before last))\b`,
  'gi',
);

function relativeYear(word: string, published: string | undefined): number | undefined {
  if (!published) return undefined;
  const year = Number(published.slice(0, 4));
  if (word === '今年' || word === 'this year') return year;
  if (word === '去年' || word === '上年' || word === 'last year') return year - 1;
  if (word === '前年' || word === 'the year before last') return year - 2;
  return undefined;
}

/** Every date in a piece of Chinese text, in order, with its offset; relative ones resolved. */
export function findZhDates(text: string, published: string | undefined): { at: number; date: TextDate | null }[] {
  const out: { at: number; date: TextDate | null }[] = [];
  for (const m of text.matchAll(ZH_ABSOLUTE)) {
    const year = readNumber(m[1] as string) as number;
    const date = build(year, m[2] ? readNumber(m[2]) : undefined, m[3] ? readNumber(m[3]) : undefined, false, m[0]);
    if (date) out.push({ at: m.index, date });
  }
  for (const m of text.matchAll(ZH_RELATIVE)) {
    const year = relativeYear(m[1] as string, published);
    const date =
      year === undefined
        ? null
        : (build(year, m[2] ? readNumber(m[2]) : undefined, m[3] ? readNumber(m[3]) : undefined, true, m[0]) ?? null);
    out.push({ at: m.index, date });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Every date in a piece of English text ("In June last year", "on March 3, 2023", "2019"). */
export function findEnDates(text: string, published: string | undefined): { at: number; date: TextDate | null }[] {
  const out: { at: number; date: TextDate | null }[] = [];
  for (const m of text.matchAll(EN_DATE)) {
    const month = m[1] ? MONTHS_EN.indexOf(m[1].toLowerCase()) + 1 : undefined;
    const day = m[2] ? Number(m[2]) : undefined;
    const relative = Boolean(m[4]);
    const year = m[3] ? Number(m[3]) : relativeYear((m[4] as string).toLowerCase(), published);
    const date = year === undefined ? null : (build(year, month, day, relative, m[0].trim()) ?? null);
    out.push({ at: m.index, date });
  }
  return out;
}

/** The publication day a text states (2024-11-28, 2024年11月28日, November 28, 2024), if any. */
export function statedPublication(text: string): string | undefined {
  const head = text.slice(0, 2000);
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(head);
  const zh = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(head);
  const en = new RegExp(String.raw`(${MONTH_EN_SOURCE})\s+(\d{1,2}),\s+(\d{4})`, 'i').exec(head);
  const candidates: { at: number; date: string }[] = [];
  if (iso) candidates.push({ at: iso.index, date: `${iso[1]}-${iso[2]}-${iso[3]}` });
  if (zh) candidates.push({ at: zh.index, date: `${zh[1]}-${pad(Number(zh[2]))}-${pad(Number(zh[3]))}` });
  if (en) {
    const month = MONTHS_EN.indexOf((en[1] as string).toLowerCase()) + 1;
    candidates.push({ at: en.index, date: `${en[3]}-${pad(month)}-${pad(Number(en[2]))}` });
  }
  candidates.sort((a, b) => a.at - b.at);
  for (const c of candidates) {
    const [y, mo, d] = c.date.split('-').map(Number) as [number, number, number];
    const check = new Date(Date.UTC(y, mo - 1, d));
    if (check.getUTCMonth() === mo - 1 && check.getUTCDate() === d) return c.date;
  }
  return undefined;
}
