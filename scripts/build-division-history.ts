/**
 * Regenerates data/cn-division-history.csv: the divisions that GB/T 2260 once listed and no longer
 * lists under that name, each with the division it is today. Reads the civil affairs ministry's
 * code tables of 1980–2019 as the cn/GB2260 repository keeps them (mca/YYYYMM.tsv, columns Source,
 * Revision, Code, Name), from a local checkout:
 *
 *   npx tsx scripts/build-division-history.ts PATH/TO/GB2260
 *
 * Between two consecutive tables a division is
 * - renamed: the same code under another name (思茅市 → 普洱市, 2007; 襄樊市 → 襄阳市, 2010);
 * - recoded: its code gone and a new code of the same level with the same name without its suffix,
 *   under the same city or else the same province (吴江市 320584 → 吴江区 320509; 通州市 320683 →
 *   通州区 320612);
 * - abolished: its code gone and no such successor (merged into others or split).
 * A successor that later changed again is followed to the division of today's reference table
 * (data/cn-divisions.csv); the output is committed, so that a regeneration shows up as a diff.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { divisionNameForms } from '../src/server/places/division-names.js';

type Table = { year: number; revision: string; names: Map<string, string> };
type Change = {
  formerName: string;
  formerCode: string;
  lastListed: string;
  /** The first table without it: the change happened between lastListed and this one. */
  unlisted: string;
  year: number;
  kind: 'renamed' | 'recoded' | 'abolished';
  successor: string | null;
};

const root = process.argv[2];
if (!root) {
  console.error('usage: npx tsx scripts/build-division-history.ts PATH/TO/GB2260 (a checkout of github.com/cn/GB2260)');
  process.exit(2);
}

/** Rows that stand for "the districts of" a city, not a division of their own. */
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划|省直辖行政单位)$/;

function readTables(dir: string): Table[] {
  return readdirSync(dir)
    .filter((f) => /^\d{6}\.tsv$/.test(f))
    .sort()
    .map((file) => {
      const rows = parse(readFileSync(join(dir, file), 'utf8'), {
        delimiter: '\t',
        columns: true,
        skip_empty_lines: true,
        relax_quotes: true,
      }) as { Code: string; Name: string }[];
      const names = new Map<string, string>();
      for (const row of rows) {
        const name = row.Name.trim();
        if (/^\d{6}$/.test(row.Code) && !PLACEHOLDER.test(name)) names.set(row.Code, name);
      }
      return { year: Number(file.slice(0, 4)), revision: file.slice(0, 6), names };
    });
}

const baseName = (name: string) => divisionNameForms(name).at(-1) as string;
/** Province (..0000), city (....00) or county: a successor is of the same level. */
const levelOf = (code: string) => (code.endsWith('0000') ? 0 : code.endsWith('00') ? 1 : 2);

function successorByName(code: string, name: string, appeared: Map<string, string>): string | null {
  const base = baseName(name);
  const same = [...appeared].filter(([c, n]) => baseName(n) === base && levelOf(c) === levelOf(code)).map(([c]) => c);
  for (const prefix of [code.slice(0, 4), code.slice(0, 2)]) {
    const near = same.filter((c) => c.startsWith(prefix));
    if (near.length === 1) return near[0] as string;
    if (near.length > 1) return null;
  }
  return null;
}

function changesBetween(before: Table, after: Table): Change[] {
  const appeared = new Map([...after.names].filter(([code]) => !before.names.has(code)));
  const out: Change[] = [];
  for (const [code, name] of before.names) {
    const now = after.names.get(code);
    if (now === name) continue;
    const base = {
      formerName: name,
      formerCode: code,
      lastListed: before.revision,
      unlisted: after.revision,
      year: after.year,
    };
    if (now !== undefined) {
      out.push({ ...base, kind: 'renamed', successor: code });
      continue;
    }
    const successor = successorByName(code, name, appeared);
    out.push({ ...base, kind: successor ? 'recoded' : 'abolished', successor });
  }
  return out;
}

const tables = readTables(join(root, 'mca'));
const changes = tables.slice(1).flatMap((table, i) => changesBetween(tables[i] as Table, table));

const current = new Map(
  (
    parse(readFileSync(new URL('../data/cn-divisions.csv', import.meta.url), 'utf8'), { columns: true }) as {
      code: string;
      name_zh: string;
    }[]
  ).map((d) => [d.code, d.name_zh]),
);

/** Follows a successor through its own later changes to a division of today's table. */
function today(code: string, since: number, depth = 0): string | null {
  const later = changes.find((c) => c.formerCode === code && c.year > since);
  if (!later || depth > 10) return current.has(code) ? code : null;
  if (later.kind === 'abolished') return current.has(code) ? code : null;
  return today(later.successor as string, later.year, depth + 1);
}

const seen = new Set<string>();
const rows: string[][] = [];
for (const change of changes) {
  const now = change.successor ? today(change.successor, change.year) : null;
  // A name that is still today's name of that code is no former name.
  if (now && current.get(now) === change.formerName) continue;
  const key = `${change.formerCode}|${change.formerName}`;
  if (seen.has(key)) continue;
  seen.add(key);
  rows.push([
    change.formerCode,
    change.formerName,
    change.lastListed,
    change.unlisted,
    change.kind,
    now ?? '',
    now ? (current.get(now) as string) : '',
  ]);
}
rows.sort((a, b) => (a[0] as string).localeCompare(b[0] as string) || (a[3] as string).localeCompare(b[3] as string));
const header = ['former_code', 'former_name', 'last_listed', 'first_unlisted', 'change', 'code_today', 'name_today'];
writeFileSync(new URL('../data/cn-division-history.csv', import.meta.url), stringify([header, ...rows]));
const count = (kind: string) => rows.filter((r) => r[4] === kind).length;
console.log(
  `${rows.length} former divisions from ${tables.length} tables (${tables[0]?.revision}–${tables.at(-1)?.revision}): ` +
    `${count('renamed')} renamed, ${count('recoded')} recoded, ${count('abolished')} abolished; ` +
    `${rows.filter((r) => r[5]).length} resolve to a division of today`,
);
