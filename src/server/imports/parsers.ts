/**
 * Reads an interchange file (CSV, XLSX or JSON) into one table of text cells: the header row and
 * the data rows, each with the row number the user sees. Every format ends up the same, so the
 * importers never know where a value came from. Problems of the file itself (a formula, a broken
 * quote, too many rows) are reported, never thrown.
 */
import ExcelJS from 'exceljs';
import { type Bilingual, bi } from '../../shared/bilingual.js';
import { LIMITS } from '../../shared/enums.js';
import type { ImportFormat, Problem } from './import.schema.js';
import { checkZip } from './zip-guard.js';

export type TableRow = { row: number; cells: string[] };
export type Table = {
  headers: string[];
  /** Row number of the header (1 in CSV/XLSX unless blank rows come first; 0 in JSON). */
  headerRow: number;
  rows: TableRow[];
  problems: Problem[];
  /** The XLSX sheet read. */
  sheet?: string;
};

export type ParseLimits = { maxRows: number; maxBytes: number };
const DEFAULT_LIMITS: ParseLimits = { maxRows: LIMITS.importRowsMax, maxBytes: LIMITS.importBytesMax };

export function formatOfFileName(fileName: string): ImportFormat | undefined {
  const match = /\.([a-z0-9]+)$/i.exec(fileName.trim());
  const ext = match?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'json') return 'json';
  return undefined;
}

const JSON_SHAPE = bi(
  '请写成对象数组，每行一个对象，键为列名',
  'write an array of objects, one per row, whose keys are the column names',
);

function fileProblem(rule: string, message: Bilingual, fix: Bilingual, row: number | null = null): Problem {
  return { row, column: null, field: null, rule, message, fix };
}

function emptyTable(problems: Problem[]): Table {
  return { headers: [], headerRow: 0, rows: [], problems };
}

function byteLength(data: Buffer | string): number {
  return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
}

export type ReadOptions = {
  /** The XLSX sheet, by name or 1-based number; by default the first sheet that holds anything. */
  sheet?: string | number;
};

export async function readTable(
  data: Buffer | string,
  format: ImportFormat,
  limits: ParseLimits = DEFAULT_LIMITS,
  options: ReadOptions = {},
): Promise<Table> {
  if (byteLength(data) > limits.maxBytes) {
    const mb = Math.round(limits.maxBytes / 1024 / 1024);
    return emptyTable([
      fileProblem(
        'file_too_large',
        bi(`文件大于 ${mb} MB`, `the file is larger than ${mb} MB`),
        bi(`请拆分为每个不超过 ${mb} MB 的文件`, `split it into files of at most ${mb} MB`),
      ),
    ]);
  }
  if (format === 'csv') return refuseNul(readCsv(data, limits));
  if (format === 'json') return refuseNul(readJson(data, limits));
  return readXlsx(data, limits, options);
}

/**
 * PostgreSQL text cannot hold U+0000 (NUL), so a cell with one is a problem of the file, named by
 * row and column and the import refused (XLSX cannot hold one at all). Other control characters
 * are kept as given.
 */
function refuseNul(table: Table): Table {
  const check = (cells: string[], row: number) => {
    cells.forEach((cell, i) => {
      if (!cell.includes('\u0000')) return;
      // Taken out too, so that checking the rest of the file never sends one to the database.
      cells[i] = cell.replaceAll('\u0000', '');
      table.problems.push({
        row,
        column: table.headers[i] ?? columnLetter(i),
        field: null,
        rule: 'control_character',
        value: cell.replaceAll('\u0000', '\u2400').slice(0, 200),
        message: bi(
          '该值含有无法保存的空字符（U+0000）',
          'the value holds a NUL character (U+0000), which cannot be stored',
        ),
        fix: bi(
          '请删除该字符；保存为 UTF-16（“Unicode 文本”）的文件每个字后都有一个：请另存为“CSV UTF-8”',
          'remove the character; a file saved as UTF-16 ("Unicode text") has one after every letter: save it as CSV UTF-8',
        ),
      });
    });
  };
  check(table.headers, table.headerRow);
  for (const r of table.rows) check(r.cells, r.row);
  return table;
}

function tooManyRows(limits: ParseLimits, row: number): Problem {
  return fileProblem(
    'too_many_rows',
    bi(
      `文件的数据行超过 ${limits.maxRows} 行`,
      `the file has more than ${limits.maxRows.toLocaleString('en')} data rows`,
    ),
    bi(
      `请拆分为每个不超过 ${limits.maxRows} 行的文件`,
      `split it into files of at most ${limits.maxRows.toLocaleString('en')} rows`,
    ),
    row,
  );
}

/** UTF-8 (with or without a BOM) or, failing that, GB18030 — what Excel on Chinese Windows saves. */
export function decodeText(data: Buffer | string): string {
  if (typeof data === 'string') return data;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

/**
 * Cells that export guarded with a leading apostrophe (CSV injection) get their value back: one
 * apostrophe comes off before = + - @ (or before an apostrophe that itself precedes one of them).
 */
const NEUTRALISED = /^'(?='?[=+\-@\t\r])/;

function cleanCell(text: string): string {
  return text.trim();
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c === '');
}

/**
 * RFC 4180 CSV in one pass: comma-separated, fields in double quotes may hold commas, line breaks
 * and doubled quotes; records end with CRLF or LF. Faster than a general parser because it needs
 * nothing else. A quote that is never closed, or text right after a closing quote, is an error.
 */
export function parseCsvText(text: string): { records: string[][] } | { error: Bilingual; line: number } {
  const records: string[][] = [];
  const n = text.length;
  if (n === 0) return { records };
  let record: string[] = [];
  let i = 0;
  let line = 1;
  for (;;) {
    let value: string;
    if (text.charCodeAt(i) === 34) {
      const startLine = line;
      let quoted = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) return { error: bi('引号中的值没有结束引号', 'a quoted value is never closed'), line: startLine };
        if (text.charCodeAt(q + 1) === 34) {
          quoted += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        quoted += text.slice(from, q);
        i = q + 1;
        break;
      }
      for (let k = quoted.indexOf('\n'); k !== -1; k = quoted.indexOf('\n', k + 1)) line++;
      value = quoted;
      const c = text.charCodeAt(i);
      if (i < n && c !== 44 && c !== 10 && c !== 13) {
        return { error: bi('结束引号后还有文字', 'unexpected text after a closing quote'), line };
      }
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 10 || c === 13) break;
        j++;
      }
      value = text.slice(i, j);
      i = j;
    }
    record.push(value);
    if (i >= n) {
      records.push(record);
      return { records };
    }
    if (text.charCodeAt(i) === 44) {
      i++;
      if (i >= n) {
        record.push('');
        records.push(record);
        return { records };
      }
      continue;
    }
    i += text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    line++;
    records.push(record);
    record = [];
    if (i >= n) return { records };
  }
}

function readCsv(data: Buffer | string, limits: ParseLimits): Table {
  let text = decodeText(data);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = parseCsvText(text);
  if ('error' in parsed) {
    return emptyTable([
      fileProblem(
        'invalid_csv',
        bi(
          `文件不是有效的 CSV：${parsed.error.zh}（第 ${parsed.line} 行）`,
          `the file is not valid CSV: ${parsed.error.en} (line ${parsed.line})`,
        ),
        bi(
          '含逗号、引号或换行的值须放在双引号中，值中的引号写两次（""）',
          'a value with a comma, a quote or a line break must be in double quotes, and a quote inside it doubled ("")',
        ),
        parsed.line,
      ),
    ]);
  }
  const records = parsed.records;
  const problems: Problem[] = [];
  let headers: string[] | undefined;
  let headerRow = 0;
  const rows: TableRow[] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as string[];
    let blank = true;
    for (let k = 0; k < record.length; k++) {
      let cell = record[k] as string;
      if (cell !== '') {
        cell = cleanCell(cell);
        if (cell.charCodeAt(0) === 39 && NEUTRALISED.test(cell)) cell = cell.slice(1);
        record[k] = cell;
        if (cell !== '') blank = false;
      }
    }
    if (blank) continue;
    if (!headers) {
      headers = record;
      headerRow = i + 1;
      continue;
    }
    if (rows.length >= limits.maxRows) {
      problems.push(tooManyRows(limits, i + 1));
      return { headers, headerRow, rows: [], problems };
    }
    rows.push({ row: i + 1, cells: record });
  }
  return { headers: headers ?? [], headerRow, rows, problems };
}

function jsonCell(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return cleanCell(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function readJson(data: Buffer | string, limits: ParseLimits): Table {
  let parsed: unknown;
  try {
    let text = decodeText(data);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    parsed = JSON.parse(text);
  } catch (error) {
    return emptyTable([
      fileProblem(
        'invalid_json',
        bi(
          `文件不是有效的 JSON：${(error as Error).message}`,
          `the file is not valid JSON: ${(error as Error).message}`,
        ),
        JSON_SHAPE,
      ),
    ]);
  }
  const items = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === 'object' && Array.isArray((parsed as { rows?: unknown }).rows)
      ? ((parsed as { rows: unknown[] }).rows as unknown[])
      : undefined;
  if (!items) {
    return emptyTable([
      fileProblem(
        'invalid_json',
        bi(
          'JSON 既不是行的数组，也不是含 "rows" 数组的对象',
          'the JSON is neither an array of rows nor an object with a "rows" array',
        ),
        JSON_SHAPE,
      ),
    ]);
  }
  const problems: Problem[] = [];
  if (items.length > limits.maxRows) return emptyTable([tooManyRows(limits, limits.maxRows + 1)]);
  const headers: string[] = [];
  const index = new Map<string, number>();
  const objects: { row: number; item: Record<string, unknown> }[] = [];
  items.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({
        row: i + 1,
        column: null,
        field: null,
        rule: 'invalid_row',
        message: bi('该项不是对象', 'this item is not an object'),
        fix: bi(
          '每行写成一个对象，如 {"partner_country": "GH", …}',
          'write each row as an object such as {"partner_country": "GH", …}',
        ),
      });
      return;
    }
    for (const key of Object.keys(item)) {
      if (!index.has(key)) {
        index.set(key, headers.length);
        headers.push(key);
      }
    }
    objects.push({ row: i + 1, item: item as Record<string, unknown> });
  });
  const rows: TableRow[] = [];
  for (const { row, item } of objects) {
    const cells = new Array<string>(headers.length).fill('');
    for (const [key, value] of Object.entries(item)) {
      const text = jsonCell(value);
      const at = index.get(key) as number;
      if (text === undefined) {
        problems.push({
          row,
          column: key,
          field: null,
          rule: 'invalid_value',
          value: JSON.stringify(value).slice(0, 200),
          message: bi('值只能是文字、数字、true/false 或 null', 'a value must be text, a number, true/false or null'),
          fix: bi('请把该值写成文字', 'write the value as text'),
        });
      } else {
        cells[at] = text;
      }
    }
    if (!isBlank(cells)) rows.push({ row, cells });
  }
  return { headers, headerRow: 0, rows, problems };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

type CellRead = { text: string; formula?: string };

function xlsxCell(value: ExcelJS.CellValue): CellRead {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: cleanCell(value) };
  if (typeof value === 'number') return { text: String(value) };
  if (typeof value === 'boolean') return { text: String(value) };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? '' : isoDay(value) };
  if (typeof value === 'object') {
    const v = value as unknown as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      return { text: '', formula: String(v.formula ?? v.sharedFormula ?? '') };
    }
    if (Array.isArray(v.richText)) {
      return { text: cleanCell((v.richText as { text: string }[]).map((r) => r.text).join('')) };
    }
    if ('hyperlink' in v) {
      const shown = v.text === undefined ? '' : xlsxCell(v.text as ExcelJS.CellValue).text;
      return { text: shown || cleanCell(String(v.hyperlink ?? '')) };
    }
    if ('error' in v) return { text: String(v.error) };
  }
  return { text: cleanCell(String(value)) };
}

async function readXlsx(data: Buffer | string, limits: ParseLimits, options: ReadOptions): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  const buffer = typeof data === 'string' ? Buffer.from(data, 'binary') : data;
  // A small XLSX (a ZIP archive) may unpack to gigabytes: measured before exceljs unpacks it.
  const zip = await checkZip(buffer);
  if (!zip.ok) {
    return emptyTable([
      fileProblem(
        'zip_bomb',
        bi(`XLSX 文件被拒绝：${zip.message.zh}`, `the XLSX file is refused: ${zip.message.en}`),
        bi(
          '请用 Excel 或 WPS 另存为“Excel 工作簿（*.xlsx）”，或改用 CSV；正常的表格解压后约为其大小的十倍',
          'save the sheet again from Excel or WPS as "Excel Workbook (*.xlsx)", or send it as CSV; a real sheet unpacks to about ten times its size',
        ),
      ),
    ]);
  }
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it reads.
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (error) {
    return emptyTable([
      fileProblem(
        'invalid_xlsx',
        bi(
          `文件不是可读取的 XLSX 工作簿：${(error as Error).message}`,
          `the file is not a readable XLSX workbook: ${(error as Error).message}`,
        ),
        bi(
          '请用 Excel 或 WPS 另存为“Excel 工作簿（*.xlsx）”；不支持旧的 .xls 文件',
          'save it from Excel or WPS as "Excel Workbook (*.xlsx)"; older .xls files are not supported',
        ),
      ),
    ]);
  }
  const sheet = chooseSheet(workbook, options.sheet);
  if (typeof sheet === 'string') {
    const names = workbook.worksheets.map((w, i) => `${i + 1}. ${w.name}`).join(', ');
    return emptyTable([
      fileProblem(
        'unknown_sheet',
        bi(`工作簿中没有工作表“${sheet}”`, `the workbook has no sheet "${sheet}"`),
        bi(`请选择其中一个工作表：${names}`, `choose one of its sheets: ${names}`),
      ),
    ]);
  }
  if (!sheet) return emptyTable([]);
  const problems: Problem[] = [];
  let headers: string[] | undefined;
  let headerRow = 0;
  const rows: TableRow[] = [];
  let stopped = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (stopped) return;
    const cells: string[] = [];
    const formulas: { at: number; formula: string; value: string }[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const read = xlsxCell(cell.value);
      while (cells.length < colNumber - 1) cells.push('');
      cells[colNumber - 1] = read.text;
      if (read.formula !== undefined) formulas.push({ at: colNumber - 1, formula: read.formula, value: read.text });
    });
    if (isBlank(cells) && formulas.length === 0) return;
    for (const f of formulas) {
      problems.push({
        row: rowNumber,
        column: headers?.[f.at] ?? columnLetter(f.at),
        field: null,
        rule: 'formula',
        value: `=${f.formula}`,
        message: bi('该单元格含有公式；导入只接受值', 'the cell holds a formula; imports take values only'),
        fix: bi(
          '请把公式换成它的值（复制单元格，再“选择性粘贴 → 数值”）',
          'replace the formula with its value (copy the cells, then Paste Special → Values)',
        ),
      });
    }
    if (!headers) {
      headers = cells;
      headerRow = rowNumber;
      return;
    }
    if (rows.length >= limits.maxRows) {
      problems.push(tooManyRows(limits, rowNumber));
      stopped = true;
      return;
    }
    rows.push({ row: rowNumber, cells });
  });
  return { headers: headers ?? [], headerRow, rows: stopped ? [] : rows, problems, sheet: sheet.name };
}

/** The sheet asked for (by name or 1-based number), else the first with a cell; its name when missing. */
function chooseSheet(
  workbook: ExcelJS.Workbook,
  wanted: string | number | undefined,
): ExcelJS.Worksheet | string | undefined {
  if (wanted === undefined || wanted === '') {
    return workbook.worksheets.find((w) => w.actualRowCount > 0) ?? workbook.worksheets[0];
  }
  const byNumber =
    typeof wanted === 'number' || /^\d+$/.test(wanted) ? workbook.worksheets[Number(wanted) - 1] : undefined;
  const byName = workbook.worksheets.find((w) => w.name.trim() === String(wanted).trim());
  return byName ?? byNumber ?? String(wanted);
}

/** The names of a workbook's sheets, in order (for choosing one). */
export async function listSheets(data: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map((w) => w.name);
}

/** Spreadsheet column letter of a 0-based index: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
