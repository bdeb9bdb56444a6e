/**
 * `npm run bench:news`: the extractor against the gold set (data/news/gold.json) — precision and
 * recall over every hand-read figure, the signings' dates (relative ones resolved against the
 * publication day), and the time to read one report. No database and no network.
 */
import { readFileSync } from 'node:fs';
import { readReport } from '../src/server/news/news.service.js';

type GoldEvent = { cn: string; country: string; level: string; date: string };
type GoldItem = {
  id: string;
  published: string;
  scope?: string;
  form: string;
  text: string;
  figures: Record<string, Record<string, number>>;
  events?: GoldEvent[];
};

const gold = JSON.parse(readFileSync(new URL('../data/news/gold.json', import.meta.url), 'utf8')) as {
  items: GoldItem[];
};

function flatten(figures: Record<string, unknown>, prefix = ''): [string, number][] {
  const out: [string, number][] = [];
  for (const [key, value] of Object.entries(figures)) {
    if (typeof value === 'number') out.push([`${prefix}${key}`, value]);
    else if (value && typeof value === 'object')
      out.push(...flatten(value as Record<string, unknown>, `${prefix}${key}.`));
  }
  return out;
}

let truePositives = 0;
let extracted = 0;
let expected = 0;
let eventsRight = 0;
let eventsExpected = 0;
let relativeRight = 0;
let relativeExpected = 0;
const misses: string[] = [];
const timings: number[] = [];
const verbose = process.argv.includes('--verbose');

const coldStart = performance.now();
readReport(gold.items[0]?.text ?? '', {}); // builds the reference cache and the name index once
const coldMs = performance.now() - coldStart;
for (const item of gold.items) {
  const started = performance.now();
  const report = readReport(item.text, { published: item.published, scope: item.scope });
  timings.push(performance.now() - started);
  const got = new Map<string, number>();
  if (report.scopeCode) for (const [k, v] of flatten(report.main)) got.set(`${report.scopeCode}|${k}`, v);
  for (const other of report.also) for (const [k, v] of flatten(other.figures)) got.set(`${other.scope.code}|${k}`, v);
  const want = new Map<string, number>();
  for (const [scope, figures] of Object.entries(item.figures)) {
    for (const [k, v] of Object.entries(figures)) want.set(`${scope}|${k}`, v);
  }
  extracted += got.size;
  expected += want.size;
  for (const [key, value] of got) {
    if (want.get(key) === value) truePositives += 1;
    else misses.push(`${item.id}: extra ${key}=${value}${want.has(key) ? ` (hand-read ${want.get(key)})` : ''}`);
  }
  for (const [key, value] of want) if (got.get(key) !== value) misses.push(`${item.id}: missed ${key}=${value}`);
  for (const e of item.events ?? []) {
    eventsExpected += 1;
    const found = report.events.find((x) => x.cn === e.cn && x.country === e.country);
    const right = found !== undefined && found.date === e.date && found.level === e.level;
    if (right) eventsRight += 1;
    else misses.push(`${item.id}: signing ${JSON.stringify(e)} read as ${JSON.stringify(found ?? null)}`);
    if (found?.relative || /去年|今年|前年|last year/i.test(found?.dateText ?? '')) {
      relativeExpected += 1;
      if (right) relativeRight += 1;
    }
  }
}

const sorted = [...timings].sort((a, b) => a - b);
const mean = timings.reduce((a, b) => a + b, 0) / timings.length;
const forms = new Map<string, number>();
for (const item of gold.items) forms.set(item.form, (forms.get(item.form) ?? 0) + 1);
console.log(
  `news intake bench: ${gold.items.length} gold items (${[...forms].map(([f, n]) => `${f} ${n}`).join(', ')})`,
);
console.log(`figures: hand-read ${expected}, extracted ${extracted}, right ${truePositives}`);
console.log(`precision ${(truePositives / extracted).toFixed(3)}  (target ≥ 0.95)`);
console.log(`recall    ${(truePositives / expected).toFixed(3)}  (target ≥ 0.90)`);
console.log(
  `signings right ${eventsRight} of ${eventsExpected}; relative dates right ${relativeRight} of ${relativeExpected}`,
);
console.log(
  `time per report: mean ${mean.toFixed(1)} ms, median ${(sorted[sorted.length >> 1] ?? 0).toFixed(1)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(1)} ms (target < 200 ms)`,
);
console.log(`first report of a process (loads the reference data and the name index once): ${coldMs.toFixed(0)} ms`);
if (verbose || misses.length <= 40) for (const m of misses) console.log(`  ${m}`);
