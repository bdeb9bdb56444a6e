/**
 * Reading and checking the cells of one row: text, enumerations, dates, numbers, links, countries
 * and Chinese divisions. Every failure becomes a problem naming the row, the column as the file
 * writes it, the value, what is wrong and how to fix it — with "did you mean" where names are close.
 */
import { z } from 'zod';
import { type Bilingual, bi, listIn } from '../../shared/bilingual.js';
import { type PartialDate, parsePartialDate, today } from '../../shared/dates.js';
import { LIMITS } from '../../shared/enums.js';
import { hasHan, nameKeyOf, normalizeText } from '../../shared/text.js';
import {
  type Country,
  type Division,
  divisionPath,
  findCountry,
  findDivisionsByName,
  getReferenceCache,
  shortDivisionName,
} from '../places/reference-cache.js';
import type { ColumnMap } from './columns.js';
import type { Problem } from './import.schema.js';
import type { TableRow } from './parsers.js';
import type { ProblemList } from './problems.js';
import { closest, suggestionCache } from './suggest.js';

/** The same rule as the partnership API, so that whatever the API stored exports and imports back. */
const UrlSchema = z.url().max(LIMITS.urlLength);

let divisionCandidates: [string, string][] | undefined;
let countryCandidatesEn: [string, string][] | undefined;
let countryCandidatesZh: [string, string][] | undefined;

export function divisionLabel(division: Division): string {
  return `${divisionPath(getReferenceCache(), division)} (${division.code})`;
}

function allDivisionCandidates(): [string, string][] {
  if (!divisionCandidates) {
    const cache = getReferenceCache();
    divisionCandidates = [];
    for (const d of cache.divisions.values()) {
      const label = divisionLabel(d);
      for (const name of new Set([d.nameZh, shortDivisionName(d.nameZh), d.nameEn])) {
        divisionCandidates.push([nameKeyOf(name), label]);
      }
    }
  }
  return divisionCandidates;
}

function allCountryCandidates(zh: boolean): [string, string][] {
  if (!countryCandidatesEn || !countryCandidatesZh) {
    const cache = getReferenceCache();
    countryCandidatesEn = [];
    countryCandidatesZh = [];
    for (const [key, iso2] of cache.countriesByName) {
      const c = cache.countries.get(iso2) as Country;
      countryCandidatesEn.push([key, `${c.nameEn} (${iso2})`]);
      countryCandidatesZh.push([key, `${c.nameZh} (${iso2})`]);
    }
  }
  return zh ? countryCandidatesZh : countryCandidatesEn;
}

/** What a blank cell means for a stored value: keep it (the default) or clear it. */
export const BLANK_CELLS = ['keep', 'clear'] as const;
export type BlankCells = (typeof BLANK_CELLS)[number];

/** A cell holding exactly one of these clears the stored value on purpose. */
export const CLEAR_MARKERS: ReadonlySet<string> = new Set([
  '-',
  '—',
  '－',
  '（清空）',
  '(清空)',
  '(clear)',
  '（clear）',
]);

export const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * nameKeyOf() with a fast path for plain ASCII names ("Synthetic Place 12" → "syntheticplace12"),
 * where normalisation reduces to lower case without spaces, punctuation and symbols.
 */
export function nameKeyFast(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(/[^a-z0-9]/g, '');
  return nameKeyOf(text);
}

/** normalizeText() with the same fast path: ASCII text only needs lower case and single spaces. */
export function normalizeFast(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(/\s+/g, ' ').trim();
  return normalizeText(text);
}

/** A suggestion cache that computes nothing: for problems that are only counted. */
const noSuggestions = () => [];

export type DivisionMatch = { division: Division } | { rule: string; message: Bilingual; suggestions: string[] };

/** A division by a name or a name path; unknown and ambiguous names come with candidates. */
export function matchDivisionName(text: string, suggest = suggestionCache()): DivisionMatch {
  const cache = getReferenceCache();
  const found = findDivisionsByName(cache, text);
  if (found.length === 1) return { division: found[0] as Division };
  if (found.length > 1) {
    return {
      rule: 'ambiguous_division',
      message: bi(`“${text}”对应 ${found.length} 个行政区划`, `${text} names ${found.length} divisions`),
      suggestions: found.map(divisionLabel),
    };
  }
  const parts = normalizeText(text)
    .split(/[/>＞、|]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const last = parts[parts.length - 1] ?? '';
  const sameName = findDivisionsByName(cache, last);
  const suggestions =
    sameName.length > 0
      ? sameName.map(divisionLabel)
      : suggest(`division:${nameKeyOf(last)}`, () => closest(nameKeyOf(last), allDivisionCandidates(), 5));
  return { rule: 'unknown_division', message: bi('无法识别的中方行政区划', 'unknown Chinese division'), suggestions };
}

export function countrySuggestions(text: string, suggest = suggestionCache()): string[] {
  const key = nameKeyOf(text);
  const zh = hasHan(text);
  return suggest(`country:${zh}:${key}`, () => closest(key, allCountryCandidates(zh), 3));
}

function enumSuggestions(text: string, aliases: Record<string, string>): string[] {
  const key = normalizeText(text);
  const labels = Object.entries(aliases).map(([alias, value]) => [normalizeText(alias), value] as const);
  return closest(key, labels, 2, Math.max(2, allowedEnumDistance(key)));
}

function allowedEnumDistance(key: string): number {
  return key.length <= 4 ? 1 : Math.floor(key.length / 3);
}

/** Reads the cells of one row at a time, collecting problems; `ok` tells whether the row is clean. */
export class CellReader {
  row: TableRow = { row: 0, cells: [] };
  ok = true;
  readonly suggest = suggestionCache();
  private readonly countries = new Map<string, Country | null>();

  constructor(
    readonly map: ColumnMap,
    readonly problems: ProblemList,
    readonly now = today(),
    /**
     * Fields whose blank cell keeps the stored value (read as if the column were absent), unless
     * `blank` is 'clear'. A clear marker (-, —, （清空）, (clear)) in such a field always clears it.
     */
    readonly keepable: ReadonlySet<string> = new Set(),
    readonly blank: BlankCells = 'keep',
  ) {}

  start(row: TableRow): void {
    this.row = row;
    this.ok = true;
  }

  raw(field: string): string | undefined {
    const value = this.map.get(this.row, field);
    if (value === undefined || !this.keepable.has(field)) return value;
    if (value === '') return this.blank === 'keep' ? undefined : '';
    return CLEAR_MARKERS.has(value) ? '' : value;
  }

  fail(field: string, problem: Omit<Problem, 'row' | 'column' | 'field'>): void {
    this.ok = false;
    this.problems.add({ row: this.row.row, column: this.map.header(field), field, ...problem });
  }

  /** Text of at most `max` characters; null when empty, undefined when the column is absent. */
  text(field: string, max: number = LIMITS.nameLength): string | null | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    if (value === '') return null;
    if (value.length > max) {
      this.fail(field, {
        rule: 'too_long',
        value,
        message: bi(`超过 ${max} 个字符`, `longer than ${max} characters`),
        fix: bi(`请缩短到不超过 ${max} 个字符`, `shorten it to at most ${max} characters`),
      });
      return null;
    }
    return value;
  }

  required(field: string, message: Bilingual, fix: Bilingual): void {
    this.fail(field, { rule: 'required', message, fix });
  }

  /** An enumeration value (or one of its aliases); `fallback` when the cell is empty. */
  enumeration<T extends string>(
    field: string,
    aliases: Record<string, T>,
    allowed: readonly T[],
    fallback: T | null,
  ): T | null | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    if (value === '') return fallback;
    const hit = aliases[value] ?? aliases[normalizeFast(value)];
    if (hit) return hit;
    this.fail(field, {
      rule: 'invalid_value',
      value,
      message: bi(`不是 ${listIn(allowed).zh} 之一`, `not one of ${listIn(allowed).en}`),
      fix: bi(`请填写 ${listIn(allowed).zh} 之一`, `write one of ${listIn(allowed).en}`),
      suggestions: enumSuggestions(value, aliases),
    });
    return null;
  }

  /** YYYY, YYYY-MM or YYYY-MM-DD, a real date. Null when empty. */
  partialDate(field: string, { notFuture = false } = {}): PartialDate | null | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    if (value === '') return null;
    const parsed = parsePartialDate(value);
    if (!parsed) {
      this.fail(field, {
        rule: 'invalid_date',
        value,
        message: bi('不是有效的日期', 'not a real date'),
        fix: bi(
          '请写成 YYYY、YYYY-MM 或 YYYY-MM-DD，如 2018、2018-05 或 2018-05-03（并确认该日存在）',
          'write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2018, 2018-05 or 2018-05-03 (and check the day exists)',
        ),
      });
      return null;
    }
    if (notFuture && parsed.date > this.now) {
      this.fail(field, {
        rule: 'future_date',
        value,
        message: bi('日期在未来', 'the date is in the future'),
        fix: bi(`请填写今天（${this.now}）或更早的日期`, `use today (${this.now}) or an earlier date`),
      });
      return null;
    }
    return parsed;
  }

  /** A full day YYYY-MM-DD. Null when empty. */
  day(field: string): string | null | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    if (value === '') return null;
    const parsed = parsePartialDate(value);
    if (parsed?.precision !== 'day') {
      this.fail(field, {
        rule: 'invalid_date',
        value,
        message: parsed
          ? bi('需要精确到日，不能只有年或月', 'needs the day, not only the year or month')
          : bi('不是有效的日期', 'not a real date'),
        fix: bi(
          '请写成 YYYY-MM-DD，如 2019-06-30（并确认该日存在）',
          'write YYYY-MM-DD, e.g. 2019-06-30 (and check the day exists)',
        ),
      });
      return null;
    }
    return parsed.date;
  }

  url(field: string): string | null | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    if (value === '') return null;
    if (!UrlSchema.safeParse(value).success) {
      this.fail(field, {
        rule: 'invalid_url',
        value,
        message: bi('不是网址', 'not a web address'),
        fix: bi(
          '请填写完整网址，如 https://www.example.org/page',
          'write the full address, e.g. https://www.example.org/page',
        ),
      });
      return null;
    }
    return value;
  }

  /** A whole number from 0 to max (thousands separators allowed). Null when empty. */
  count(field: string, max = 1_000_000): number | null | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    if (value === '') return null;
    const digits = value.replace(/[,，\s]/g, '');
    const n = /^\d+(\.0+)?$/.test(digits) ? Number(digits) : Number.NaN;
    if (!Number.isSafeInteger(n) || n > max) {
      this.fail(field, {
        rule: 'invalid_number',
        value,
        message: bi(`不是 0 到 ${max} 之间的整数`, `not a whole number from 0 to ${max.toLocaleString('en')}`),
        fix: bi('请只填写数字，如 110', 'write digits only, e.g. 110'),
      });
      return null;
    }
    return n;
  }

  country(field: string): Country | null | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    if (value === '') return null;
    let found = this.countries.get(value);
    if (found === undefined) {
      found = findCountry(getReferenceCache(), value) ?? null;
      if (this.countries.size < 10_000) this.countries.set(value, found);
    }
    if (found) return found;
    this.fail(field, {
      rule: 'unknown_country',
      value,
      message: bi('无法识别的国家', 'unknown country'),
      fix: bi(
        '请填写 ISO 3166 两位代码（如 GH），或中文、英文国名（中国本身不是外方）',
        'use an ISO 3166 alpha-2 code such as GH, or the country name in Chinese or English (China itself is not a foreign partner)',
      ),
      suggestions: this.problems.isFull ? undefined : countrySuggestions(value, this.suggest),
    });
    return null;
  }

  /** The Chinese side from a code column, a name column, or both (which must then agree). */
  division(codeField: string, nameField: string): Division | null {
    const code = this.raw(codeField);
    const name = this.raw(nameField);
    const cache = getReferenceCache();
    if (code) {
      const division = cache.divisions.get(code);
      if (!division) {
        const byName = name ? matchDivisionName(name, this.suggest) : undefined;
        this.fail(codeField, {
          rule: 'unknown_division',
          value: code,
          message: /^\d{6}$/.test(code)
            ? bi('不是已知的 GB/T 2260 行政区划代码', 'not a GB/T 2260 code known to Amity')
            : bi('不是六位的 GB/T 2260 行政区划代码', 'not a six-digit GB/T 2260 code'),
          fix: bi(
            '请填写省、市或县的六位代码，如长沙市为 430100',
            'use the six-digit code of a province, city or county, e.g. 430100 for 长沙市',
          ),
          suggestions: byName && 'division' in byName ? [divisionLabel(byName.division)] : undefined,
        });
        return null;
      }
      if (name) {
        const byName = findDivisionsByName(cache, name);
        if (!byName.some((d) => d.code === division.code)) {
          this.fail(nameField, {
            rule: 'division_mismatch',
            value: name,
            message: bi(
              `与代码 ${code} 的行政区划 ${divisionLabel(division)} 不符`,
              `does not name the division of code ${code}, ${divisionLabel(division)}`,
            ),
            fix: bi('请改正代码或名称，或只填其中一项', 'correct the code or the name, or leave one of them empty'),
          });
          return null;
        }
      }
      return division;
    }
    if (name) {
      const match = matchDivisionName(name, this.problems.isFull ? noSuggestions : this.suggest);
      if ('division' in match) return match.division;
      this.fail(nameField, {
        rule: match.rule,
        value: name,
        message: match.message,
        fix:
          match.rule === 'ambiguous_division'
            ? bi(
                `请写出名称路径，如 ${match.suggestions[0]?.replace(/ \(\d+\)$/, '')}，或在 ${this.map.header(codeField)} 中填写代码`,
                `write the name path, e.g. ${match.suggestions[0]?.replace(/ \(\d+\)$/, '')}, or the code in ${codeField}`,
              )
            : bi(
                '请写出名称路径，如 湖南省/长沙市，或填写六位行政区划代码',
                'write the name path such as 湖南省/长沙市, or the six-digit code in cn_division_code',
              ),
        suggestions: match.suggestions,
      });
      return null;
    }
    this.required(
      this.map.has(nameField) || !this.map.has(codeField) ? nameField : codeField,
      bi('缺少中方', 'the Chinese side is missing'),
      bi(
        '请填写中方行政区划代码（如 430100）或中方行政区划（如 湖南省/长沙市）',
        `give ${codeField} (e.g. 430100) or ${nameField} (e.g. 湖南省/长沙市)`,
      ),
    );
    return null;
  }
}
