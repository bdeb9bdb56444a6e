/**
 * A synthetic national-scale registry for benchmarks: deterministic (seeded), in the interchange
 * format, spread over every Chinese division and every foreign country. Not real data: every
 * partner is named "Synthetic Place N".
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { divisionNameForms } from '../src/server/places/division-names.js';
import { divisionPath, getReferenceCache, resolveDivisionName } from '../src/server/places/reference-cache.js';

/** mulberry32: a small, fast, seeded PRNG so that every run generates the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADER = [
  'cn_division_code',
  'partner_name_en',
  'partner_country',
  'kind',
  'established_on',
  'status',
  'ended_on',
  'source_url',
  'notes',
];

/** `rows` partnerships as CSV text; each (division, place, kind) appears once. */
export function syntheticPartnershipsCsv(rows: number, seed = 20261124): string {
  const random = seededRandom(seed);
  const cache = getReferenceCache();
  const divisions = [...cache.divisions.values()];
  const provinces = divisions.filter((d) => d.level === 'province');
  const prefectures = divisions.filter((d) => d.level === 'prefecture');
  const counties = divisions.filter((d) => d.level === 'county');
  const countries = [...cache.countries.values()].filter((c) => c.continent !== 'antarctica');
  const placeCount = Math.max(1000, Math.floor(rows / 2));
  const out: string[][] = [HEADER];
  const seen = new Set<string>();
  for (let i = 0; out.length <= rows; i++) {
    const roll = random();
    // Roughly the national shape: a sixth provincial, two thirds city, the rest county level.
    const pool = roll < 0.16 ? provinces : roll < 0.8 ? prefectures : counties;
    const division = pool[Math.floor(random() * pool.length)];
    const place = Math.floor(random() * placeCount);
    const kind = random() < 0.9 ? 'friendship' : 'exchange';
    if (!division) continue;
    const key = `${division.code}|${place}|${kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const country = countries[place % countries.length];
    if (!country) continue;
    const year = 1973 + Math.floor(random() * 52);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const precision = random();
    const established =
      precision < 0.2
        ? `${year}`
        : precision < 0.5
          ? `${year}-${String(month).padStart(2, '0')}`
          : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const ended = random() < 0.03 && year < 2020;
    out.push([
      division.code,
      `Synthetic Place ${place}`,
      country.iso2,
      kind,
      established,
      ended ? 'ended' : random() < 0.1 ? 'dormant' : 'active',
      ended ? `${year + 3}-06-30` : '',
      '',
      `synthetic benchmark row ${i}`,
    ]);
  }
  return stringify(out);
}

const STATUS_ZH: Record<string, string> = { active: '正常', dormant: '休眠', ended: '已终止' };

/**
 * The same partnerships as syntheticPartnershipsCsv(), written the way an office keeps its sheet:
 * a 序号 column, Chinese headers, the Chinese side by name (short, run together or as a path) instead
 * of its code, the country by its Chinese or official long name, dates in Chinese.
 */
export function syntheticOfficeSheetCsv(rows: number, seed = 20261124): string {
  const cache = getReferenceCache();
  const longNames = new Map<string, string>();
  for (const [key, iso2] of cache.countriesByName) {
    if (/[\u4e00-\u9fff]/.test(key) && key.length > (longNames.get(iso2)?.length ?? 0)) longNames.set(iso2, key);
  }
  const parsed = parse(syntheticPartnershipsCsv(rows, seed), { columns: true }) as Record<string, string>[];
  const out: string[][] = [
    ['序号', '中方城市', '外方城市英文名', '国家', '类型', '结好时间', '状态', '终止日期', '备注'],
  ];
  parsed.forEach((row, i) => {
    const division = cache.divisions.get(row.cn_division_code as string);
    const country = cache.countries.get(row.partner_country as string);
    if (!division || !country) throw new Error(`synthetic row ${i} names no division or country`);
    out.push([
      String(i + 1),
      writtenDivision(division.code),
      row.partner_name_en as string,
      i % 5 === 0 ? (longNames.get(country.iso2) ?? country.nameZh) : country.nameZh,
      row.kind === 'exchange' ? '友好交流关系' : '友好城市',
      chineseDate(row.established_on as string, i),
      STATUS_ZH[row.status as string] as string,
      row.ended_on ? chineseDate(row.ended_on, i) : '',
      row.notes as string,
    ]);
  });
  return stringify(out);
}

/** A division as people write it: short or run together where that reads back as the same one, else its path. */
function writtenDivision(code: string): string {
  const cache = getReferenceCache();
  const division = cache.divisions.get(code);
  if (!division) throw new Error(`no division ${code}`);
  const parent = division.parentCode ? cache.divisions.get(division.parentCode) : undefined;
  const forms = divisionNameForms(division.nameZh);
  const candidates = [
    parent ? `${parent.nameZh}${forms[1] ?? division.nameZh}` : (forms[1] ?? division.nameZh),
    parent ? `${parent.nameZh}${division.nameZh}` : division.nameZh,
  ];
  for (const text of candidates) {
    const read = resolveDivisionName(cache, text).divisions;
    if (read.length === 1 && read[0]?.code === code) return text;
  }
  return divisionPath(cache, division);
}

function chineseDate(iso: string, i: number): string {
  const [y, m, d] = iso.split('-');
  if (i % 4 === 3) return iso.replace(/-/g, '.');
  if (!m) return `${y}年`;
  if (!d) return `${y}年${Number(m)}月`;
  return `${y}年${Number(m)}月${Number(d)}日`;
}
