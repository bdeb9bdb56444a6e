/**
 * The back-test's registry, shared by `npm run bench:match` and `bench/match.tune.ts`: loaded when
 * this module is imported.
 *
 * The registry is every pair with a Chinese side in ../shared/data/twin-cities-wikipedia (English
 * Wikipedia's lists of twin towns, CC BY-SA; see its PROVENANCE.md), entered through the partnership
 * service into an embedded database with the reference data and the gazetteer. Then each pair whose
 * foreign side is a gazetteer candidate is hidden in turn — taken out of everything the ranking reads
 * (the division's pairs, the province's ties, the place's Chinese partners) — and the Chinese side's
 * suggestions are asked for: is the hidden partner in the top 10? The same for a population-only
 * ranking (weight on size alone) and for chance. Speed: the service's suggestions (top 20) on PGlite.
 *
 *   npm run bench:match [-- --pairs N]
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { systemActor } from '../src/server/auth/actor.js';
import { openDatabase } from '../src/server/db/open.js';
import { queryRows } from '../src/server/db/sql.js';
import { distanceKm, type MatchContext } from '../src/server/match/score.js';
import { type MatchSetting, readSetting } from '../src/server/match/suggestion.service.js';
import { createPartnership } from '../src/server/partnerships/partnership.service.js';
import { type Division, findCountry, getReferenceCache } from '../src/server/places/reference-cache.js';
import { DEFAULT_WEIGHTS, type Weights, WeightsParamSchema } from '../src/shared/schemas/match.js';
import { nameKeyOf } from '../src/shared/text.js';

const DATA = new URL('../../shared/data/twin-cities-wikipedia/twin_cities_geocoded.csv', import.meta.url);
const argPairs = process.argv.indexOf('--pairs');
export const MAX_PAIRS = argPairs > 0 ? Number(process.argv[argPairs + 1]) : Number.POSITIVE_INFINITY;
const argWeights = process.argv.indexOf('--weights');
export const WEIGHTS: Weights =
  argWeights > 0 ? WeightsParamSchema.parse(process.argv[argWeights + 1]) : DEFAULT_WEIGHTS;

type Row = {
  city1: string;
  country1: string;
  lat1: string;
  lng1: string;
  city2: string;
  country2: string;
  lat2: string;
  lng2: string;
};
export const rows = parse(readFileSync(DATA), { columns: true, skip_empty_lines: true }) as Row[];

const cache = getReferenceCache();
const coordinates = JSON.parse(
  readFileSync(new URL('../src/shared/map/cn-coordinates.json', import.meta.url), 'utf8'),
) as Record<string, [number, number]>;

const byEnglish = new Map<string, Division[]>();
for (const d of cache.divisions.values()) {
  const key = nameKeyOf(d.nameEn);
  byEnglish.set(key, [...(byEnglish.get(key) ?? []), d]);
}

function pointOf(d: Division): [number, number] | undefined {
  return (
    coordinates[d.code] ?? (d.prefectureCode ? coordinates[d.prefectureCode] : undefined) ?? coordinates[d.provinceCode]
  );
}

/** Great-circle km between two [lng, lat] points. */
const km = (a: [number, number], b: [number, number]) =>
  distanceKm({ lng: a[0], lat: a[1] }, { lng: b[0], lat: b[1] }) as number;

const LEVEL_ORDER = { prefecture: 0, province: 1, county: 2 } as const;

/** "Harbin – Daoli", "Acheng (Harbin)", "Jilin City", "Changli County" → the division, near the given point. */
function divisionOf(text: string, at: [number, number]): Division | undefined {
  let name = text.trim();
  let hint: string | undefined;
  const dash = name.split(' – ');
  if (dash.length === 2) [hint, name] = dash as [string, string];
  const paren = /^(.*?) \((.*)\)$/.exec(name);
  if (paren) [, name, hint] = paren as unknown as [string, string, string];
  const bare = name.replace(/ (City|County|District)$/, '');
  const found = [
    ...(byEnglish.get(nameKeyOf(name)) ?? []),
    ...(bare !== name ? (byEnglish.get(nameKeyOf(bare)) ?? []) : []),
  ];
  const hinted = hint
    ? found.filter((d) =>
        [d.prefectureCode, d.provinceCode].some(
          (c) => c && nameKeyOf(cache.divisions.get(c)?.nameEn ?? '') === nameKeyOf(hint),
        ),
      )
    : found;
  const near = (hinted.length ? hinted : found)
    .map((d) => ({ d, far: pointOf(d) ? km(pointOf(d) as [number, number], at) : 9_999 }))
    .filter((x) => x.far < 300)
    .sort((a, b) => a.far - b.far || LEVEL_ORDER[a.d.level] - LEVEL_ORDER[b.d.level]);
  return near[0]?.d;
}

type Pair = { division: Division; countryIso2: string; name: string };
export const pairs: Pair[] = [];
export let unmapped = 0;
for (const r of rows) {
  const cnFirst = r.country1 === 'China';
  if (cnFirst === (r.country2 === 'China')) continue;
  const [cnName, cnAt, foreign, country] = cnFirst
    ? [r.city1, [Number(r.lng1), Number(r.lat1)] as [number, number], r.city2, r.country2]
    : [r.city2, [Number(r.lng2), Number(r.lat2)] as [number, number], r.city1, r.country1];
  const division = divisionOf(cnName, cnAt);
  const iso2 = findCountry(cache, country)?.iso2;
  if (!division || !iso2 || ['CN', 'HK', 'MO', 'TW'].includes(iso2)) {
    unmapped++;
    continue;
  }
  pairs.push({ division, countryIso2: iso2, name: foreign.replace(/ \(.*\)$/, '').trim() });
}

const started = performance.now();
export const handle = await openDatabase({ dataDir: 'memory://' });
export const actor = systemActor('bench');
export let entered = 0;
export let duplicates = 0;
for (const p of pairs) {
  try {
    await createPartnership({
      db: handle.db,
      actor,
      input: {
        cnCode: p.division.code,
        kind: 'friendship',
        status: 'active',
        stage: 'established',
        partner: { countryIso2: p.countryIso2, nameEn: p.name },
      } as never,
    });
    entered++;
  } catch {
    duplicates++;
  }
}
export const loadSeconds = (performance.now() - started) / 1000;

export const today = new Date().toISOString().slice(0, 10);
export const pairRows = {
  rows: await queryRows<{ cn_code: string; foreign_place_id: number; country_iso2: string }>(
    handle.db,
    sql`select cn_code, foreign_place_id, country_iso2 from partnerships order by id`,
  ),
};

export const settings = new Map<string, MatchSetting>();
export async function settingOf(code: string): Promise<MatchSetting> {
  let s = settings.get(code);
  if (!s) {
    s = await readSetting(handle.db, actor, code, today);
    settings.set(code, s);
  }
  return s;
}

/** The context without one pair: as if the registry had never held it. */
export function hide(ctx: MatchContext, key: string, countryIso2: string): MatchContext {
  const minus = (map: ReadonlyMap<string, number>, k: string) => {
    const next = new Map(map);
    const n = (next.get(k) ?? 0) - 1;
    if (n > 0) next.set(k, n);
    else next.delete(k);
    return next;
  };
  const paired = new Map(ctx.pairedWithTarget);
  paired.delete(key);
  return {
    ...ctx,
    pairedWithTarget: paired,
    ownByCountry: minus(ctx.ownByCountry, countryIso2),
    provinceTies: minus(ctx.provinceTies, countryIso2),
    chinaPartners: minus(ctx.chinaPartners, key),
    nationalPairs: minus(ctx.nationalPairs, countryIso2),
  };
}
