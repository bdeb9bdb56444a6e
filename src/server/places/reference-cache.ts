/**
 * The reference tables (≈3,300 divisions, ≈250 countries) held in memory, with the look-ups that
 * the importer and the services need: by code, by name, by name path. They are built from the same
 * shipped files that ensureReferenceData() loads into every database, so one copy per process
 * serves every database and transaction.
 */
import type { Continent, DivisionLevel } from '../../shared/enums.js';
import type { FieldIssue } from '../../shared/errors.js';
import { nameKeyOf, normalizeText } from '../../shared/text.js';
import { readCountries, readDivisionNames } from '../reference/reference.service.js';

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
  /** Country codes by ISO codes and by Chinese and English names. */
  countriesByName: Map<string, string>;
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

/** Chinese division names without their administrative suffix: 长沙市 → 长沙. */
const DIVISION_SUFFIX =
  /(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治州|地区|盟|县|区|旗|自治县|自治旗)$/;

export function shortDivisionName(nameZh: string): string {
  const short = nameZh.replace(DIVISION_SUFFIX, '');
  return short.length >= 2 ? short : nameZh;
}

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
    addName(d.nameZh, d.code);
    addName(shortDivisionName(d.nameZh), d.code);
    addName(d.nameEn, d.code);
  }
  const countries = new Map<string, Country>();
  const countriesByName = new Map<string, string>();
  for (const row of countryRows) {
    countries.set(row.iso2, { ...row, continent: row.continent as Country['continent'] });
    for (const name of [row.iso2, row.iso3, row.nameZh, row.nameEn]) countriesByName.set(nameKeyOf(name), row.iso2);
  }
  for (const [alias, iso2] of COUNTRY_ALIASES) if (countries.has(iso2)) countriesByName.set(nameKeyOf(alias), iso2);
  return { divisions, countries, divisionsByName, countriesByName };
}

/** Names that spreadsheets and the twinning lists use for countries besides the ISO ones. */
const COUNTRY_ALIASES: [string, string][] = [
  ['USA', 'US'],
  ['United States of America', 'US'],
  ['America', 'US'],
  ['UK', 'GB'],
  ['Britain', 'GB'],
  ['Great Britain', 'GB'],
  ['England', 'GB'],
  ['Scotland', 'GB'],
  ['Wales', 'GB'],
  ['Northern Ireland', 'GB'],
  ['Russian Federation', 'RU'],
  ['Korea', 'KR'],
  ['Republic of Korea', 'KR'],
  ['South Korea', 'KR'],
  ['大韩民国', 'KR'],
  ['Czech Republic', 'CZ'],
  ['Republic of the Congo', 'CG'],
  ['Congo-Brazzaville', 'CG'],
  ['刚果（布）', 'CG'],
  ['刚果(布)', 'CG'],
  ['Democratic Republic of the Congo', 'CD'],
  ['刚果（金）', 'CD'],
  ['刚果(金)', 'CD'],
  ['Ivory Coast', 'CI'],
  ["Côte d'Ivoire", 'CI'],
  ['Viet Nam', 'VN'],
  ['Laos', 'LA'],
  ['Macedonia', 'MK'],
  ['Burma', 'MM'],
  ['Türkiye', 'TR'],
  ['Turkey', 'TR'],
  ['Holland', 'NL'],
  ['The Netherlands', 'NL'],
  ['Swaziland', 'SZ'],
  ['Cape Verde', 'CV'],
  ['East Timor', 'TL'],
  ['Vatican City', 'VA'],
  ['Palestinian territories', 'PS'],
  ['State of Palestine', 'PS'],
  ['Iran (Islamic Republic of)', 'IR'],
  ['Syrian Arab Republic', 'SY'],
  ['Moldova, Republic of', 'MD'],
  ['Tanzania, United Republic of', 'TZ'],
  ['Bolivia (Plurinational State of)', 'BO'],
  ['Venezuela (Bolivarian Republic of)', 'VE'],
  ['Federated States of Micronesia', 'FM'],
  ['The Bahamas', 'BS'],
  ['The Gambia', 'GM'],
];

export function findCountry(cache: ReferenceCache, text: string): Country | undefined {
  const iso2 = cache.countriesByName.get(nameKeyOf(text));
  return iso2 ? cache.countries.get(iso2) : undefined;
}

/**
 * Finds divisions by a name ("长沙市", "长沙", "Changsha") or a name path ("湖南省/长沙市",
 * "湖南/长沙/浏阳"). Returns every match; more than one means the name is ambiguous.
 */
export function findDivisionsByName(cache: ReferenceCache, text: string): Division[] {
  const parts = normalizeText(text)
    .split(/[/>＞、|]/)
    .map((p) => p.trim())
    .filter(Boolean);
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
        (a) =>
          nameKeyOf(a.nameZh) === key || nameKeyOf(shortDivisionName(a.nameZh)) === key || nameKeyOf(a.nameEn) === key,
      ),
    );
  });
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
