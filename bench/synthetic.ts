/**
 * A synthetic national-scale registry for benchmarks: deterministic (seeded), in the interchange
 * format, spread over every Chinese division and every foreign country. Not real data: every
 * partner is named "Synthetic Place N".
 */
import { stringify } from 'csv-stringify/sync';
import { getReferenceCache } from '../src/server/places/reference-cache.js';

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
