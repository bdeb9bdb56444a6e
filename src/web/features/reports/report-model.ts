/**
 * The report page's state and addresses, pure so they are tested: the options live in the query
 * string (since year, comparison date, report language), the scope and date in the shell's.
 */
import { apiUrl } from '../../api/client';

export const REPORT_FORMATS = ['docx', 'pdf', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type ReportLang = 'zh' | 'en';

export type ReportSearch = { since?: number; compare?: string; rlang?: ReportLang };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Keeps what it understands: a year from 1949 to 2100, a real day, zh or en. */
export function validateReportSearch(raw: Record<string, unknown>): ReportSearch {
  const since = Number(raw.since);
  const compare = typeof raw.compare === 'string' && DAY.test(raw.compare) && !Number.isNaN(Date.parse(raw.compare));
  return {
    since: Number.isInteger(since) && since >= 1949 && since <= 2100 ? since : undefined,
    compare: compare ? (raw.compare as string) : undefined,
    rlang: raw.rlang === 'zh' || raw.rlang === 'en' ? raw.rlang : undefined,
  };
}

export type ReportParams = { scope: string; asOf?: string; since?: number; compare?: string; lang: ReportLang };

/** The API address of the report in one format; HTML is shown inline unless it is a download. */
export function reportUrl(params: ReportParams, format: ReportFormat, download = false): string {
  return apiUrl(`/reports/annual.${format}`, {
    scope: params.scope,
    asOf: params.asOf,
    since: params.since,
    compare: params.compare,
    lang: params.lang,
    download: format === 'html' && download ? 'true' : undefined,
  });
}

/** The file name the server gives, from Content-Disposition; a fallback otherwise. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = disposition?.match(/filename="([^"]+)"/i);
  return plain?.[1] ?? fallback;
}
