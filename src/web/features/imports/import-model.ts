/** What the import wizard sends and how it reads the answers, apart from React so it is tested. */
import type { ImportPreview, Mapping } from '../../../shared/schemas/imports';
import { ApiError } from '../../api/client';
import type { ImportReport } from '../../api/types';

export { IMPORT_TYPES, type ImportType } from '../../../shared/schemas/imports';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Content-Type of an upload by its name; with `strict`, undefined for anything but CSV and XLSX. */
export function contentTypeOf(fileName: string, strict: true): string | undefined;
export function contentTypeOf(fileName: string, strict?: false): string;
export function contentTypeOf(fileName: string, strict = false): string | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'text/csv';
  if (lower.endsWith('.xlsx')) return XLSX;
  return strict ? undefined : 'application/octet-stream';
}

/** A file with problems comes back as 400 with the report in error.details.report. */
export function reportOfError(error: unknown): ImportReport | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const body = error.body as { error?: { details?: { report?: ImportReport }; report?: ImportReport } } | undefined;
  const report = body?.error?.details?.report ?? body?.error?.report;
  return report && typeof report.rows === 'number' && Array.isArray(report.problems) ? report : null;
}

/** A column's choice in the wizard: a field name, IGNORE, or undefined (not chosen yet). */
export const IGNORE = '__ignore__';
export type Choice = string | undefined;

/** The key a column goes by in a mapping: its header, or its letter when it has none. */
export function columnKey(column: ImportPreview['columns'][number]): string {
  return column.header.trim() || column.letter;
}

/** The wizard's first choices: each column's field as previewed, ignored ones as IGNORE, unknown ones open. */
export function initialChoices(preview: ImportPreview): Choice[] {
  return preview.columns.map((c) => (c.field ? c.field : c.how === 'unknown' ? undefined : IGNORE));
}

/** The columns still to map: neither a field nor ignored. */
export function unmapped(preview: ImportPreview, choices: readonly Choice[]): string[] {
  return preview.columns.filter((_, i) => choices[i] === undefined).map(columnKey);
}

/** The mapping of the choices made: every column named, with its field or null; the sheet and header row. */
export function mappingOf(preview: ImportPreview, choices: readonly Choice[]): Mapping {
  const columns: Record<string, string | null> = {};
  preview.columns.forEach((column, i) => {
    const choice = choices[i];
    if (choice === undefined) return;
    columns[columnKey(column)] = choice === IGNORE ? null : choice;
  });
  return {
    version: 1,
    type: preview.type,
    ...(preview.sheet ? { sheet: preview.sheet } : {}),
    headerRow: preview.headerRow,
    columns,
  };
}

/** A field chosen for two columns: the second would be refused as a duplicate column. */
export function duplicateFields(choices: readonly Choice[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const c of choices) {
    if (!c || c === IGNORE) continue;
    if (seen.has(c)) twice.add(c);
    seen.add(c);
  }
  return [...twice];
}

/** The form an upload travels in: the file, and the mapping as JSON when there is one. */
export function uploadForm(file: File, mapping?: Mapping): FormData {
  const form = new FormData();
  form.set('file', file, file.name);
  if (mapping) form.set('mapping', JSON.stringify(mapping));
  return form;
}
