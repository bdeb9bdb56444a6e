/**
 * The filters of a list or the map: always open on a wide screen; on a phone, behind a button that
 * says how many are set, so the rows are not pushed below the fold. `lead` (the search box) stays
 * visible on every screen.
 */
import { FilterOutlined } from '@ant-design/icons';
import { Button, Card, Grid } from 'antd';
import { type ReactNode, useId, useState } from 'react';
import { useI18n } from '../i18n/i18n';

export function FilterPanel({ lead, active, children }: { lead?: ReactNode; active: number; children: ReactNode }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const id = useId();
  const compact = screens.md === false;
  if (!compact) {
    return (
      <Card size="small" style={{ marginBottom: 12 }}>
        <search className="filter-bar">
          {lead}
          {children}
        </search>
      </Card>
    );
  }
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <search className="filter-bar">
        {lead}
        <Button icon={<FilterOutlined />} aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {t('list.filters')}
          {active > 0 ? ` (${active})` : ''}
        </Button>
      </search>
      {open ? (
        <div id={id} className="filter-bar">
          {children}
        </div>
      ) : null}
    </Card>
  );
}

/** How many filters are set (a year range counts once). */
export function countFilters(search: Record<string, unknown>, keys: readonly string[]): number {
  let count = 0;
  for (const key of keys) {
    const value = search[key];
    if (Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '') count++;
  }
  if (search.yearFrom !== undefined || search.yearTo !== undefined) count++;
  return count;
}
