/**
 * Importing benchmarks: sourced, dated totals of another province or of the whole country. The
 * natural key is the one the table enforces — scope, kind, as-of date and total; a row with the
 * same key and other details (breakdown, source) updates the stored one.
 */
import { type Bilingual, bi } from '../../shared/bilingual.js';
import type { PartialDate } from '../../shared/dates.js';
import { KINDS, type Kind, LIMITS, NATIONAL_CODE } from '../../shared/enums.js';
import type { FieldIssue } from '../../shared/errors.js';
import { nameKeyOf } from '../../shared/text.js';
import { checkBenchmark } from '../benchmarks/benchmark.service.js';
import type { DbOrTx } from '../db/client.js';
import { getReferenceCache } from '../places/reference-cache.js';
import type { ColumnMap } from './columns.js';
import { KIND_ALIASES, NATIONAL_ALIASES } from './import.schema.js';
import type { TableRow } from './parsers.js';
import type { ProblemList } from './problems.js';
import {
  type BenchmarkFields,
  type ExistingBenchmark,
  insertBenchmarks,
  selectBenchmarksByKeys,
  updateBenchmarks,
} from './reference-import.repo.js';
import { CellReader, matchDivisionName } from './values.js';

type BenchmarkRow = { row: number; fields: BenchmarkFields; present: Set<keyof BenchmarkFields> };

const NATIONAL_KEYS = new Set(NATIONAL_ALIASES.map(nameKeyOf));
const OPTIONAL = ['provincial', 'city', 'county', 'countries', 'source', 'sourceUrl'] as const;

function readScope(reader: CellReader): string | null {
  const value = reader.raw('scope') ?? '';
  if (value === '') {
    reader.required(
      'scope',
      bi('缺少范围', 'the scope is missing'),
      bi('请填写省级代码或名称，全国填 000000 或“全国”', 'give a province code or name, or 000000 / 全国'),
    );
    return null;
  }
  if (NATIONAL_KEYS.has(nameKeyOf(value))) return NATIONAL_CODE;
  const cache = getReferenceCache();
  if (/^\d{6}$/.test(value)) {
    if (cache.divisions.has(value)) return value;
    reader.fail('scope', {
      rule: 'unknown_division',
      value,
      message: bi('不是已知的 GB/T 2260 行政区划代码', 'not a GB/T 2260 code known to Amity'),
      fix: bi(
        '请填写省级代码（如 430000），全国填 000000',
        'use a province code such as 430000, or 000000 for the whole country',
      ),
    });
    return null;
  }
  const match = matchDivisionName(value, reader.suggest);
  if ('division' in match) return match.division.code;
  reader.fail('scope', {
    rule: match.rule,
    value,
    message: match.message,
    fix: bi(
      '请填写省级代码（如 430000）或全称（如 湖南省）；全国填 000000 或“全国”',
      'use the province code (e.g. 430000) or its full name (e.g. 湖南省); 000000 or 全国 for the whole country',
    ),
    suggestions: match.suggestions,
  });
  return null;
}

export function readBenchmarkRows(rows: readonly TableRow[], map: ColumnMap, problems: ProblemList) {
  const reader = new CellReader(map, problems);
  const out: BenchmarkRow[] = [];
  for (const row of rows) {
    reader.start(row);
    const scopeCode = readScope(reader);
    const kind = reader.enumeration<Kind>('kind', KIND_ALIASES, KINDS, 'friendship');
    const total = reader.count('total');
    if (total === null && reader.raw('total') === '') {
      reader.required(
        'total',
        bi('缺少总数', 'the total is missing'),
        bi('请填写友城对数，如 110', 'give the number of partnerships, e.g. 110'),
      );
    }
    const breakdown = {
      provincial: reader.count('provincial'),
      city: reader.count('city'),
      county: reader.count('county'),
      countries: reader.count('countries'),
    };
    const asOf: PartialDate | null | undefined = reader.partialDate('as_of');
    if (asOf === null && reader.raw('as_of') === '') {
      reader.required(
        'as_of',
        bi('缺少截至日期', 'the as-of date is missing'),
        bi('请写成 YYYY、YYYY-MM 或 YYYY-MM-DD', 'give YYYY, YYYY-MM or YYYY-MM-DD'),
      );
    }
    const sourceText = reader.text('source', LIMITS.notesLength);
    const sourceUrl = reader.url('source_url');
    const source = sourceText ?? sourceUrl ?? null;
    if (!source && reader.ok) {
      reader.required(
        map.has('source') ? 'source' : 'source_url',
        bi('基准数字须有来源', 'a benchmark needs its source'),
        bi('请填写来源（谁发布的）或来源链接（在哪里发布）', 'give source (who published it) or source_url (where)'),
      );
    }
    if (scopeCode !== null && asOf) {
      // The rules of the benchmark service: a province or the nation, a date not in the future.
      const where: Record<string, string> = { scopeCode: 'scope', asOf: 'as_of' };
      for (const issue of checkBenchmark({ scopeCode, asOf: asOf.date })) {
        reader.fail(where[issue.path] ?? 'scope', {
          rule: issue.rule ?? 'invalid_value',
          value: reader.raw(where[issue.path] ?? 'scope'),
          ...benchmarkIssueText(issue),
        });
      }
    }
    if (!reader.ok || scopeCode === null || total == null || !asOf || !source) continue;
    const present = new Set<keyof BenchmarkFields>();
    for (const [field, value] of [
      ['provincial', breakdown.provincial],
      ['city', breakdown.city],
      ['county', breakdown.county],
      ['countries', breakdown.countries],
      ['sourceUrl', sourceUrl],
    ] as const) {
      if (value !== undefined) present.add(field);
    }
    if (sourceText !== undefined || sourceUrl !== undefined) present.add('source');
    out.push({
      row: row.row,
      present,
      fields: {
        scopeCode,
        kind: kind ?? 'friendship',
        total,
        asOf: asOf.date,
        asOfPrecision: asOf.precision,
        provincial: breakdown.provincial ?? null,
        city: breakdown.city ?? null,
        county: breakdown.county ?? null,
        countries: breakdown.countries ?? null,
        source,
        sourceUrl: sourceUrl ?? null,
      },
    });
  }
  return out;
}

export async function importBenchmarkRows({
  tx,
  rows,
  problems,
  dryRun,
}: {
  tx: DbOrTx;
  rows: readonly BenchmarkRow[];
  problems: ProblemList;
  dryRun: boolean;
}) {
  const keyOf = (f: { scopeCode: string; kind: string; asOf: string; total: number }) =>
    `${f.scopeCode}|${f.kind}|${f.asOf}|${f.total}`;
  const firstRow = new Map<string, number>();
  const unique: BenchmarkRow[] = [];
  for (const r of rows) {
    const key = keyOf(r.fields);
    const seen = firstRow.get(key);
    if (seen !== undefined) {
      problems.add({
        row: r.row,
        column: null,
        field: null,
        rule: 'duplicate_row',
        value: `${r.fields.scopeCode} ${r.fields.kind} ${r.fields.asOf} ${r.fields.total}`,
        message: bi(
          `与第 ${seen} 行的范围、类型、日期和总数相同`,
          `the same scope, kind, date and total as row ${seen}`,
        ),
        fix: bi(`请在第 ${seen} 行和第 ${r.row} 行中只保留一行`, `keep one of rows ${seen} and ${r.row}`),
        otherRow: seen,
      });
      continue;
    }
    firstRow.set(key, r.row);
    unique.push(r);
  }
  const existing = new Map<string, ExistingBenchmark>();
  for (const e of await selectBenchmarksByKeys(
    tx,
    unique.map((r) => r.fields),
  )) {
    existing.set(keyOf(e), e);
  }
  const added: BenchmarkFields[] = [];
  const updated: (BenchmarkFields & { id: number })[] = [];
  let unchanged = 0;
  for (const r of unique) {
    const current = existing.get(keyOf(r.fields));
    if (!current) {
      added.push(r.fields);
      continue;
    }
    const merged: BenchmarkFields = { ...r.fields };
    for (const field of OPTIONAL) {
      if (!r.present.has(field)) (merged as Record<string, unknown>)[field] = current[field];
    }
    const same =
      merged.asOfPrecision === current.asOfPrecision && OPTIONAL.every((field) => merged[field] === current[field]);
    if (same) unchanged += 1;
    else updated.push({ ...merged, id: current.id });
  }
  const result = { added: added.length, updated: updated.length, unchanged, placesAdded: 0 };
  if (problems.count > 0 || dryRun) return result;
  await insertBenchmarks(tx, added);
  await updateBenchmarks(tx, updated);
  return result;
}

/** The benchmark service's rules, as the importer words them in both languages. */
function benchmarkIssueText(issue: FieldIssue): { message: Bilingual; fix?: Bilingual } {
  if (issue.rule === 'not_a_province') {
    return {
      message: bi(`${String(issue.value)} 不是省级行政区划`, issue.message),
      fix: bi('请填写省级代码（如 430000），全国填 000000', issue.fix ?? ''),
    };
  }
  if (issue.rule === 'future_date') {
    return { message: bi('截至日期在未来', issue.message), fix: bi('请填写来源给出的日期', issue.fix ?? '') };
  }
  return { message: bi(issue.message, issue.message), ...(issue.fix ? { fix: bi(issue.fix, issue.fix) } : {}) };
}
