/**
 * How the report words numbers, in Chinese and English. The sentences are built from the figures
 * clause by clause, so that a count of 0 or 1, a level with no pairs or a missing rank reads as a
 * person would write it, never as a template with a hole in it.
 *
 * Rules:
 * - Chinese: Arabic numerals without grouping (GB/T 15835 style for counts in running text: 110对,
 *   3181对), the measure word 对 for pairs, 个 for countries; ordinals as 第8位; dates 2024年11月28日.
 * - English: digits with thousands separators (1,817), singular for exactly 1, ordinals with the
 *   suffix of their last two digits (1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 101st, 111th);
 *   dates as 28 November 2024.
 * - A pace ("one every 2.8 months") is given only for 2 or more new pairs: with one, the interval is
 *   meaningless. Under one month per pair it becomes a rate per month.
 */
import { monthsBetween, parsePartialDate } from '../../shared/dates.js';
import { LEVELS, type Level } from '../../shared/enums.js';
import type { Figures } from '../../shared/schemas/figures.js';

export const REPORT_LANGS = ['zh', 'en'] as const;
export type Lang = (typeof REPORT_LANGS)[number];

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A whole number: 3181 in Chinese, 3,181 in English. */
export function formatCount(n: number, lang: Lang): string {
  const digits = String(Math.trunc(Math.abs(n)));
  const sign = n < 0 ? '-' : '';
  if (lang === 'zh') return sign + digits;
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A measured quantity as a report writes it. In Chinese a round large number is written in 亿 or 万,
 * as government reports do (500000000 → 5亿, 230000 → 23万, 12500000 → 1250万); one that is not round
 * keeps every digit, so nothing is rounded away. In English, digits grouped by thousands (500,000,000;
 * 7.5). Fractions keep at most two decimals.
 */
export function formatQuantity(value: number, lang: Lang): string {
  if (!Number.isInteger(value)) {
    return lang === 'zh' ? String(value) : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
  if (lang === 'zh') {
    const size = Math.abs(value);
    if (size >= 100_000_000 && value % 1_000_000 === 0) return `${value / 100_000_000}亿`;
    if (size >= 100_000 && value % 1_000 === 0) return `${value / 10_000}万`;
  }
  return formatCount(value, lang);
}

/** One decimal place at most, without a trailing .0: 2.8, 3, 0.4. */
export function formatDecimal(x: number): string {
  const rounded = Math.round(x * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 101st, 111th. */
export function ordinalEn(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  const suffix = ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** The ordinal of a rank: 第8位 / 8th. */
export function ordinal(n: number, lang: Lang): string {
  return lang === 'zh' ? `第${n}位` : ordinalEn(n);
}

/** A full day: 2024年11月28日 / 28 November 2024. */
export function formatDay(day: string, lang: Lang): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

/** A date at its precision: "2018" → 2018年 / 2018; "2018-06" → 2018年6月 / June 2018. */
export function formatPartial(text: string, lang: Lang): string {
  const parsed = parsePartialDate(text);
  if (!parsed) return text;
  const [y, m] = parsed.date.split('-').map(Number) as [number, number];
  if (parsed.precision === 'year') return lang === 'zh' ? `${y}年` : String(y);
  if (parsed.precision === 'month') return lang === 'zh' ? `${y}年${m}月` : `${MONTHS_EN[m - 1]} ${y}`;
  return formatDay(parsed.date, lang);
}

/** "1 pair" / "2 pairs"; Chinese has no plural: 1对, 2对. */
export function countOf(n: number, lang: Lang, en: [string, string], zhUnit: string): string {
  if (lang === 'zh') return `${formatCount(n, lang)}${zhUnit}`;
  return `${formatCount(n, lang)} ${n === 1 ? en[0] : en[1]}`;
}

/** Joins items as a list is written: "a, b and c" / "a、b、c". */
export function joinList(items: readonly string[], lang: Lang): string {
  if (lang === 'zh') return items.join('、');
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const LEVEL_ZH: Record<Level, string> = { provincial: '省级', city: '市级', county: '县级' };
const LEVEL_EN: Record<Level, string> = { provincial: 'provincial', city: 'city', county: 'county' };

export function levelName(level: Level, lang: Lang): string {
  return lang === 'zh' ? LEVEL_ZH[level] : LEVEL_EN[level];
}

/** The scope as the subject of a sentence: 湖南省 / Hunan; the whole country: 全国 / China. */
export function scopeName(figures: Pick<Figures, 'scope'>, lang: Lang): string {
  return lang === 'zh' ? figures.scope.nameZh : figures.scope.nameEn;
}

/** ", including 31 at the provincial level, 66 at the city level and 13 at the county level". */
function levelClause(figures: Figures, lang: Lang): string {
  const present = LEVELS.filter((l) => figures.byLevel[l] > 0);
  if (present.length === 0) return '';
  if (present.length === 1) {
    const level = present[0] as Level;
    if (lang === 'zh') return figures.total === 1 ? `，为${LEVEL_ZH[level]}` : `，均为${LEVEL_ZH[level]}`;
    return figures.total === 1 ? `, at the ${LEVEL_EN[level]} level` : `, all at the ${LEVEL_EN[level]} level`;
  }
  if (lang === 'zh') {
    return `，其中${present.map((l) => `${LEVEL_ZH[l]}${formatCount(figures.byLevel[l], lang)}对`).join('、')}`;
  }
  const parts = present.map((l) => `${formatCount(figures.byLevel[l], lang)} at the ${LEVEL_EN[l]} level`);
  return `, including ${joinList(parts, lang)}`;
}

/** The rank, when there is one to give: a province compared with at least one other. */
function rankClause(figures: Figures, lang: Lang): string {
  if (!figures.rank || figures.rank.of < 2) return '';
  const { position, of, basis } = figures.rank;
  // Said where the number stands: among how many provinces, and from which figures (as of the day
  // the sentence begins with). "In China" only when every mainland province was compared.
  const everyProvince = of >= MAINLAND_PROVINCES;
  if (lang === 'zh') {
    const how =
      basis === 'registry'
        ? '依据登记系统中各省的友城数'
        : '本省为登记数，其他省份为截至该日最近一次公开发布的友城总数';
    return everyProvince
      ? `，排在全国${ordinal(position, lang)}（${how}）`
      : `，在可比的${formatCount(of, lang)}个省份中排${ordinal(position, lang)}（${how}）`;
  }
  const how =
    basis === 'registry'
      ? "by each province's registry total"
      : "this province's registry total beside each other province's latest published total on or before that day";
  return everyProvince
    ? `, ranking ${ordinal(position, lang)} in China (${how})`
    : `, ranking ${ordinal(position, lang)} of the ${formatCount(of, lang)} provinces compared (${how})`;
}

/** The provinces, autonomous regions and municipalities of the mainland that a rank can compare. */
const MAINLAND_PROVINCES = 31;

/** The first sentence of the overview: how many pairs, by level, and the rank. */
export function totalSentence(figures: Figures, lang: Lang): string {
  const name = scopeName(figures, lang);
  const day = formatDay(figures.asOf, lang);
  if (figures.total === 0) {
    return lang === 'zh'
      ? `截至${day}，${name}尚无国际友城${rankClause(figures, lang)}。`
      : `As of ${day}, ${name} has no international friendship city partnerships${rankClause(figures, lang)}.`;
  }
  if (lang === 'zh') {
    return `截至${day}，${name}共有国际友城${formatCount(figures.total, lang)}对${levelClause(figures, lang)}${rankClause(figures, lang)}。`;
  }
  const pairs = countOf(
    figures.total,
    lang,
    ['international friendship city partnership', 'international friendship city partnerships'],
    '对',
  );
  return `As of ${day}, ${name} has ${pairs}${levelClause(figures, lang)}${rankClause(figures, lang)}.`;
}

/** The pace of new pairs: 平均每2.8个月新增一对 / one every 2.8 months on average. */
export function paceClause(from: string, asOf: string, count: number, monthsPerNew: number | null, lang: Lang) {
  if (count < 2 || monthsPerNew === null) return '';
  if (monthsPerNew >= 1) {
    if (monthsPerNew === 1) return lang === 'zh' ? '，平均每月新增一对' : ', one a month on average';
    return lang === 'zh'
      ? `，平均每${formatDecimal(monthsPerNew)}个月新增一对`
      : `, one every ${formatDecimal(monthsPerNew)} months on average`;
  }
  const months = monthsBetween(from, asOf);
  const perMonth = months > 0 ? formatDecimal(count / months) : formatCount(count, lang);
  return lang === 'zh' ? `，平均每月新增${perMonth}对` : `, ${perMonth} a month on average`;
}

/** The second sentence: new pairs since a date, and the pace. Empty without a since date. */
export function sinceSentence(figures: Figures, sinceText: string, lang: Lang): string {
  if (!figures.since) return '';
  const { count, from, monthsPerNew } = figures.since;
  const when = formatPartial(sinceText, lang);
  if (count === 0) {
    return lang === 'zh' ? `${when}以来未新增国际友城。` : `No new pairs have been established since ${when}.`;
  }
  const pace = paceClause(from, figures.asOf, count, monthsPerNew, lang);
  if (lang === 'zh') return `${when}以来新增国际友城${formatCount(count, lang)}对${pace}。`;
  const verb = count === 1 ? 'new pair has been established' : 'new pairs have been established';
  return `Since ${when}, ${formatCount(count, lang)} ${verb}${pace}.`;
}

/** The overview paragraph: the two model sentences of the annual report. */
export function overviewSentence(figures: Figures, sinceText: string | undefined, lang: Lang): string {
  const first = totalSentence(figures, lang);
  const second = sinceText ? sinceSentence(figures, sinceText, lang) : '';
  return [first, second].filter(Boolean).join(lang === 'zh' ? '' : ' ');
}

/** How the previous figures are named: 上年 / last year when exactly a year earlier, else their date. */
export function baselineName(asOf: string, previousAsOf: string, lang: Lang): string {
  const yearEarlier = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`;
  if (previousAsOf === yearEarlier) return lang === 'zh' ? '上年' : 'last year';
  return formatDay(previousAsOf, lang);
}

/**
 * A change of a count: "up 6 from last year" / "比上年增加6对"; "unchanged from last year" /
 * "与上年持平". Chinese takes the measure word of the count.
 */
export function changeOfCount(now: number, before: number, baseline: string, lang: Lang, zhUnit = '对'): string {
  const delta = now - before;
  if (delta === 0) return lang === 'zh' ? `与${baseline}持平` : `unchanged from ${baseline}`;
  const n = formatCount(Math.abs(delta), lang);
  if (lang === 'zh') return `比${baseline}${delta > 0 ? '增加' : '减少'}${n}${zhUnit}`;
  return `${delta > 0 ? 'up' : 'down'} ${n} from ${baseline}`;
}

/** A change of rank (a smaller position is better): "up 2 places" / "比上年上升2位". */
export function changeOfRank(now: number, before: number, baseline: string, lang: Lang): string {
  const gain = before - now;
  if (gain === 0) return lang === 'zh' ? `与${baseline}持平` : `unchanged from ${baseline}`;
  const n = Math.abs(gain);
  if (lang === 'zh') return `比${baseline}${gain > 0 ? '上升' : '下降'}${n}位`;
  return `${gain > 0 ? 'up' : 'down'} ${n} ${n === 1 ? 'place' : 'places'} from ${baseline}`;
}
