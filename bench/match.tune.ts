/**
 * How the default weights of the suggestions were chosen: on the back-test's registry
 * (match-backtest.ts), each hidden pair's candidates are valued once (valuesOf, the same values the
 * ranking uses), then weights are searched on the even pairs — coordinate steps over 0, ½, 1 … 3 from
 * all-ones, keeping a change that raises the top-10 hit rate — and the result is reported on the odd
 * pairs, which the search never saw. Hard rules apply as in the ranking.
 *
 *   npx tsx bench/match.tune.ts [-- --pairs N]
 */

import { activeKeys, exclusionOf, valuesOf } from '../src/server/match/score.js';
import { DEFAULT_WEIGHTS, WEIGHT_KEYS, type WeightKey, type Weights } from '../src/shared/schemas/match.js';
import { hide, MAX_PAIRS, pairRows, settingOf } from './match-backtest.js';

type Case = { keys: WeightKey[]; values: Float32Array[]; hidden: number };
const cases: Case[] = [];
for (const p of pairRows.rows) {
  if (cases.length >= Math.min(MAX_PAIRS, 800)) break;
  const setting = await settingOf(p.cn_code);
  const key = setting.overlay.keyOfPlace.get(p.foreign_place_id);
  if (!key?.startsWith('gn:')) continue;
  const ctx = hide(setting.ctx, key, p.country_iso2);
  const keys = activeKeys(setting.target, ctx, { ...DEFAULT_WEIGHTS });
  const passing = setting.candidates.filter((c) => exclusionOf(c, ctx) === null);
  const values = keys.map(() => new Float32Array(passing.length));
  let hidden = -1;
  passing.forEach((c, i) => {
    const v = valuesOf(setting.target, c, ctx);
    keys.forEach((k, j) => {
      (values[j] as Float32Array)[i] = v[k];
    });
    if (c.key === key) hidden = i;
  });
  if (hidden >= 0) cases.push({ keys, values, hidden });
}

/** Share of cases whose hidden partner is among the 10 best (ties count against it). */
function hitRate(weights: Weights, part: 0 | 1): number {
  let hits = 0;
  let n = 0;
  for (const [i, c] of cases.entries()) {
    if (i % 2 !== part) continue;
    n++;
    const w = c.keys.map((k) => weights[k]);
    const score = (at: number) =>
      c.keys.reduce((sum, _k, j) => sum + (w[j] as number) * ((c.values[j] as Float32Array)[at] as number), 0);
    const mine = score(c.hidden);
    let better = 0;
    const size = (c.values[0] as Float32Array).length;
    for (let at = 0; at < size && better < 10; at++) if (at !== c.hidden && score(at) >= mine) better++;
    if (better < 10) hits++;
  }
  return hits / Math.max(1, n);
}

let best: Weights = { ...DEFAULT_WEIGHTS };
let bestRate = hitRate(best, 0);
console.log(
  `${cases.length} cases; all weights 1: train ${(100 * bestRate).toFixed(2)}%, held out ${(100 * hitRate(best, 1)).toFixed(2)}%`,
);
for (let round = 0; round < 3; round++) {
  let moved = false;
  for (const k of WEIGHT_KEYS) {
    for (const value of [0, 0.5, 1, 1.5, 2, 3]) {
      if (value === best[k]) continue;
      const trial = { ...best, [k]: value };
      const rate = hitRate(trial, 0);
      if (rate > bestRate) {
        best = trial;
        bestRate = rate;
        moved = true;
      }
    }
  }
  console.log(
    `round ${round + 1}: ${WEIGHT_KEYS.map((k) => `${k}:${best[k]}`).join(',')}  train ${(100 * bestRate).toFixed(2)}%`,
  );
  if (!moved) break;
}
const sizeOnly = Object.fromEntries(WEIGHT_KEYS.map((k) => [k, k === 'size' ? 1 : 0])) as Weights;
console.log(
  `held out: tuned ${(100 * hitRate(best, 1)).toFixed(2)}%, population only ${(100 * hitRate(sizeOnly, 1)).toFixed(2)}%`,
);
