/**
 * A Wikidata P190 ("twinned administrative body") extract the user provides — no network at run
 * time. The format is that of the 2016 crawl in ../shared/data/wikidata-p190-2016: a folder with
 *
 * - relations.tsv: one statement a line, `item<TAB>twin`, optionally followed by `<TAB>start`
 *   and `<TAB>end` (P580 / P582 as Wikidata writes times, `+1982-10-30T00:00:00Z/11`, or as
 *   YYYY, YYYY-MM, YYYY-MM-DD);
 * - names.tsv (optional): `qid<TAB>label`.
 *
 * A bad line is refused with its file, line number and what is wrong.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parsePartialDate } from '../../shared/dates.js';
import type { Precision } from '../../shared/enums.js';
import { validationFailed } from '../../shared/errors.js';

export type ExtractDate = { date: string; precision: Precision };
export type Statement = { item: string; twin: string; start: ExtractDate | null; end: ExtractDate | null };

export type WikidataExtract = {
  /** Statements by item: twin → the statement (the first one when a line repeats). */
  statements: Map<string, Map<string, Statement>>;
  labels: Map<string, string>;
  statementCount: number;
};

const QID = /^Q[1-9][0-9]*$/;
const WIKIDATA_TIME = /^\+?(\d{4})-(\d{2})-(\d{2})T00:00:00Z\/(9|10|11)$/;

/** A time as Wikidata writes it (precision 9 year, 10 month, 11 day) or a partial date. */
export function parseExtractDate(text: string): ExtractDate | undefined {
  const time = WIKIDATA_TIME.exec(text);
  if (time) {
    const [, y, m, d, p] = time;
    if (p === '9') return { date: `${y}-01-01`, precision: 'year' };
    if (p === '10') return parsePartialDate(`${y}-${m}`);
    return parsePartialDate(`${y}-${m}-${d}`);
  }
  return parsePartialDate(text);
}

function refuse(file: string, line: number, message: string, fix: string): never {
  throw validationFailed([{ path: `${file}:${line}`, rule: 'wikidata_extract', message, fix }]);
}

export function readWikidataExtract(dir: string): WikidataExtract {
  const relationsPath = join(dir, 'relations.tsv');
  if (!existsSync(dir) || !statSync(dir).isDirectory() || !existsSync(relationsPath)) {
    throw validationFailed([
      {
        path: 'extract',
        rule: 'not_found',
        value: dir,
        message: `${dir} is not a folder holding relations.tsv`,
        fix: 'give the folder of a P190 extract, e.g. ../shared/data/wikidata-p190-2016',
      },
    ]);
  }
  const statements = new Map<string, Map<string, Statement>>();
  let statementCount = 0;
  const lines = readFileSync(relationsPath, 'utf8').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const [item = '', twin = '', start = '', end = ''] = line.split('\t');
    const fix =
      'write item<TAB>twin[<TAB>start[<TAB>end]] with Q-ids and dates as +YYYY-MM-DDT00:00:00Z/11 or YYYY-MM-DD';
    if (!QID.test(item)) refuse('relations.tsv', i + 1, `"${item}" is not a Wikidata item id`, fix);
    if (!QID.test(twin)) refuse('relations.tsv', i + 1, `"${twin}" is not a Wikidata item id`, fix);
    const parse = (text: string, what: string) => {
      if (!text) return null;
      const date = parseExtractDate(text);
      if (!date) refuse('relations.tsv', i + 1, `the ${what} "${text}" is not a date`, fix);
      return date;
    };
    const statement = { item, twin, start: parse(start, 'start'), end: parse(end, 'end') };
    const twins = statements.get(item) ?? new Map<string, Statement>();
    if (!twins.has(twin)) {
      twins.set(twin, statement);
      statementCount += 1;
    }
    statements.set(item, twins);
  });
  const labels = new Map<string, string>();
  const namesPath = join(dir, 'names.tsv');
  if (existsSync(namesPath)) {
    readFileSync(namesPath, 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        const line = raw.replace(/\r$/, '');
        if (line.trim() === '') return;
        const [qid = '', label = ''] = line.split('\t');
        if (!QID.test(qid)) refuse('names.tsv', i + 1, `"${qid}" is not a Wikidata item id`, 'write qid<TAB>label');
        labels.set(qid, label);
      });
  }
  return { statements, labels, statementCount };
}

/** The statement item → twin, if the extract holds it. */
export function statementOf(extract: WikidataExtract, item: string, twin: string): Statement | undefined {
  return extract.statements.get(item)?.get(twin);
}

/** Every item the extract pairs with `item`, in either direction. */
export function twinsOf(extract: WikidataExtract, item: string, reverse: Map<string, Set<string>>): Set<string> {
  const out = new Set(extract.statements.get(item)?.keys() ?? []);
  for (const other of reverse.get(item) ?? []) out.add(other);
  return out;
}

/** twin → the items that state it, for looking up the other direction. */
export function reverseIndex(extract: WikidataExtract): Map<string, Set<string>> {
  const reverse = new Map<string, Set<string>>();
  for (const [item, twins] of extract.statements) {
    for (const twin of twins.keys()) {
      const set = reverse.get(twin) ?? new Set<string>();
      set.add(item);
      reverse.set(twin, set);
    }
  }
  return reverse;
}
