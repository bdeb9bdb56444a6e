/**
 * Reading and checking the cells of one row: text, enumerations, dates, numbers, links, countries
 * and Chinese divisions. Every failure becomes a problem naming the row, the column as the file
 * writes it, the value, what is wrong and how to fix it — with "did you mean" where names are close.
 */
import { z } from 'zod';
import { type Bilingual, bi, listIn } from '../../shared/bilingual.js';
import { type PartialDate, today } from '../../shared/dates.js';
import { LIMITS } from '../../shared/enums.js';
import { hasHan, nameKeyOf, normalizeText, pinyinOf } from '../../shared/text.js';
import { divisionNameForms, shortDivisionName } from '../places/division-names.js';
import {
  ancestorsOf,
  type Country,
  type Division,
  divisionPath,
  findCountry,
  findDivisionsByName,
  getReferenceCache,
  resolveDivisionName,
} from '../places/reference-cache.js';
import type { ColumnMap } from './columns.js';
import {
  type DateReading,
  dateRefusalMessage,
  describeDateReading,
  isPlainIso,
  readWrittenDate,
} from './date-reader.js';
import type { Problem } from './import.schema.js';
import type { TableRow } from './parsers.js';
import type { ProblemList } from './problems.js';
import { allowedDistance, closest, editDistance, suggestionCache } from './suggest.js';

/** The same rule as the partnership API, so that whatever the API stored exports and imports back. */
const UrlSchema = z.url().max(LIMITS.urlLength);

let divisionCandidates: DivisionCandidate[] | undefined;
let countryCandidatesEn: [string, string][] | undefined;
let countryCandidatesZh: [string, string][] | undefined;

export function divisionLabel(division: Division): string {
  return `${divisionPath(getReferenceCache(), division)} (${division.code})`;
}

/** A name a division is known by, for "did you mean": today's names, and former ones with today's division. */
type DivisionCandidate = { key: string; label: string; province: string; former: boolean; sound: string };

function allDivisionCandidates(): DivisionCandidate[] {
  if (!divisionCandidates) {
    const cache = getReferenceCache();
    const out: DivisionCandidate[] = [];
    for (const d of cache.divisions.values()) {
      const label = divisionLabel(d);
      for (const name of new Set([...divisionNameForms(d.nameZh), d.nameEn])) {
        out.push({ key: nameKeyOf(name), label, province: d.provinceCode, former: false, sound: '' });
      }
    }
    for (const [key, rows] of cache.formerByName) {
      for (const row of rows) {
        const today = row.codeToday ? cache.divisions.get(row.codeToday) : undefined;
        if (today)
          out.push({ key, label: divisionLabel(today), province: today.provinceCode, former: true, sound: '' });
      }
    }
    // The pinyin of each Chinese name: 株州市 is a slip for 株洲市, which sounds the same.
    for (const c of out) c.sound = hasHan(c.key) ? pinyinOf(c.key) : '';
    divisionCandidates = out;
  }
  return divisionCandidates;
}

/** Edit distance at or under which a candidate of the file's own province "fits" and comes first. */
const HOME_FIT = 1;

/**
 * "Did you mean" for a division name: the same province as the rest of the file (or the importer's
 * scope) first, then a short-name or former-name hit, then by edit distance. A division of another
 * province never comes before one of the file's province that fits.
 */
export function divisionSuggestions(text: string, province: string | null, limit = 5): string[] {
  const key = nameKeyOf(text);
  if (!key) return [];
  const max = allowedDistance(key);
  const sound = hasHan(key) ? pinyinOf(key) : '';
  // 韶山县 for 韶山市: the same name under another suffix (a county that became a city).
  const short = nameKeyOf(shortDivisionName(text));
  const scored: { label: string; tier: number; score: number }[] = [];
  for (const candidate of allDivisionCandidates()) {
    let score = editDistance(key, candidate.key, max);
    if (score > max && key.length >= 2 && candidate.key.length >= 2 && candidate.key.startsWith(key)) score = max;
    if (score > max) continue;
    // A name that sounds the same, or a former name that matches outright, ranks just after an exact one;
    // a former name is no near miss (邵阳's old 西区 is not "close" to 西畴区).
    if (score > 0 && sound && candidate.sound === sound) score = 0.25;
    else if (score > 0 && short !== key && candidate.key === short) score = 0.3;
    else if (candidate.former) {
      if (score > 0) continue;
      score = 0.5;
    }
    const home = candidate.province === province;
    // The file's own province first among the names that fit; then every name by how close it is.
    const tier = home && score <= HOME_FIT ? 0 : 1;
    scored.push({ label: candidate.label, tier, score: score + (home ? 0 : 0.1) });
  }
  scored.sort((a, b) => a.tier - b.tier || a.score - b.score || a.label.localeCompare(b.label));
  const out: string[] = [];
  for (const { label } of scored) {
    if (!out.includes(label)) out.push(label);
    if (out.length >= limit) break;
  }
  return out;
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

export type DivisionMatch =
  | { division: Division; reading?: Bilingual }
  | {
      rule: string;
      message: Bilingual;
      suggestions: string[];
      fix?: Bilingual;
      /** The name the suggestions are by edit distance for (a reader may rank them again for the file). */
      byDistance?: string;
    };

/** What the importer knows of the file around a name: the importer's scope. */
export type DivisionContext = { within?: string | null };

const inSubtree = (division: Division, code: string) =>
  division.code === code || ancestorsOf(getReferenceCache(), division).some((a) => a.code === code);

/** Several divisions by one name: the one inside the importer's scope, or the one holding all the others. */
function narrow(found: Division[], context: DivisionContext): { division: Division; why: Bilingual } | undefined {
  const within = context.within;
  if (within && within !== '000000') {
    const inside = found.filter((d) => inSubtree(d, within));
    if (inside.length === 1) {
      return {
        division: inside[0] as Division,
        why: bi('权限范围内唯一的同名区划', 'the only one of that name in your scope'),
      };
    }
  }
  const outer = found.find((d) => found.every((other) => other === d || inSubtree(other, d.code)));
  if (outer) {
    const names = found.map((d) => d.nameZh).join('、');
    return { division: outer, why: bi(`${names} 中范围最大的`, `the largest of ${names}`) };
  }
  return undefined;
}

function yearMonth(revision: string): string {
  return `${revision.slice(0, 4)}-${revision.slice(4, 6)}`;
}

/** A division by a name or a name path as people write them; unknown and ambiguous names come with candidates. */
export function matchDivisionName(
  text: string,
  suggest = suggestionCache(),
  context: DivisionContext = {},
): DivisionMatch {
  const cache = getReferenceCache();
  const resolved = resolveDivisionName(cache, text);
  const found = resolved.divisions;
  const reading = (division: Division, why?: Bilingual): Bilingual | undefined => {
    const label = divisionLabel(division);
    if (resolved.how === 'name' && !why && (text === division.nameZh || text === divisionPath(cache, division))) {
      return undefined;
    }
    const notes: Bilingual[] = [];
    if (resolved.how === 'run_together') notes.push(bi('名称连写', 'names run together'));
    if (resolved.how === 'former') {
      const row = resolved.former?.find((r) => r.codeToday === division.code);
      if (row) {
        notes.push(
          bi(
            `旧称（${row.formerName} ${row.formerCode}，GB/T 2260 代码表列至 ${yearMonth(row.lastListed)}${row.change === 'renamed' ? '，后更名' : '，后撤销改设'}）`,
            `a former name (${row.formerName} ${row.formerCode}, listed in GB/T 2260 until ${yearMonth(row.lastListed)}, then ${row.change === 'renamed' ? 'renamed' : 'recoded'})`,
          ),
        );
      }
    }
    if (why) notes.push(why);
    const zh = notes.length ? `${label}（${notes.map((n) => n.zh).join('；')}）` : label;
    const en = notes.length ? `${label} (${notes.map((n) => n.en).join('; ')})` : label;
    return bi(zh, en);
  };
  if (found.length === 1) {
    const division = found[0] as Division;
    return { division, reading: reading(division) };
  }
  if (found.length > 1) {
    const chosen = narrow(found, context);
    if (chosen) return { division: chosen.division, reading: reading(chosen.division, chosen.why) };
    return {
      rule: 'ambiguous_division',
      message: bi(`“${text}”对应 ${found.length} 个行政区划`, `${text} names ${found.length} divisions`),
      suggestions: found.map(divisionLabel),
    };
  }
  const abolished = resolved.how === 'former' ? resolved.former?.filter((r) => r.codeToday === null) : undefined;
  if (abolished?.length) {
    const row = abolished[0] as NonNullable<typeof abolished>[number];
    return {
      rule: 'former_division',
      message: bi(
        `${row.formerName}（${row.formerCode}）是已撤销的行政区划，GB/T 2260 代码表列至 ${yearMonth(row.lastListed)}`,
        `${row.formerName} (${row.formerCode}) is a former division, abolished: GB/T 2260 lists it until ${yearMonth(row.lastListed)}`,
      ),
      fix: bi(
        '请填写其所在地今天的行政区划（名称或六位代码）',
        'write the division its area belongs to today (name or six-digit code)',
      ),
      suggestions: [],
    };
  }
  const last =
    normalizeText(text)
      .split(/[/>＞、|]/)
      .filter(Boolean)
      .at(-1)
      ?.trim() ?? '';
  const sameName = findDivisionsByName(cache, last);
  const message = bi('无法识别的中方行政区划', 'unknown Chinese division');
  if (sameName.length > 0) return { rule: 'unknown_division', message, suggestions: sameName.map(divisionLabel) };
  const province = context.within && context.within !== '000000' ? `${context.within.slice(0, 2)}0000` : null;
  const suggestions = suggest(`division:${province}:${nameKeyOf(last)}`, () => divisionSuggestions(last, province));
  return { rule: 'unknown_division', message, suggestions, byDistance: last };
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
  /** Division names already read in this file: a sheet names the same few hundred divisions again and again. */
  private readonly divisionNames = new Map<string, DivisionMatch>();
  /** The importer's scope: an ambiguous name with one division inside it is that division. */
  within: string | null = null;
  /** Provinces of the divisions read so far: "did you mean" prefers the file's own. */
  private readonly provinces = new Map<string, number>();
  /** Unknown division names, whose suggestions wait until the whole file's province is known. */
  private readonly unknownDivisions: { problem: Problem; name: string }[] = [];

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

  fail(field: string, problem: Omit<Problem, 'row' | 'column' | 'field'>): Problem {
    this.ok = false;
    const added = { row: this.row.row, column: this.map.header(field), field, ...problem };
    this.problems.add(added);
    return added;
  }

  /** Records how a cell was read, for the dry run to show beside the row. */
  note(field: string, value: string, reading: Bilingual): void {
    this.problems.readings.add({ row: this.row.row, column: this.map.header(field), field, value, reading });
  }

  /** The province most of the file's divisions are in; else the importer's scope's province. */
  fileProvince(): string | null {
    let best: string | null = null;
    let most = 0;
    for (const [province, n] of this.provinces) {
      if (n > most) [best, most] = [province, n];
    }
    if (best) return best;
    return this.within && this.within !== '000000' ? `${this.within.slice(0, 2)}0000` : null;
  }

  /** After the last row: the unknown division names get their suggestions, the file's province first. */
  finish(): void {
    const province = this.fileProvince();
    for (const { problem, name } of this.unknownDivisions) {
      problem.suggestions = this.suggest(`division:${province}:${nameKeyOf(name)}`, () =>
        divisionSuggestions(name, province),
      );
    }
    this.unknownDivisions.length = 0;
  }

  private readDate(field: string, value: string): PartialDate | null {
    const reading = readWrittenDate(value);
    if (!reading.ok) {
      this.fail(field, {
        rule: 'invalid_date',
        value,
        message: dateRefusalMessage(reading.reason),
        fix: dateFix(reading),
      });
      return null;
    }
    if (!isPlainIso(value, reading)) this.note(field, value, describeDateReading(reading));
    return reading.date;
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
    const parsed = this.readDate(field, value);
    if (!parsed) return null;
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
    const reading = readWrittenDate(value);
    if (!reading.ok || reading.date.precision !== 'day') {
      this.fail(field, {
        rule: 'invalid_date',
        value,
        message: reading.ok
          ? bi('需要精确到日，不能只有年或月', 'needs the day, not only the year or month')
          : dateRefusalMessage(reading.reason),
        fix: bi(
          '请写成 2019-06-30 或 2019年6月30日（并确认该日存在）',
          'write 2019-06-30 or 2019年6月30日 (and check the day exists)',
        ),
      });
      return null;
    }
    if (!isPlainIso(value, reading)) this.note(field, value, describeDateReading(reading));
    return reading.date.date;
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
    if (found) {
      if (value !== found.iso2 && value !== found.nameZh && value !== found.nameEn) {
        this.note(field, value, bi(`${found.nameZh}（${found.iso2}）`, `${found.nameEn} (${found.iso2})`));
      }
      return found;
    }
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

  private counted(division: Division): Division {
    this.provinces.set(division.provinceCode, (this.provinces.get(division.provinceCode) ?? 0) + 1);
    return division;
  }

  /** The Chinese side from a code column, a name column, or both (which must then agree). */
  division(codeField: string, nameField: string): Division | null {
    const code = this.raw(codeField);
    const name = this.raw(nameField);
    const cache = getReferenceCache();
    if (code) {
      const division = cache.divisions.get(code);
      if (!division) {
        const byName = name ? matchDivisionName(name, this.suggest, { within: this.within }) : undefined;
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
        const byName = resolveDivisionName(cache, name).divisions;
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
      return this.counted(division);
    }
    if (name) {
      let match = this.divisionNames.get(name);
      if (!match) {
        match = matchDivisionName(name, this.problems.isFull ? noSuggestions : this.suggest, { within: this.within });
        if (this.divisionNames.size < 10_000) this.divisionNames.set(name, match);
      }
      if ('division' in match) {
        if (match.reading) this.note(nameField, name, match.reading);
        return this.counted(match.division);
      }
      const problem = this.fail(nameField, {
        rule: match.rule,
        value: name,
        message: match.message,
        fix:
          match.fix ??
          (match.rule === 'ambiguous_division'
            ? bi(
                `请写出名称路径，如 ${match.suggestions[0]?.replace(/ \(\d+\)$/, '')}，或在 ${this.map.header(codeField)} 中填写代码`,
                `write the name path, e.g. ${match.suggestions[0]?.replace(/ \(\d+\)$/, '')}, or the code in ${codeField}`,
              )
            : bi(
                '请写出名称路径，如 湖南省/长沙市，或填写六位行政区划代码',
                'write the name path such as 湖南省/长沙市, or the six-digit code in cn_division_code',
              )),
        suggestions: match.suggestions,
      });
      if (match.byDistance && !this.problems.isFull) this.unknownDivisions.push({ problem, name: match.byDistance });
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

/** How to write a date the reader refused, for the reason it was refused. */
function dateFix(reading: Extract<DateReading, { ok: false }>): Bilingual {
  if (reading.reason.kind === 'day_month_order') {
    return bi(
      '请按年月日的顺序写，如 1982-10-30 或 1982年10月30日',
      'write the year first: 1982-10-30 or 1982年10月30日',
    );
  }
  return bi(
    '请写成 2018、2018-05、2018-05-03 或 2018年5月3日（并确认该日存在）',
    'write 2018, 2018-05, 2018-05-03 or 2018年5月3日 (and check the day exists)',
  );
}
