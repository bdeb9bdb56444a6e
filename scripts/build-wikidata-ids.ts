/**
 * Regenerates the Wikidata identifiers Amity ships, from the 2016 P190 extract in ../shared/data:
 *
 *   npx tsx scripts/build-wikidata-ids.ts [SHARED_DATA_DIR]      (default ../shared/data)
 *
 * - data/wikidata/cn-division-qids.csv: Chinese divisions → their Wikidata item, loaded with the
 *   reference data (cn_divisions.wikidata_id);
 * - data/demo/place-qids.csv: the demo's foreign places → their Wikidata item, set by `amity demo`.
 *
 * Both come from the hand-checked tables of scripts/build-demo.ts (HUNAN_QIDS, WIKIDATA_PARTNERS);
 * every QID is checked against the extract's label, so a wrong one fails here instead of shipping.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SHARED_DATA, DEMO_DIR, HUNAN_QIDS, toCsv, WIKIDATA_PARTNERS } from './build-demo.js';

const ROOT = resolve(DEMO_DIR, '../..');
const SOURCE = 'wikidata-p190-2016 (Wikidata, CC0; crawl of 2016-09, github.com/L3viathan/sister-cities)';

function readLabels(sharedDir: string): Map<string, string> {
  const text = readFileSync(join(sharedDir, 'wikidata-p190-2016/names.tsv'), 'utf8');
  const labels = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [qid, label] = line.split('\t');
    if (qid && label) labels.set(qid, label);
  }
  return labels;
}

function checkedLabel(labels: Map<string, string>, qid: string, expected: string): string {
  const label = labels.get(qid);
  if (label !== expected) throw new Error(`${qid}: the extract labels it ${label ?? '(absent)'}, not ${expected}`);
  return label;
}

export function buildWikidataIds(sharedDir: string) {
  const labels = readLabels(sharedDir);
  const divisions = Object.entries(HUNAN_QIDS)
    .map(([qid, d]) => ({ code: d.code, wikidata_id: qid, label: checkedLabel(labels, qid, d.label), source: SOURCE }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const places = Object.entries(WIKIDATA_PARTNERS)
    .map(([qid, p]) => ({
      country_iso2: p.iso2,
      name_en: p.nameEn,
      wikidata_id: qid,
      label: checkedLabel(labels, qid, p.label),
      source: SOURCE,
    }))
    .sort((a, b) => a.country_iso2.localeCompare(b.country_iso2) || a.name_en.localeCompare(b.name_en));
  return { divisions, places };
}

function main(): void {
  const sharedDir = resolve(process.argv[2] ?? DEFAULT_SHARED_DATA);
  const { divisions, places } = buildWikidataIds(sharedDir);
  writeFileSync(
    join(ROOT, 'data/wikidata/cn-division-qids.csv'),
    toCsv(['code', 'wikidata_id', 'label', 'source'], divisions),
  );
  writeFileSync(
    join(DEMO_DIR, 'place-qids.csv'),
    toCsv(['country_iso2', 'name_en', 'wikidata_id', 'label', 'source'], places),
  );
  console.log(`written from ${sharedDir}: ${divisions.length} divisions, ${places.length} places`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
