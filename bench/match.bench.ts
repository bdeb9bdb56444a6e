/**
 * `npm run bench:match`: the suggestions back-tested on real pairs, and their speed.
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
import { type MatchContext, rank } from '../src/server/match/score.js';
import { type MatchSetting, readSetting, suggest } from '../src/server/match/suggestion.service.js';
import { createPartnership } from '../src/server/partnerships/partnership.service.js';
import { type Division, findCountry, getReferenceCache } from '../src/server/places/reference-cache.js';
import { DEFAULT_WEIGHTS, WEIGHT_KEYS, type Weights, WeightsParamSchema } from '../src/shared/schemas/match.js';
import { nameKeyOf } from '../src/shared/text.js';

const DATA = new URL('../../shared/data/twin-cities-wikipedia/twin_cities_geocoded.csv', import.meta.url);
const argPairs = process.argv.indexOf('--pairs');
const MAX_PAIRS = argPairs > 0 ? Number(process.argv[argPairs + 1]) : Number.POSITIVE_INFINITY;
const argWeights = process.argv.indexOf('--weights');
const WEIGHTS: Weights = argWeights > 0 ? WeightsParamSchema.parse(process.argv[argWeights + 1]) : DEFAULT_WEIGHTS;

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
const rows = parse(readFileSync(DATA), { columns: true, skip_empty_lines: true }) as Row[];

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

function km(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b[1] - a[1]) * rad) / 2) ** 2 +
    Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(((b[0] - a[0]) * rad) / 2) ** 2;
  return 12_742 * Math.asin(Math.sqrt(h));
}

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
const pairs: Pair[] = [];
let unmapped = 0;
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
const handle = await openDatabase({ dataDir: 'memory://' });
const actor = systemActor('bench');
let entered = 0;
let duplicates = 0;
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
const loadSeconds = (performance.now() - started) / 1000;

const today = new Date().toISOString().slice(0, 10);
const pairRows = {
  rows: await queryRows<{ cn_code: string; foreign_place_id: number; country_iso2: string }>(
    handle.db,
    sql`select cn_code, foreign_place_id, country_iso2 from partnerships order by id`,
  ),
};

const settings = new Map<string, MatchSetting>();
async function settingOf(code: string): Promise<MatchSetting> {
  let s = settings.get(code);
  if (!s) {
    s = await readSetting(handle.db, actor, code, today);
    settings.set(code, s);
  }
  return s;
}

/** The context without one pair: as if the registry had never held it. */
function hide(ctx: MatchContext, key: string, countryIso2: string): MatchContext {
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

const SIZE_ONLY: Weights = Object.fromEntries(WEIGHT_KEYS.map((k) => [k, k === 'size' ? 1 : 0])) as Weights;

type Tally = { hits10: number; hits20: number; ranks: number[] };
const tally = (): Tally => ({ hits10: 0, hits20: 0, ranks: [] });
const model = tally();
const population = tally();
const halves = [tally(), tally()];
let chance = 0;
let tested = 0;
let notCandidates = 0;

const backStart = performance.now();
for (const [i, p] of pairRows.rows.entries()) {
  if (tested >= MAX_PAIRS) break;
  const setting = await settingOf(p.cn_code);
  const key = setting.overlay.keyOfPlace.get(p.foreign_place_id);
  if (!key?.startsWith('gn:')) {
    notCandidates++;
    continue;
  }
  const ctx = hide(setting.ctx, key, p.country_iso2);
  tested++;
  for (const [weights, t] of [
    [WEIGHTS, model],
    [SIZE_ONLY, population],
  ] as const) {
    const ranking = rank(setting.target, setting.candidates, ctx, weights, { limit: 20, examples: 0 });
    const at = ranking.items.findIndex((s) => s.place.key === key);
    if (at >= 0 && at < 10) t.hits10++;
    if (at >= 0) t.hits20++;
    if (weights === WEIGHTS) {
      const half = halves[i % 2] as Tally;
      if (at >= 0 && at < 10) half.hits10++;
      half.ranks.push(at);
      chance += Math.min(
        1,
        10 / Math.max(1, ranking.considered - [...ranking.excluded.values()].reduce((n, e) => n + e.count, 0)),
      );
    }
  }
}
const backSeconds = (performance.now() - backStart) / 1000;

const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(2)}%`;
console.log('Back-test on real pairs (twin-cities-wikipedia: English Wikipedia lists, CC BY-SA)');
console.log(
  `  ${rows.length.toLocaleString('en')} rows; ${pairs.length.toLocaleString('en')} with a Chinese side mapped to a division (${unmapped} not mapped); ${entered.toLocaleString('en')} pairs entered (${duplicates} duplicates), ${loadSeconds.toFixed(1)} s`,
);
console.log(
  `  ${tested.toLocaleString('en')} pairs hidden one at a time (${notCandidates} others: the partner is no gazetteer candidate); ${backSeconds.toFixed(1)} s`,
);
console.log(`  weights ${WEIGHT_KEYS.map((k) => `${k}:${WEIGHTS[k]}`).join(',')}`);
console.log(`  ${'ranking'.padEnd(28)}${'top 10'.padStart(10)}${'top 20'.padStart(10)}`);
console.log(
  `  ${'Amity'.padEnd(28)}${pct(model.hits10, tested).padStart(10)}${pct(model.hits20, tested).padStart(10)}`,
);
console.log(
  `  ${'population only'.padEnd(28)}${pct(population.hits10, tested).padStart(10)}${pct(population.hits20, tested).padStart(10)}`,
);
console.log(`  ${'chance (expected)'.padEnd(28)}${pct(chance, tested).padStart(10)}`);
const ratio = model.hits10 / Math.max(1, population.hits10);
console.log(`  top-10 hit rate against population only: ${ratio.toFixed(1)}× (target ≥ 2×)`);
const [even, odd] = halves as [Tally, Tally];
console.log(
  `  the two halves (alternate pairs): ${pct(even.hits10, even.ranks.length)} and ${pct(odd.hits10, odd.ranks.length)}`,
);

// Speed: the whole service call (reads, ranking, explanations) for top 20, as the API answers it.
const codes = [...settings.keys()].slice(0, 20);
const first = performance.now();
const firstAnswer = await suggest({ db: handle.db, actor, query: { cn: codes[0] as string, limit: 20 } });
const firstMs = performance.now() - first;
const times: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const code of codes) {
    const t0 = performance.now();
    await suggest({ db: handle.db, actor, query: { cn: code, limit: 20 } });
    times.push(performance.now() - t0);
  }
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? 0;
const p95 = times[Math.floor(times.length * 0.95)] ?? 0;
console.log(
  `Speed (PGlite): top 20 of ${firstAnswer.candidateCount.toLocaleString('en')} candidates — median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms over ${times.length} calls for ${codes.length} divisions (target ≤ 200 ms); the first call of the process ${firstMs.toFixed(0)} ms`,
);
await handle.close();
