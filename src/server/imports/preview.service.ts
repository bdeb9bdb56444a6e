/**
 * The wizard's first step: an uploaded sheet as the importer sees it, before anything is checked —
 * its sheets, the header row found, each column with the field it would be read as (known header,
 * mapping, or left out and why) and its first values, the fields a column can be mapped to, and
 * what is wrong with the header row as mapped. Reads nothing from the database, writes nothing.
 */
import { bi, inLanguage } from '../../shared/bilingual.js';
import { AppError } from '../../shared/errors.js';
import type { Language } from '../../shared/messages.js';
import type { ImportPreview, Mapping } from '../../shared/schemas/imports.js';
import { type Actor, assertCanWrite } from '../auth/actor.js';
import { atHeaderRow, detectType, findHeaderRow, mapHeaders, normalizeHeader, noSuchHeaderRow } from './columns.js';
import { COLUMNS, type ImportFormat, type ImportType } from './import.schema.js';
import { choicesOf, resolveFormat } from './import.service.js';
import { columnLetter, listSheets, readTable, type Table } from './parsers.js';

const SAMPLE_ROWS = 5;

export type PreviewOptions = {
  data: Buffer;
  fileName: string;
  format?: ImportFormat;
  type?: ImportType;
  mapping?: Mapping;
  sheet?: string | number;
  headerRow?: number;
  actor: Actor;
  lang: Language;
};

export async function previewImport(options: PreviewOptions): Promise<ImportPreview> {
  const { data, fileName, mapping, actor, lang } = options;
  assertCanWrite(actor, actor.scopeCode);
  const format = resolveFormat(fileName, options.format);
  const sheet = options.sheet ?? mapping?.sheet;
  const headerRow = options.headerRow ?? mapping?.headerRow;
  const sheets = format === 'xlsx' ? await listSheets(data).catch(() => []) : [];
  const read = await readTable(data, format, undefined, { sheet });
  if (read.problems.length > 0 && read.headers.length === 0) {
    const first = read.problems[0];
    throw new AppError(
      'validation_failed',
      inLanguage(lang, first?.message ?? bi('无法读取文件', 'cannot read the file')),
      {
        issues: read.problems.map((p) => ({
          path: 'file',
          rule: p.rule,
          message: inLanguage(lang, p.message),
          fix: p.fix ? inLanguage(lang, p.fix) : undefined,
        })),
      },
    );
  }
  let table: Table = findHeaderRow(read);
  if (headerRow !== undefined) {
    const forced = atHeaderRow(read, headerRow);
    if (!forced) throw noSuchHeaderRow(headerRow);
    table = forced;
  }
  const detectedType = detectType(table.headers);
  const type = options.type ?? mapping?.type ?? detectedType ?? 'partnerships';
  const choices = choicesOf(mapping?.columns, []);
  const { map, problems, ignored } = mapHeaders(type, table, choices);
  const ignoredBy = new Map(ignored.map((i) => [i.column, i.reason]));
  const columns = table.headers.map((header, index) => {
    const letter = columnLetter(index);
    const field = map.fieldAt(index) ?? null;
    const reason = ignoredBy.get(header || letter);
    const chosen = choices.get(normalizeHeader(header || letter));
    const how =
      reason === 'serial'
        ? ('serial' as const)
        : reason === 'empty'
          ? ('empty' as const)
          : reason === 'option' || reason === 'problems'
            ? ('ignored' as const)
            : field === null
              ? ('unknown' as const)
              : chosen !== undefined
                ? ('mapped' as const)
                : ('known' as const);
    const samples = table.rows
      .slice(0, SAMPLE_ROWS)
      .map((r) => r.cells[index] ?? '')
      .filter((v) => v !== '');
    return { index, letter, header, field, how, samples };
  });
  return {
    fileName,
    format,
    sheets,
    sheet: read.sheet ?? null,
    type,
    detected: detectedType !== undefined,
    headerRow: table.headerRow,
    rows: table.rows.length,
    columns,
    fields: COLUMNS[type].map((c) => ({
      name: c.name,
      label: lang === 'en' ? c.name : c.zh,
      required: c.required,
      description: lang === 'en' ? c.descriptionEn : c.descriptionZh,
    })),
    sample: table.rows.slice(0, SAMPLE_ROWS).map((r) => ({ row: r.row, cells: r.cells })),
    problems: problems.map((p) => ({
      column: p.column,
      rule: p.rule,
      message: inLanguage(lang, p.message),
      fix: p.fix ? inLanguage(lang, p.fix) : undefined,
    })),
  };
}
