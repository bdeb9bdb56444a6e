/**
 * The reference tables (≈3,300 divisions, ≈250 countries) held in memory, with the look-ups that
 * the importer and the services need: by code, by name, by name path. They are built from the same
 * shipped files that ensureReferenceData() loads into every database, so one copy per process
 * serves every database and transaction.
 */
import type { Continent, DivisionLevel } from '../../shared/enums.js';
import type { FieldIssue } from '../../shared/errors.js';
import { nameKeyOf, normalizeText } from '../../shared/text.js';
import {
  type FormerDivisionRow,
  readCountries,
  readCountryAliases,
  readDivisionHistory,
  readDivisionNames,
} from '../reference/reference.service.js';
import { divisionNameForms } from './division-names.js';

export type Division = {
  code: string;
  nameZh: string;
  nameEn: string;
  level: DivisionLevel;
  parentCode: string | null;
  provinceCode: string;
  prefectureCode: string | null;
  /** Its Wikidata item (Q…), when the shipped reference data knows it. */
  wikidataId: string | null;
};
export type Country = {
  iso2: string;
  iso3: string;
  numeric: string | null;
  nameZh: string;
  nameEn: string;
  continent: Continent | 'antarctica';
};

export type ReferenceCache = {
  divisions: Map<string, Division>;
  countries: Map<string, Country>;
  /** Division codes by every name they are known by (full Chinese, short Chinese, English). */
  divisionsByName: Map<string, string[]>;
  /** Country codes by ISO codes, Chinese and English names and the aliases of data/country-aliases.csv. */
  countriesByName: Map<string, string>;
  /** Divisions GB/T 2260 once listed, by their former names. */
  formerByName: Map<string, FormerDivisionRow[]>;
};

let cached: ReferenceCache | undefined;

/** The problem of a field (at `path`) whose code is no division the reference data knows. */
export function unknownDivisionIssue(path: string, code: string, fix: string): FieldIssue {
  return {
    path,
    rule: 'unknown_division',
    value: code,
    message: `${code} is not a GB/T 2260 division code known to Amity`,
    fix,
  };
}

export function getReferenceCache(): ReferenceCache {
  cached ??= buildCache();
  return cached;
}

export { shortDivisionName } from './division-names.js';

function buildCache(): ReferenceCache {
  const divisionRows = readDivisionNames();
  const countryRows = readCountries();
  const divisions = new Map<string, Division>();
  const byCode = new Map(divisionRows.map((d) => [d.code, d]));
  for (const row of divisionRows) {
    let provinceCode = row.code;
    let prefectureCode: string | null = null;
    if (row.level === 'prefecture') {
      provinceCode = row.parentCode ?? row.code;
      prefectureCode = row.code;
    } else if (row.level === 'county') {
      const parent = row.parentCode ? byCode.get(row.parentCode) : undefined;
      if (parent?.level === 'prefecture') {
        prefectureCode = parent.code;
        provinceCode = parent.parentCode ?? parent.code;
      } else {
        provinceCode = row.parentCode ?? row.code;
      }
    }
    divisions.set(row.code, {
      code: row.code,
      nameZh: row.nameZh,
      nameEn: row.nameEn,
      level: row.level as DivisionLevel,
      parentCode: row.parentCode,
      provinceCode,
      prefectureCode,
      wikidataId: row.wikidataId,
    });
  }
  const divisionsByName = new Map<string, string[]>();
  const addName = (name: string, code: string) => {
    const key = nameKeyOf(name);
    if (!key) return;
    const list = divisionsByName.get(key) ?? [];
    if (!list.includes(code)) list.push(code);
    divisionsByName.set(key, list);
  };
  for (const d of divisions.values()) {
    for (const form of divisionNameForms(d.nameZh)) addName(form, d.code);
    addName(d.nameEn, d.code);
  }
  const countries = new Map<string, Country>();
  const countriesByName = new Map<string, string>();
  for (const row of countryRows) {
    countries.set(row.iso2, { ...row, continent: row.continent as Country['continent'] });
    for (const name of [row.iso2, row.iso3, row.nameZh, row.nameEn]) countriesByName.set(nameKeyOf(name), row.iso2);
  }
  for (const { alias, iso2 } of readCountryAliases()) {
    if (countries.has(iso2)) countriesByName.set(nameKeyOf(alias), iso2);
  }
  const formerByName = new Map<string, FormerDivisionRow[]>();
  for (const row of readDivisionHistory()) {
    for (const form of divisionNameForms(row.formerName).slice(0, 1)) {
      const key = nameKeyOf(form);
      formerByName.set(key, [...(formerByName.get(key) ?? []), row]);
    }
  }
  return { divisions, countries, divisionsByName, countriesByName, formerByName };
}

export function findCountry(cache: ReferenceCache, text: string): Country | undefined {
  const iso2 = cache.countriesByName.get(nameKeyOf(text));
  return iso2 ? cache.countries.get(iso2) : undefined;
}

/**
 * Finds divisions by a name ("长沙市", "长沙", "Changsha") or a name path ("湖南省/长沙市",
 * "湖南/长沙/浏阳"). Returns every match; more than one means the name is ambiguous.
 */
export function findDivisionsByName(cache: ReferenceCache, text: string): Division[] {
  const parts = splitPath(text);
  if (parts.length === 0) return [];
  const last = parts[parts.length - 1] as string;
  const candidates = (cache.divisionsByName.get(nameKeyOf(last)) ?? [])
    .map((code) => cache.divisions.get(code))
    .filter((d): d is Division => d !== undefined);
  if (parts.length === 1) return candidates;
  const ancestorKeys = parts.slice(0, -1).map(nameKeyOf);
  return candidates.filter((d) => {
    const ancestors = ancestorsOf(cache, d);
    return ancestorKeys.every((key) =>
      ancestors.some(
        (a) => nameKeyOf(a.nameEn) === key || divisionNameForms(a.nameZh).some((f) => nameKeyOf(f) === key),
      ),
    );
  });
}

/** How a name was read: as a name or path of today, names run together, or a former name. */
export type DivisionResolution = {
  divisions: Division[];
  how: 'name' | 'run_together' | 'former' | 'none';
  /** For a former name: the history rows it was found by (abolished ones have no code today). */
  former?: FormerDivisionRow[];
};

/**
 * Resolves a division as people write it: a name or path of today (长沙市, 湖南/长沙, 湘西州), names
 * run together (湖南省长沙市, 玉溪市元江县), or a former name GB/T 2260 once listed (吴江市 → today's
 * 苏州市吴江区). Several matches stay several: the caller narrows or reports them.
 */
export function resolveDivisionName(cache: ReferenceCache, text: string): DivisionResolution {
  const direct = findDivisionsByName(cache, text);
  if (direct.length > 0) return { divisions: direct, how: 'name' };
  const parts = splitPath(text);
  if (parts.length === 1) {
    const joined = runTogether(cache, nameKeyOf(parts[0] as string), 0);
    if (joined.length > 0) return { divisions: joined, how: 'run_together' };
  }
  const last = parts[parts.length - 1];
  const rows = last ? cache.formerByName.get(nameKeyOf(last)) : undefined;
  if (!rows) return { divisions: [], how: 'none' };
  const ancestorKeys = parts.slice(0, -1).map(nameKeyOf);
  const today = new Map<string, Division>();
  for (const row of rows) {
    const division = row.codeToday ? cache.divisions.get(row.codeToday) : undefined;
    if (!division) continue;
    const names = [division, ...ancestorsOf(cache, division)].flatMap((d) =>
      divisionNameForms(d.nameZh).map(nameKeyOf),
    );
    if (ancestorKeys.every((key) => names.includes(key))) today.set(division.code, division);
  }
  return { divisions: [...today.values()], how: 'former', former: rows };
}

function splitPath(text: string): string[] {
  return normalizeText(text)
    .split(/[/>＞、|]/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** 湖南省长沙市 → 长沙市 under 湖南省: a head that names divisions, then a rest inside one of them. */
function runTogether(cache: ReferenceCache, key: string, depth: number): Division[] {
  if (depth > 3 || key.length < 4) return [];
  const found = new Map<string, Division>();
  for (let i = 2; i <= key.length - 2; i += 1) {
    const heads = cache.divisionsByName.get(key.slice(0, i));
    if (!heads) continue;
    const rest = key.slice(i);
    const tails = (cache.divisionsByName.get(rest) ?? [])
      .map((code) => cache.divisions.get(code))
      .filter((d): d is Division => d !== undefined);
    for (const tail of tails.length > 0 ? tails : runTogether(cache, rest, depth + 1)) {
      if (ancestorsOf(cache, tail).some((a) => heads.includes(a.code))) found.set(tail.code, tail);
    }
  }
  return [...found.values()];
}

export function ancestorsOf(cache: ReferenceCache, division: Division): Division[] {
  const out: Division[] = [];
  let code = division.parentCode;
  while (code) {
    const parent = cache.divisions.get(code);
    if (!parent) break;
    out.push(parent);
    code = parent.parentCode;
  }
  return out;
}

/** "湖南省/长沙市/浏阳市": the full name path of a division, as the interchange format writes it. */
export function divisionPath(cache: ReferenceCache, division: Division): string {
  return [...ancestorsOf(cache, division).reverse(), division].map((d) => d.nameZh).join('/');
}
