/**
 * `npm run bench:match`: the suggestions back-tested on real pairs, and their speed.
 *
 * The registry is every pair with a Chinese side in ../shared/data/twin-cities-wikipedia (English
 * Wikipedia's lists of twin towns, CC BY-SA; see its PROVENANCE.md), entered through the partnership
 * service into an embedded database with the reference data and the gazetteer (match-backtest.ts).
 * Then each pair whose foreign side is a gazetteer candidate is hidden in turn — taken out of
 * everything the ranking reads (the division's pairs, the province's ties, the country's and the
 * place's Chinese pairs) — and the Chinese side's suggestions are asked for: is the hidden partner in
 * the top 10? The same for a population-only ranking (closest population first) and for chance. Speed:
 * the service's suggestions (top 20) on PGlite.
 *
 *   npm run bench:match [-- --pairs N] [-- --weights size:2,role:1,…]
 */

import { exclusionOf, type MatchContext, rank } from '../src/server/match/score.js';
import type { MatchSetting } from '../src/server/match/suggestion.service.js';
import { suggest } from '../src/server/match/suggestion.service.js';
import { WEIGHT_KEYS } from '../src/shared/schemas/match.js';
import {
  actor,
  duplicates,
  entered,
  handle,
  hide,
  loadSeconds,
  MAX_PAIRS,
  pairRows,
  pairs,
  rows,
  settingOf,
  settings,
  unmapped,
  WEIGHTS,
} from './match-backtest.js';

/**
 * The population-only baseline, independent of Amity's factors: the candidates the hard rules let
 * through, closest population to the division's first (unknown populations last). Returns the hidden
 * partner's 0-based place, counting ties against it.
 */
function populationPlace(setting: MatchSetting, ctx: MatchContext, key: string): number {
  const target = setting.target.population;
  const gap = (population: number | null) =>
    target && population ? Math.abs(Math.log10(population) - Math.log10(target)) : Number.POSITIVE_INFINITY;
  const hidden = setting.candidates.find((c) => c.key === key);
  const mine = gap(hidden?.population ?? null);
  let ahead = 0;
  for (const c of setting.candidates) {
    if (c.key !== key && exclusionOf(c, ctx) === null && gap(c.population) <= mine) ahead++;
  }
  return ahead;
}

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
  const ranking = rank(setting.target, setting.candidates, ctx, WEIGHTS, { limit: 20, examples: 0 });
  const at = ranking.items.findIndex((s) => s.place.key === key);
  if (at >= 0 && at < 10) model.hits10++;
  if (at >= 0) model.hits20++;
  const half = halves[i % 2] as Tally;
  if (at >= 0 && at < 10) half.hits10++;
  half.ranks.push(at);
  const passing = ranking.considered - [...ranking.excluded.values()].reduce((n, e) => n + e.count, 0);
  chance += Math.min(1, 10 / Math.max(1, passing));
  const byPopulation = populationPlace(setting, ctx, key);
  if (byPopulation < 10) population.hits10++;
  if (byPopulation < 20) population.hits20++;
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
