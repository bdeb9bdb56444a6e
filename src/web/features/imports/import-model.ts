/** What the import page sends and how it reads the answer, apart from React so it is tested. */
import { ApiError } from '../../api/client';
import type { ImportReport } from '../../api/types';

export const IMPORT_TYPES = ['partnerships', 'benchmarks', 'groups'] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];

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
