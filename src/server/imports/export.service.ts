/**
 * Export of any filtered list of partnerships in the interchange format (CSV, XLSX or JSON), streamed
 * page by page, so that export → import changes nothing. Also the blank templates of each import type.
 *
 * CSV cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 * return) get a leading apostrophe; the importer takes it off again.
 */
import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { formatPartialDate } from '../../shared/dates.js';
import type { Precision } from '../../shared/enums.js';
import { AppError } from '../../shared/errors.js';
import type { Mapping } from '../../shared/schemas/imports.js';
import type { PartnershipFilter } from '../../shared/schemas/partnership.js';
import { type Actor, systemActor } from '../auth/actor.js';
import type { DbOrTx } from '../db/client.js';
import { filterConditions, iteratePartnerships, type PartnershipListed } from '../partnerships/partnership.repo.js';
import { resolveFilter } from '../partnerships/partnership.service.js';
import { type Division, divisionPath, getReferenceCache } from '../places/reference-cache.js';
import { normalizeHeader } from './columns.js';
import { COLUMNS, type ImportFormat, type ImportType, PARTNERSHIP_COLUMNS, SERIAL_HEADERS } from './import.schema.js';

export type HeaderLanguage = 'en' | 'zh';

export const CONTENT_TYPES: Record<ImportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** Guards a CSV cell against running as a spreadsheet formula; the importer reverses it. */
export function neutraliseCell(value: string): string {
  if (FORMULA_START.test(value) || /^'[=+\-@\t\r]/.test(value)) return `'${value}`;
  return value;
}

function headersOf(type: ImportType, lang: HeaderLanguage): string[] {
  return COLUMNS[type].map((c) => (lang === 'zh' ? c.zh : c.name));
}

/** One partnership as the cells of the interchange format, in PARTNERSHIP_COLUMNS order. */
export function partnershipCells({ p, cn, place }: PartnershipListed): string[] {
  const cache = getReferenceCache();
  const division = cache.divisions.get(cn.code) as Division | undefined;
  return [
    cn.code,
    division ? divisionPath(cache, division) : cn.nameZh,
    place.nameZh ?? '',
    place.nameEn ?? '',
    place.nameLocal ?? '',
    p.countryIso2,
    place.adminLevel ?? '',
    p.kind,
    p.establishedOn ? formatPartialDate(p.establishedOn, p.establishedPrecision as Precision) : '',
    p.status,
    p.endedOn ?? '',
    p.endedReason ?? '',
    p.sourceUrl ?? '',
    p.notes ?? '',
  ];
}

function csvLines(rows: string[][]): string {
  return stringify(
    rows.map((r) => r.map(neutraliseCell)),
    { record_delimiter: 'windows' },
  );
}

export type ExportOptions = {
  db: DbOrTx;
  filter: PartnershipFilter;
  format: ImportFormat;
  /** Header row in English (the canonical names, default) or Chinese. */
  headers?: HeaderLanguage;
  /** Counts the rows written, for a summary line. */
  counter?: { rows: number };
  /** Who exports: the rows are those of their scope. Omitted: the command line, acting as the system. */
  actor?: Actor;
  /**
   * An office's mapping: the file is written in its own layout — its headers in its order, 序号
   * numbered, columns it ignores left empty — so that it imports back with the same mapping.
   */
  layout?: Mapping;
};

/** The header row and the cells of each row in the layout asked for. */
type Shape = { headers: string[]; cells(row: string[], n: number): string[] };

const SERIAL_KEYS = new Set(SERIAL_HEADERS.map(normalizeHeader));

/** The interchange layout in English or Chinese, or an office's own layout from its mapping. */
export function exportShape(lang: HeaderLanguage, layout?: Mapping): Shape {
  if (!layout) return { headers: headersOf('partnerships', lang), cells: (row) => row };
  const names = PARTNERSHIP_COLUMNS.map((c) => c.name);
  const plan = Object.entries(layout.columns).map(([header, field]) => {
    if (field === null) return { header, at: SERIAL_KEYS.has(normalizeHeader(header)) ? -1 : -2 };
    const at = names.indexOf(field);
    if (at < 0) {
      throw new AppError('validation_failed', `the mapping names an unknown field ${field}`, {
        issues: [
          {
            path: `mapping.columns.${header}`,
            rule: 'unknown_field',
            value: field,
            message: `${field} is not a field of the partnership interchange format`,
            fix: `use one of ${names.join(', ')}, or null`,
          },
        ],
      });
    }
    return { header, at };
  });
  return {
    headers: plan.map((p) => p.header),
    cells: (row, n) => plan.map((p) => (p.at >= 0 ? (row[p.at] ?? '') : p.at === -1 ? String(n) : '')),
  };
}

/**
 * The export as a stream of chunks. The filter is checked before the first chunk, so a bad filter
 * is an error of the call, never a broken file.
 */
export function exportPartnershipsStream({
  db,
  filter,
  format,
  headers = 'en',
  counter,
  actor = systemActor('export'),
  layout,
}: ExportOptions): Readable {
  const resolved = resolveFilter(filter, actor);
  const conditions = filterConditions(resolved.filter, resolved.division);
  const shape = exportShape(headers, layout);
  const batches = counted(iteratePartnerships(db, conditions), counter);
  const out = new PassThrough();
  const run = format === 'xlsx' ? writeXlsx(out, batches, shape) : writeText(out, batches, format, shape);
  run.catch((error: unknown) => out.destroy(error as Error));
  return out;
}

async function* counted(
  batches: AsyncGenerator<PartnershipListed[]>,
  counter: { rows: number } | undefined,
): AsyncGenerator<PartnershipListed[]> {
  for await (const batch of batches) {
    if (counter) counter.rows += batch.length;
    yield batch;
  }
}

async function write(out: PassThrough, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

async function writeText(
  out: PassThrough,
  batches: AsyncGenerator<PartnershipListed[]>,
  format: 'csv' | 'json',
  shape: Shape,
): Promise<void> {
  const { headers } = shape;
  let n = 0;
  const cellsOf = (row: PartnershipListed) => shape.cells(partnershipCells(row), ++n);
  if (format === 'csv') {
    await write(out, BOM + csvLines([headers]));
    for await (const batch of batches) await write(out, csvLines(batch.map(cellsOf)));
  } else {
    let first = true;
    await write(out, '[');
    for await (const batch of batches) {
      const lines = batch.map((row) => {
        const cells = cellsOf(row);
        const object = Object.fromEntries(headers.map((h, i) => [h, cells[i] === '' ? null : cells[i]]));
        return JSON.stringify(object);
      });
      await write(out, `${first ? '\n' : ',\n'}${lines.join(',\n')}`);
      first = false;
    }
    await write(out, first ? ']\n' : '\n]\n');
  }
  out.end();
}

async function writeXlsx(out: PassThrough, batches: AsyncGenerator<PartnershipListed[]>, shape: Shape): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('partnerships', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = shape.headers.map((h) => ({ width: Math.max(12, Math.min(40, h.length * 2 + 4)) }));
  const header = sheet.addRow(shape.headers);
  header.font = { bold: true };
  header.commit();
  let n = 0;
  for await (const batch of batches) {
    for (const row of batch) sheet.addRow(shape.cells(partnershipCells(row), ++n)).commit();
  }
  sheet.commit();
  await workbook.commit();
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** The whole export in memory: text for CSV and JSON, a Buffer for XLSX. */
export async function exportPartnerships(options: ExportOptions): Promise<Buffer | string> {
  const bytes = await collect(exportPartnershipsStream(options));
  return options.format === 'xlsx' ? bytes : bytes.toString('utf8');
}

export type TemplateOptions = { type?: ImportType; format: ImportFormat; headers?: HeaderLanguage };

/**
 * A blank file of an import type: the header row; an XLSX template also explains every column on a
 * second sheet. CSV templates start with a BOM so that Excel reads the Chinese headers right.
 */
export async function buildTemplate({
  type = 'partnerships',
  format,
  headers = 'en',
}: TemplateOptions): Promise<Buffer | string> {
  const names = headersOf(type, headers);
  if (format === 'csv') return BOM + csvLines([names]);
  if (format === 'json') {
    throw new AppError('validation_failed', 'templates are CSV or XLSX files', {
      issues: [
        {
          path: 'format',
          rule: 'unknown_format',
          value: format,
          message: 'templates are CSV or XLSX files',
          fix: 'ask for a .csv or .xlsx template; a JSON file is an array of objects keyed by the English column names',
        },
      ],
    });
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Amity';
  const sheet = workbook.addWorksheet(type, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS[type].map((c) => ({ header: headers === 'zh' ? c.zh : c.name, width: 20 }));
  sheet.getRow(1).font = { bold: true };
  // Text format for the code and date columns, so that Excel keeps 430100 and 2018-05 as written.
  COLUMNS[type].forEach((c, i) => {
    if (/code|_on$|as_of|scope/.test(c.name)) sheet.getColumn(i + 1).numFmt = '@';
  });
  const help = workbook.addWorksheet('说明 Instructions');
  help.columns = [
    { header: 'column', width: 22 },
    { header: '中文表头', width: 18 },
    { header: 'required 必填', width: 14 },
    { header: 'meaning', width: 60 },
    { header: '说明', width: 60 },
    { header: 'example 示例', width: 30 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of COLUMNS[type]) {
    help.addRow([c.name, c.zh, c.required ? 'yes 是' : '', c.descriptionEn, c.descriptionZh, c.example]);
  }
  help.addRow([]);
  help.addRow([
    'Only the first sheet is imported; the header row comes first. Either the English or the Chinese headers work.',
  ]);
  help.addRow(['只导入第一个工作表；第一行为表头，中英文表头均可。单元格请填写数值，不要使用公式。']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
