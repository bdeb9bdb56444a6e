/**
 * An audit entry as the page names things: "结好日期：2002年5月 → 未填写", never the stored column
 * ("establishedOn: 2002-05-01 → —"). A date and its precision are one field; codes read as their
 * labels; columns derived from others (search text, sort keys, the division's parents) are left out.
 */
import { formatPartialDate } from '../../../shared/dates';
import type { Precision } from '../../../shared/enums';
import { hasKey, type Key } from '../../i18n/catalog';

export type AuditValues = Record<string, unknown> | null;
export type AuditLine = { field: string; label: string; from: string; to: string };
type Words = {
  t(key: Key, vars?: Record<string, string | number>): string;
  d(value: string | null | undefined): string;
};

/** Columns that change with every write, or follow from others, and say nothing to a reader. */
const QUIET = new Set([
  'version',
  'updatedAt',
  'createdAt',
  'id',
  'search',
  'sortKey',
  'provinceCode',
  'prefectureCode',
  'isDemo',
]);

/** Stored column → the label of the field on the page. */
const LABELS: Record<string, Key> = {
  cnCode: 'field.cnCode',
  level: 'field.level',
  kind: 'field.kind',
  status: 'field.status',
  stage: 'audit.field.stage',
  establishedOn: 'field.established',
  endedOn: 'field.ended',
  endedReason: 'field.endedReason',
  sourceUrl: 'field.sourceUrl',
  notes: 'field.notes',
  foreignPlaceId: 'field.partner',
  partnerNameZh: 'field.partnerNameZh',
  partnerNameEn: 'field.partnerNameEn',
  partnerNameLocal: 'field.partnerNameLocal',
};

/** Coded values whose label the page shows. */
const CODED: Record<string, (value: string) => string> = {
  level: (v) => `level.${v}`,
  kind: (v) => `kind.${v}`,
  status: (v) => `status.${v}`,
  stage: (v) => `lc.steps.${v}`,
};

function dateAt(values: AuditValues, field: 'establishedOn' | 'endedOn'): string | null {
  const date = values?.[field];
  if (typeof date !== 'string' || date === '') return null;
  const precision = field === 'establishedOn' ? values?.establishedPrecision : values?.endedPrecision;
  return formatPartialDate(date, (typeof precision === 'string' ? precision : 'day') as Precision);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The lines of one entry: for an update the fields it changed; for a create those it set. */
export function auditLines(before: AuditValues, after: AuditValues, words: Words): AuditLine[] {
  const { t, d } = words;
  const empty = t('audit.value.empty');
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return empty;
    if (typeof value === 'string' && CODED[field]) {
      const key = CODED[field](value);
      return hasKey(key) ? t(key) : value;
    }
    if (field === 'foreignPlaceId') return t('audit.value.place', { id: String(value) });
    if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
    if (Array.isArray(value)) return value.map(String).join('、');
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const lines: AuditLine[] = [];
  const done = new Set<string>();
  for (const key of keys) {
    if (QUIET.has(key) || done.has(key)) continue;
    // A date and its precision are one field on the page, shown at its precision.
    const date = key === 'establishedPrecision' ? 'establishedOn' : key === 'endedPrecision' ? 'endedOn' : key;
    if (date === 'establishedOn' || date === 'endedOn') {
      done.add(date).add(date === 'establishedOn' ? 'establishedPrecision' : 'endedPrecision');
      const from = dateAt(before, date);
      const to = dateAt(after, date);
      if (from !== to) {
        lines.push({
          field: date,
          label: t(LABELS[date] as Key),
          from: from ? d(from) : empty,
          to: to ? d(to) : empty,
        });
      }
      continue;
    }
    done.add(key);
    if (same(before?.[key], after?.[key])) continue;
    const label = LABELS[key];
    const fieldKey = `field.${key}`;
    lines.push({
      field: key,
      label: label ? t(label) : hasKey(fieldKey) ? t(fieldKey) : key,
      from: show(key, before?.[key]),
      to: show(key, after?.[key]),
    });
  }
  return lines;
}
