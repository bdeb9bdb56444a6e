/** Collecting the problems of an import, and writing one as a line a person can act on. */
import { bi, inLanguage } from '../../shared/bilingual.js';
import type { Language } from '../../shared/messages.js';
import {
  type ImportProblem,
  type ImportReading,
  type ImportReport,
  MAX_LISTED_PROBLEMS,
  MAX_LISTED_READINGS,
  type Problem,
  type Reading,
} from './import.schema.js';

/** How the values of a file were read, where not written in the standard form: the dry run shows them. */
export class ReadingList {
  readonly list: Reading[] = [];
  count = 0;

  add(reading: Reading): void {
    this.count += 1;
    if (this.list.length < MAX_LISTED_READINGS) this.list.push(reading);
  }

  sorted(lang: Language): ImportReading[] {
    return this.list
      .map((r, i) => ({ r, i }))
      .sort((a, b) => a.r.row - b.r.row || a.i - b.i)
      .map(({ r }) => ({ ...r, reading: inLanguage(lang, r.reading) }));
  }
}

/** The problems of an import, and beside them the readings its values needed. */
export class ProblemList {
  readonly list: Problem[] = [];
  readonly readings = new ReadingList();
  count = 0;

  /** No more problems will be listed (only counted): no need to work out suggestions for them. */
  get isFull(): boolean {
    return this.list.length >= MAX_LISTED_PROBLEMS;
  }

  add(problem: Problem): void {
    this.count += 1;
    if (this.list.length < MAX_LISTED_PROBLEMS) this.list.push(problem);
  }

  addAll(problems: readonly Problem[]): void {
    for (const p of problems) this.add(p);
  }

  /** Problems sorted by row (file-level ones first), then by the order they were found, in one language. */
  sorted(lang: Language): ImportProblem[] {
    return this.list
      .map((p, i) => ({ p, i }))
      .sort((a, b) => (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
      .map(({ p }) => renderProblem(p, lang));
  }
}

export function renderProblem(p: Problem, lang: Language): ImportProblem {
  const { message, fix, ...rest } = p;
  return { ...rest, message: inLanguage(lang, message), ...(fix ? { fix: inLanguage(lang, fix) } : {}) };
}

function quote(value: string): string {
  const short = value.length > 80 ? `${value.slice(0, 77)}…` : value;
  return `"${short.replace(/\r?\n/g, ' ')}"`;
}

const EMPTY = bi('（空）', '(empty)');

const IGNORED = {
  serial: bi('序号列', 'a serial-number column'),
  empty: bi('没有列名也没有值', 'no header and no values'),
  option: bi('按映射或选项忽略', 'ignored by the mapping or an option'),
  problems: bi('问题报告的问题列', 'the problem column of a problem report'),
} as const;

const WORDS = {
  row: bi('第 {n} 行', 'row {n}'),
  file: bi('文件', 'file'),
  dash: bi(' —— ', ' — '),
  which: bi('是哪一个？', 'which one? '),
  didYouMean: bi('是否指 {s}？', 'did you mean {s}?'),
  or: bi(' 或 ', ' or '),
} as const;

function word(lang: Language, key: keyof typeof WORDS, values: Record<string, string | number> = {}): string {
  return inLanguage(lang, WORDS[key]).replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** `row 7, partner_country "Ghanna": unknown country — did you mean Ghana (GH)?` */
export function formatProblem(p: ImportProblem, lang: Language = 'en'): string {
  const where = [p.row !== null ? word(lang, 'row', { n: p.row }) : word(lang, 'file'), p.column ?? undefined]
    .filter(Boolean)
    .join(lang === 'en' ? ', ' : '，');
  const value = p.value !== undefined && p.value !== '' ? ` ${quote(p.value)}` : '';
  let line = `${where}${value}${lang === 'en' ? ': ' : '：'}${p.message}`;
  const dash = word(lang, 'dash');
  if (p.suggestions?.length && p.rule === 'ambiguous_division') {
    line += `${dash}${word(lang, 'which')}${p.suggestions.join(lang === 'en' ? ', ' : '、')}`;
  } else if (p.suggestions?.length) line += `${dash}${didYouMean(p.suggestions, lang)}`;
  else if (p.fix) line += `${dash}${p.fix}`;
  return line;
}

function didYouMean(suggestions: readonly string[], lang: Language): string {
  return word(lang, 'didYouMean', { s: suggestions.join(word(lang, 'or')) });
}

/** The report's problems as FieldIssues of the one error shape (API 400 answers). */
export function problemsAsIssues(problems: readonly ImportProblem[], lang: Language = 'en') {
  return problems.map((p) => ({
    path: [p.row !== null ? `rows.${p.row}` : 'file', p.field ?? p.column ?? undefined].filter(Boolean).join('.'),
    message: p.message,
    rule: p.rule,
    value: p.value,
    fix: p.suggestions?.length ? didYouMean(p.suggestions, lang) : p.fix,
  }));
}

const SUMMARY = {
  failed: bi(
    '{file}：{rows} 行中有 {count} 个问题；未写入任何内容',
    '{file}: {count} problem(s) in {rows} row(s); nothing was written',
  ),
  more: bi('…… 另有 {n} 个问题', '… and {n} more'),
  counts: bi(
    '新增 {added}，更新 {updated}，未变 {unchanged}',
    '{added} added, {updated} updated, {unchanged} unchanged',
  ),
  places: bi('，新建外方地点 {n} 个', ', {n} new foreign place(s)'),
  dryRun: bi(
    '{file}：已检查 {rows} 行，没有问题 —— 导入将{counts}；试运行，未写入任何内容',
    '{file}: {rows} {what} row(s) checked, no problems — would be {counts}; dry run, nothing written',
  ),
  headerRow: bi(
    '表头在第 {n} 行（其上的标题行未读入）',
    'headers read from row {n} (the title rows above it are passed over)',
  ),
  ignored: bi('已忽略列“{column}”：{reason}', 'column "{column}" ignored: {reason}'),
  readings: bi('以下 {n} 个值按其写法读取，请核对：', '{n} value(s) read from the way they are written; check them:'),
  moreReadings: bi('  …… 另有 {n} 个', '  … and {n} more'),
  willChange: bi('将改动已存储的值 {n} 个（见下）', '{n} stored value(s) would change (below)'),
  changed: bi('改动了已存储的值 {n} 个（见下）', '{n} stored value(s) changed (below)'),
  imported: bi('{file}：已导入 {rows} 行 —— {counts}', '{file}: {rows} {what} row(s) imported — {counts}'),
} as const;

/** Readings printed by the terminal report; the JSON report (--json) holds them all. */
const READINGS_SHOWN = 200;

function summary(lang: Language, key: keyof typeof SUMMARY, values: Record<string, string | number>): string {
  return inLanguage(lang, SUMMARY[key]).replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** The report as the terminal shows it: one summary line, then one line per problem. */
export function formatReport(report: ImportReport, lang: Language = 'en'): string[] {
  const what = report.type ?? 'rows';
  const file = report.fileName;
  if (!report.ok) {
    const lines = [
      summary(lang, 'failed', { file, count: report.problemCount, rows: report.rows }),
      ...report.problems.map((p) => formatProblem(p, lang)),
    ];
    if (report.problemCount > report.problems.length) {
      lines.push(summary(lang, 'more', { n: report.problemCount - report.problems.length }));
    }
    return lines;
  }
  const places = report.placesAdded ? summary(lang, 'places', { n: report.placesAdded }) : '';
  const { added, updated, unchanged } = report;
  const counts = `${summary(lang, 'counts', { added, updated, unchanged })}${places}`;
  const lines = [summary(lang, report.dryRun ? 'dryRun' : 'imported', { file, rows: report.rows, what, counts })];
  if (report.headerRow > 1) lines.push(summary(lang, 'headerRow', { n: report.headerRow }));
  for (const c of report.ignoredColumns) {
    lines.push(summary(lang, 'ignored', { column: c.column, reason: inLanguage(lang, IGNORED[c.reason]) }));
  }
  if (report.readingCount > 0) {
    lines.push(summary(lang, 'readings', { n: report.readingCount }));
    const shown = report.readings.slice(0, READINGS_SHOWN);
    for (const r of shown) {
      const column = r.column ?? r.field;
      lines.push(`  ${word(lang, 'row', { n: r.row })} ${column} ${quote(r.value)} → ${r.reading}`);
    }
    if (report.readingCount > shown.length)
      lines.push(summary(lang, 'moreReadings', { n: report.readingCount - shown.length }));
  }
  if (report.storedValuesChanged > 0) {
    lines.push(summary(lang, report.dryRun ? 'willChange' : 'changed', { n: report.storedValuesChanged }));
  }
  for (const change of report.changes) {
    for (const f of change.fields) {
      const empty = inLanguage(lang, EMPTY);
      lines.push(
        `  ${word(lang, 'row', { n: change.row })} #${change.id} ${f.field}: ${f.before ?? empty} → ${f.after ?? empty}`,
      );
    }
  }
  return lines;
}
