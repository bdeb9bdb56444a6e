/**
 * Every string the web app shows, in zh-CN (default) and en: the web catalog (zh-CN.ts, en.ts)
 * merged with the shared one (levels, kinds, statuses, continents, error codes), plus number and
 * date formatting per language. Pure functions: the React side is in i18n.tsx.
 */
import { LANGUAGES, type Language, type MessageKey, CATALOGS as SHARED } from '../../shared/messages';
import { en } from './en';
import { type WebMessageKey, zhCN } from './zh-CN';

export { LANGUAGES, type Language };
export type Key = WebMessageKey | MessageKey;
export type Vars = Record<string, string | number>;

export const WEB_CATALOGS: Record<Language, Record<WebMessageKey, string>> = { 'zh-CN': zhCN, en };

const MERGED: Record<Language, Record<Key, string>> = {
  'zh-CN': { ...SHARED['zh-CN'], ...zhCN },
  en: { ...SHARED.en, ...en },
};

export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Is `key` a message key? For keys built at run time, such as `level.${value}`. */
export function hasKey(key: string): key is Key {
  return key in MERGED['zh-CN'];
}

/** The message for `key` with its {placeholders} filled in; an unknown key shows itself. */
export function translate(lang: Language, key: Key, vars?: Vars): string {
  const template = MERGED[lang][key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The {placeholders} of a message, sorted: both languages must use the same ones. */
export function placeholdersOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))].sort();
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(lang: Language, value: number, fractionDigits?: number): string {
  const cacheKey = `${lang}:${fractionDigits ?? ''}`;
  let format = numberFormats.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat(
      lang,
      fractionDigits === undefined
        ? {}
        : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits },
    );
    numberFormats.set(cacheKey, format);
  }
  return format.format(value);
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A date at the precision it was recorded with: "2023" / "2023-06" / "2023-06-05" →
 * zh-CN "2023年" / "2023年6月" / "2023年6月5日", en "2023" / "Jun 2023" / "5 Jun 2023".
 * Anything else is shown as it is.
 */
export function formatPartialDate(lang: Language, value: string | null | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!match) return value;
  const [, y, m, d] = match;
  const month = m === undefined ? undefined : Number(m);
  const day = d === undefined ? undefined : Number(d);
  if (lang === 'zh-CN') {
    return `${y}年${month === undefined ? '' : `${month}月`}${day === undefined ? '' : `${day}日`}`;
  }
  if (month === undefined) return String(y);
  const name = MONTHS_EN[month - 1] ?? String(month);
  return day === undefined ? `${name} ${y}` : `${day} ${name} ${y}`;
}

/** A timestamp (ISO) as a local date and time. */
export function formatDateTime(lang: Language, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A list of names joined the way each language does: 长沙、株洲 / Changsha, Zhuzhou. */
export function joinList(lang: Language, items: readonly string[]): string {
  return items.join(lang === 'zh-CN' ? '、' : ', ');
}
