/**
 * Reading and checking the cells of one row: text, enumerations, dates, numbers, links, countries
 * and Chinese divisions. Every failure becomes a problem naming the row, the column as the file
 * writes it, the value, what is wrong and how to fix it — with "did you mean" where names are close.
 */
import { z } from 'zod';
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
import type { ImportProblem } from './import.schema.js';
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

export type DivisionMatch = { division: Division } | { rule: string; message: string; suggestions: string[] };

/** A division by a name or a name path; unknown and ambiguous names come with candidates. */
export function matchDivisionName(text: string, suggest = suggestionCache()): DivisionMatch {
  const cache = getReferenceCache();
  const found = findDivisionsByName(cache, text);
  if (found.length === 1) return { division: found[0] as Division };
  if (found.length > 1) {
    return {
      rule: 'ambiguous_division',
      message: `${text} names ${found.length} divisions`,
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
  return { rule: 'unknown_division', message: 'unknown Chinese division', suggestions };
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
  ) {}

  start(row: TableRow): void {
    this.row = row;
    this.ok = true;
  }

  raw(field: string): string | undefined {
    return this.map.get(this.row, field);
  }

  fail(field: string, problem: Omit<ImportProblem, 'row' | 'column' | 'field'>): void {
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
        message: `longer than ${max} characters`,
        fix: `shorten it to at most ${max} characters`,
      });
      return null;
    }
    return value;
  }

  required(field: string, message: string, fix: string): void {
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
      message: `not one of ${allowed.join(', ')}`,
      fix: `write one of ${allowed.join(', ')}`,
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
        message: 'not a real date',
        fix: 'write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2018, 2018-05 or 2018-05-03 (and check the day exists)',
      });
      return null;
    }
    if (notFuture && parsed.date > this.now) {
      this.fail(field, {
        rule: 'future_date',
        value,
        message: 'the date is in the future',
        fix: `use today (${this.now}) or an earlier date`,
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
        message: parsed ? 'needs the day, not only the year or month' : 'not a real date',
        fix: 'write YYYY-MM-DD, e.g. 2019-06-30 (and check the day exists)',
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
        message: 'not a web address',
        fix: 'write the full address, e.g. https://www.example.org/page',
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
        message: `not a whole number from 0 to ${max.toLocaleString('en')}`,
        fix: 'write digits only, e.g. 110',
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
      message: 'unknown country',
      fix: 'use an ISO 3166 alpha-2 code such as GH, or the country name in Chinese or English (China itself is not a foreign partner)',
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
          message: /^\d{6}$/.test(code) ? 'not a GB/T 2260 code known to Amity' : 'not a six-digit GB/T 2260 code',
          fix: 'use the six-digit code of a province, city or county, e.g. 430100 for 长沙市',
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
            message: `does not name the division of code ${code}, ${divisionLabel(division)}`,
            fix: 'correct the code or the name, or leave one of them empty',
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
            ? `write the name path, e.g. ${match.suggestions[0]?.replace(/ \(\d+\)$/, '')}, or the code in ${codeField}`
            : 'write the name path such as 湖南省/长沙市, or the six-digit code in cn_division_code',
        suggestions: match.suggestions,
      });
      return null;
    }
    this.required(
      this.map.has(nameField) || !this.map.has(codeField) ? nameField : codeField,
      'the Chinese side is missing',
      `give ${codeField} (e.g. 430100) or ${nameField} (e.g. 湖南省/长沙市)`,
    );
    return null;
  }
}
