/** Headers → columns: which column is which, in English or Chinese, and what the file holds. */
import { bi, listIn } from '../../shared/bilingual.js';
import { AppError } from '../../shared/errors.js';
import {
  COLUMNS,
  type ColumnDef,
  IMPORT_TYPES,
  type ImportType,
  PROBLEM_HEADERS,
  type Problem,
  SERIAL_HEADERS,
} from './import.schema.js';
import type { Table, TableRow } from './parsers.js';
import { columnLetter } from './parsers.js';
import { closest } from './suggest.js';

/**
 * "  Partner Name-EN *" → "partner_name_en"; "外方国家（必填）" → "外方国家". A note in brackets is
 * dropped, except the language a name is in: "外方城市（英文）" is not "外方城市".
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/\s*\(([^)]*)\)\s*$/, (note, inside: string) => (LANGUAGE_NOTE.test(inside.trim()) ? note : ''))
    .replace(/[*＊]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
}

const LANGUAGE_NOTE = /^(英文|中文|外文|当地语言|english|chinese|en|zh|local)$/i;

const TYPE_ZH: Record<ImportType, string> = { partnerships: '友城关系', benchmarks: '基准数字', groups: '国家分组' };

function headerIndex(columns: readonly ColumnDef[]): Map<string, ColumnDef> {
  const index = new Map<string, ColumnDef>();
  // A column's own names first; an alias never takes a key that another column's name holds.
  for (const c of columns) for (const h of [c.name, c.zh]) index.set(normalizeHeader(h), c);
  for (const c of columns) {
    for (const h of c.aliases) {
      const key = normalizeHeader(h);
      if (!index.has(key)) index.set(key, c);
    }
  }
  return index;
}

const INDEXES = Object.fromEntries(IMPORT_TYPES.map((t) => [t, headerIndex(COLUMNS[t])])) as Record<
  ImportType,
  Map<string, ColumnDef>
>;

/** Headers only one type has: enough to tell what a file holds. */
const MARKERS: Record<ImportType, string[]> = {
  partnerships: [
    'cn_division_code',
    'cn_division',
    'partner_name_zh',
    'partner_name_en',
    'partner_name_local',
    'partner_admin_level',
    'established_on',
  ],
  benchmarks: ['scope', 'total', 'as_of', 'provincial'],
  groups: ['group_code', 'group_name_zh', 'group_name_en', 'joined_on'],
};

/** The import type whose marker headers the file has; undefined when none or several do. */
export function detectType(headers: readonly string[]): ImportType | undefined {
  const found = IMPORT_TYPES.filter((type) =>
    headers.some((h) => {
      const def = INDEXES[type].get(normalizeHeader(h));
      return def !== undefined && MARKERS[type].includes(def.name);
    }),
  );
  return found.length === 1 ? found[0] : undefined;
}

/** Where each column is in a file, and the header the file gives it (for messages). */
export class ColumnMap {
  constructor(
    private readonly positions: Map<string, number>,
    private readonly headers: readonly string[],
  ) {}

  has(field: string): boolean {
    return this.positions.has(field);
  }

  /** The cell of a row; undefined when the file has no such column. */
  get(row: TableRow, field: string): string | undefined {
    const at = this.positions.get(field);
    if (at === undefined) return undefined;
    return row.cells[at] ?? '';
  }

  /** The field the column at `index` is read as, if any. */
  fieldAt(index: number): string | undefined {
    for (const [field, at] of this.positions) if (at === index) return field;
    return undefined;
  }

  /** The header as the file writes it (the canonical name when the column is absent). */
  header(field: string): string {
    const at = this.positions.get(field);
    return at === undefined ? field : (this.headers[at] ?? field);
  }
}

export type IgnoredColumn = { column: string; reason: 'serial' | 'empty' | 'option' | 'problems' };

/** How a person maps the file's columns: header (normalised) → field name, or null to ignore it. */
export type ColumnChoices = ReadonlyMap<string, string | null>;

const SERIAL = new Set(SERIAL_HEADERS.map(normalizeHeader));
const PROBLEM_COLUMNS = new Set(PROBLEM_HEADERS.map(normalizeHeader));

/**
 * How many of a row's cells name a column of some import type (or are a serial-number header such
 * as 序号): how much it looks like the header. A title merged across the columns (the same text in
 * every cell) names nothing.
 */
export function knownHeaderCount(cells: readonly string[]): number {
  const distinct = new Set(cells.map(normalizeHeader).filter(Boolean));
  if (distinct.size <= 1 && cells.filter(Boolean).length > 1) return 0;
  let n = 0;
  for (const cell of distinct) {
    if (SERIAL.has(cell) || IMPORT_TYPES.some((t) => INDEXES[t].has(cell))) n += 1;
  }
  return n;
}

export function mapHeaders(
  type: ImportType,
  table: Table,
  choices: ColumnChoices = new Map(),
): { map: ColumnMap; problems: Problem[]; ignored: IgnoredColumn[] } {
  const index = INDEXES[type];
  const fields = new Map(COLUMNS[type].map((c) => [c.name, c]));
  const positions = new Map<string, number>();
  const problems: Problem[] = [];
  const ignored: IgnoredColumn[] = [];
  const headerRow = table.headerRow || null;
  const unnamed: number[] = [];
  table.headers.forEach((header, at) => {
    const key = normalizeHeader(header);
    const chosen = choices.get(key);
    if (chosen === null) {
      ignored.push({ column: header || columnLetter(at), reason: 'option' });
      return;
    }
    if (!key) {
      unnamed.push(at);
      return;
    }
    if (chosen === undefined && SERIAL.has(key)) {
      ignored.push({ column: header, reason: 'serial' });
      return;
    }
    if (chosen === undefined && PROBLEM_COLUMNS.has(key)) {
      ignored.push({ column: header, reason: 'problems' });
      return;
    }
    const def = chosen === undefined ? index.get(key) : fields.get(chosen);
    if (chosen !== undefined && !def) {
      problems.push({
        row: headerRow,
        column: header,
        field: null,
        rule: 'unknown_field',
        value: chosen,
        message: bi(
          `映射把此列对应到未知字段“${chosen}”`,
          `the mapping maps this column to an unknown field "${chosen}"`,
        ),
        fix: bi(
          `请改为以下字段之一：${listIn(COLUMNS[type].map((c) => c.name)).zh}，或 null（忽略此列）`,
          `use one of the fields ${listIn(COLUMNS[type].map((c) => c.name)).en}, or null to ignore the column`,
        ),
      });
      return;
    }
    if (!def) {
      problems.push({
        row: headerRow,
        column: header,
        field: null,
        rule: 'unknown_column',
        value: header,
        message: bi(`无法识别的列（${TYPE_ZH[type]}文件）`, `unknown column for a ${type} file`),
        fix: bi(
          `请改为规定的列名之一（${listIn(COLUMNS[type].map((c) => c.zh)).zh}），或在映射中忽略此列`,
          `rename it to one of the documented columns (${listIn(COLUMNS[type].map((c) => c.name)).en}), or ignore it in the mapping`,
        ),
        suggestions: closest(
          key,
          [...index.entries()].map(([k, c]) => [k, c.name] as const),
          3,
        ),
      });
      return;
    }
    const seen = positions.get(def.name);
    if (seen !== undefined) {
      problems.push({
        row: headerRow,
        column: header,
        field: def.name,
        rule: 'duplicate_column',
        value: header,
        message: bi(
          `${def.zh}（${def.name}）列出现了两次（另一列为“${table.headers[seen]}”）`,
          `the column ${def.name} appears twice (also as "${table.headers[seen]}")`,
        ),
        fix: bi('请只保留其中一列', 'keep one of the two columns'),
      });
      return;
    }
    positions.set(def.name, at);
  });
  for (const at of unnamed) {
    const withValue = table.rows.find((r) => (r.cells[at] ?? '') !== '');
    if (choices.get(normalizeHeader(columnLetter(at))) === null) {
      ignored.push({ column: columnLetter(at), reason: 'option' });
    } else if (!withValue) {
      ignored.push({ column: columnLetter(at), reason: 'empty' });
    } else {
      problems.push({
        row: withValue.row,
        column: columnLetter(at),
        field: null,
        rule: 'unnamed_column',
        value: withValue.cells[at],
        message: bi(`第 ${columnLetter(at)} 列有值但没有列名`, `column ${columnLetter(at)} has values but no header`),
        fix: bi(
          `请给该列一个规定的列名，或忽略该列（--ignore-column ${columnLetter(at)}）`,
          `give the column one of the documented headers, or ignore it (--ignore-column ${columnLetter(at)})`,
        ),
      });
    }
  }
  const width = table.headers.length;
  for (const row of table.rows) {
    if (row.cells.length <= width) continue;
    const extra = row.cells.slice(width).find((c) => c !== '');
    if (extra === undefined) continue;
    problems.push({
      row: row.row,
      column: columnLetter(width + row.cells.slice(width).indexOf(extra)),
      field: null,
      rule: 'extra_values',
      value: extra,
      message: bi(
        `该行的值多于表头的列数（${width}）`,
        `the row has more values than the header has columns (${width})`,
      ),
      fix: bi(
        '含逗号的值请放在双引号中，或给该列一个列名',
        'put a value that holds a comma in double quotes, or give the column a header',
      ),
    });
  }
  for (const def of COLUMNS[type]) {
    if (def.required && !positions.has(def.name)) {
      problems.push({
        row: headerRow,
        column: def.name,
        field: def.name,
        rule: 'missing_column',
        message: bi(`文件缺少“${def.zh}”（${def.name}）列`, `the file has no ${def.name} (${def.zh}) column`),
        fix: bi(`请添加列名为“${def.zh}”或 ${def.name} 的列`, `add a column headed ${def.name} or ${def.zh}`),
      });
    }
  }
  if (type === 'partnerships') {
    if (!positions.has('cn_division_code') && !positions.has('cn_division')) {
      problems.push({
        row: headerRow,
        column: 'cn_division',
        field: 'cn_division',
        rule: 'missing_column',
        message: bi(
          '文件没有写明中方：需要“中方行政区划代码”或“中方行政区划”列',
          'the file names no Chinese side: it needs a cn_division_code or a cn_division column',
        ),
        fix: bi(
          '请添加“中方行政区划代码”（cn_division_code）或“中方行政区划”（cn_division）列',
          'add a column 中方行政区划代码 (cn_division_code) or 中方行政区划 (cn_division)',
        ),
      });
    }
    if (!positions.has('partner_name_zh') && !positions.has('partner_name_en')) {
      problems.push({
        row: headerRow,
        column: 'partner_name_en',
        field: 'partner_name_en',
        rule: 'missing_column',
        message: bi(
          '文件没有写明外方：需要“外方城市中文名”或“外方城市英文名”列',
          'the file names no partner: it needs a partner_name_zh or a partner_name_en column',
        ),
        fix: bi(
          '请添加“外方城市中文名”（partner_name_zh）或“外方城市英文名”（partner_name_en）列',
          'add a column 外方城市中文名 (partner_name_zh) or 外方城市英文名 (partner_name_en)',
        ),
      });
    }
  }
  return { map: new ColumnMap(positions, table.headers), problems, ignored };
}

/**
 * The row that holds the headers. Office sheets often put a title above the table (湖南省国际友好
 *城市一览表, merged across the columns), a note, or a blank line: of the first rows, the one naming
 * the most known columns is the header (at least two, and more than the first row names); the rows
 * above it are passed over.
 */
export function findHeaderRow(table: Table, scan = 10): Table {
  if (table.headers.length === 0) return table;
  const candidates = [{ row: table.headerRow, cells: table.headers }, ...table.rows.slice(0, scan - 1)];
  let best = 0;
  let bestCount = knownHeaderCount(table.headers);
  candidates.forEach((c, i) => {
    const count = knownHeaderCount(c.cells);
    if (count >= 2 && count > bestCount) {
      best = i;
      bestCount = count;
    }
  });
  if (best === 0) return table;
  const header = candidates[best] as { row: number; cells: string[] };
  return { ...table, headers: header.cells, headerRow: header.row, rows: table.rows.slice(best) };
}

/**
 * The table read with its headers on row `headerRow` (as the sheet numbers rows), when a person or
 * a mapping says where they are; undefined when the sheet has no such row.
 */
export function atHeaderRow(table: Table, headerRow: number): Table | undefined {
  if (headerRow === table.headerRow) return table;
  const at = table.rows.findIndex((r) => r.row === headerRow);
  if (at < 0) return undefined;
  const header = table.rows[at] as TableRow;
  return { ...table, headers: header.cells, headerRow, rows: table.rows.slice(at + 1) };
}

/** A header row the sheet does not have: a 400 that names it. */
export function noSuchHeaderRow(headerRow: number): AppError {
  return new AppError('validation_failed', `the sheet has no row ${headerRow}`, {
    issues: [
      {
        path: 'headerRow',
        rule: 'no_such_row',
        value: String(headerRow),
        message: `the sheet has no row ${headerRow} with values`,
        fix: 'give the number of the row that holds the headers, as the spreadsheet numbers it',
      },
    ],
  });
}
