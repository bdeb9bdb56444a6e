/** The columns of the partnerships table a person can show or hide; the choice is remembered. */
import type { Key } from '../../i18n/catalog';

export const COLUMN_KEYS = [
  'cn',
  'partner',
  'country',
  'continent',
  'level',
  'kind',
  'status',
  'established',
  'ended',
  'id',
  'updatedAt',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export const COLUMN_LABELS: Record<ColumnKey, Key> = {
  cn: 'field.cn',
  partner: 'field.partner',
  country: 'field.country',
  continent: 'field.continent',
  level: 'field.level',
  kind: 'field.kind',
  status: 'field.status',
  established: 'field.established',
  ended: 'field.ended',
  id: 'field.id',
  updatedAt: 'field.updatedAt',
};

/** Always shown: without them a row means nothing. */
export const FIXED_COLUMNS: readonly ColumnKey[] = ['cn', 'partner'];
export const DEFAULT_COLUMNS: readonly ColumnKey[] = [
  'cn',
  'partner',
  'country',
  'level',
  'kind',
  'status',
  'established',
];

const STORAGE_KEY = 'amity.partnerships.columns';

/** Parses a stored choice; anything unreadable gives the defaults. Fixed columns are always in. */
export function parseColumns(stored: string | null): ColumnKey[] {
  if (!stored) return [...DEFAULT_COLUMNS];
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return [...DEFAULT_COLUMNS];
  }
  if (!Array.isArray(parsed)) return [...DEFAULT_COLUMNS];
  const chosen = new Set(parsed.filter((k): k is ColumnKey => (COLUMN_KEYS as readonly string[]).includes(k)));
  for (const k of FIXED_COLUMNS) chosen.add(k);
  return COLUMN_KEYS.filter((k) => chosen.has(k));
}

export function loadColumns(): ColumnKey[] {
  try {
    return parseColumns(localStorage.getItem(STORAGE_KEY));
  } catch {
    return [...DEFAULT_COLUMNS];
  }
}

export function saveColumns(columns: readonly ColumnKey[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(columns));
  } catch {
    // Storage unavailable: the choice lasts for this visit.
  }
}
