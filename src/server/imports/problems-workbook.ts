/**
 * The problem report as a workbook to fix the file in: the sheet as it came (its header row and
 * data rows, the title rows above left out), with a first column naming each row's problems and
 * their fixes in the reader's language, and the rows with problems marked. Fixed and uploaded again,
 * the problem column is left out of the import (PROBLEM_HEADERS).
 */
import ExcelJS from 'exceljs';
import { inLanguage } from '../../shared/bilingual.js';
import type { Language } from '../../shared/messages.js';
import { atHeaderRow, findHeaderRow } from './columns.js';
import { type ImportProblem, type ImportReport, PROBLEM_COLUMN } from './import.schema.js';
import { type ImportOptions, importData, resolveFormat } from './import.service.js';
import { readTable } from './parsers.js';

const MARK = 'FFFDECEA';

function line(p: ImportProblem, lang: Language): string {
  const where = p.column ? `${p.column}${p.value !== undefined ? ` “${p.value}”` : ''}: ` : '';
  const more = p.suggestions?.length
    ? lang === 'en'
      ? ` — did you mean ${p.suggestions.join(' or ')}?`
      : ` —— 是否指 ${p.suggestions.join(' 或 ')}？`
    : p.fix
      ? ` — ${p.fix}`
      : '';
  return `${where}${p.message}${more}`;
}

/** Runs the dry run and writes the workbook; the report comes back too (for its counts). */
export async function problemsWorkbook(
  options: ImportOptions & { lang: Language },
): Promise<{ report: ImportReport; workbook: Buffer }> {
  const report = await importData({ ...options, dryRun: true });
  const format = resolveFormat(options.fileName, options.format);
  const read = await readTable(options.data, format, undefined, { sheet: options.sheet });
  const table =
    (options.headerRow === undefined ? undefined : atHeaderRow(read, options.headerRow)) ?? findHeaderRow(read);
  const byRow = new Map<number | null, ImportProblem[]>();
  for (const p of report.problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.lang === 'en' ? 'Problems' : '问题');
  const fileLevel = [...(byRow.get(null) ?? []), ...(byRow.get(table.headerRow) ?? [])];
  sheet.addRow([inLanguage(options.lang, PROBLEM_COLUMN), ...table.headers]).font = { bold: true };
  if (fileLevel.length > 0) {
    // Problems of the file or of its header row: a note on the header's problem cell, which keeps its name.
    sheet.getCell(1, 1).note = fileLevel.map((p) => line(p, options.lang)).join('\n');
    sheet.getCell(1, 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK } };
  }
  for (const row of table.rows) {
    const problems = byRow.get(row.row) ?? [];
    const added = sheet.addRow([problems.map((p) => line(p, options.lang)).join('\n'), ...row.cells]);
    if (problems.length > 0) {
      added.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK } };
      added.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  sheet.getColumn(1).width = 60;
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  return { report, workbook: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
