/** ECharts options of the health and activity figures: pure, so they are tested. */
import type { EChartsCoreOption } from 'echarts/core';
import { ACTIVITY_TYPES, FIELDS } from '../../../shared/enums';
import { FIELD_NAMES, SUGGESTIONS, type Suggestion } from '../../../shared/health';
import { CHART_COLORS } from '../../../shared/palette';
import type { ActivityFigures } from '../../../shared/schemas/activity-figures';
import type { Key, Vars } from '../../i18n/catalog';

export type Tr = (key: Key, vars?: Vars) => string;
type Lang = 'zh-CN' | 'en';

export const SUGGESTION_COLORS: Record<Suggestion, string> = {
  active: '#2e8b57',
  at_risk: '#e08e0b',
  dormant: '#c0392b',
};

const grid = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true };

export function fieldName(field: string, lang: Lang): string {
  return FIELD_NAMES[field]?.[lang] ?? field;
}

/** Pairs by suggested status: one bar each, in the order active, at risk, dormant. */
export function healthOption(health: ActivityFigures['health'], t: Tr): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { ...grid, top: 24 },
    xAxis: { type: 'category', data: SUGGESTIONS.map((s) => t(`health.suggestion.${s}`)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: t('dash.chart.count'),
        barMaxWidth: 56,
        label: { show: true, position: 'top' },
        data: SUGGESTIONS.map((s) => ({ value: health[s], itemStyle: { color: SUGGESTION_COLORS[s] }, suggestion: s })),
      },
    ],
  };
}

/** Activities per year, stacked by type (only the types that occur). */
export function activitiesByTypeOption(f: ActivityFigures, t: Tr): EChartsCoreOption {
  const types = ACTIVITY_TYPES.filter((type) => f.activities.byYearType.some((r) => r.type === type));
  return {
    color: [...CHART_COLORS],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid,
    xAxis: { type: 'category', data: f.years.map(String) },
    yAxis: { type: 'value', minInterval: 1 },
    series: types.map((type) => ({
      type: 'bar',
      stack: 'activities',
      name: t(`activity.${type}`),
      barMaxWidth: 28,
      data: f.years.map((year) => {
        const row = f.activities.byYearType.find((r) => r.year === year && r.type === type);
        return { value: row?.count ?? 0, year, type };
      }),
    })),
  };
}

/** Activities per year by field (an activity in several fields counts in each). */
export function activitiesByFieldOption(f: ActivityFigures, lang: Lang): EChartsCoreOption {
  const fields = FIELDS.filter((field) => f.activities.byYearField.some((r) => r.field === field));
  return {
    color: [...CHART_COLORS],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid,
    xAxis: { type: 'category', data: f.years.map(String) },
    yAxis: { type: 'value', minInterval: 1 },
    series: fields.map((field) => ({
      type: 'bar',
      stack: 'fields',
      name: fieldName(field, lang),
      barMaxWidth: 28,
      data: f.years.map((year) => {
        const row = f.activities.byYearField.find((r) => r.year === year && r.field === field);
        return { value: row?.count ?? 0, year, field };
      }),
    })),
  };
}

/** Delegations in and out per year, side by side; participants in the tooltip's data. */
export function delegationsOption(f: ActivityFigures, t: Tr): EChartsCoreOption {
  const series = (['in', 'out'] as const).map((direction, i) => ({
    type: 'bar',
    name: t(direction === 'in' ? 'health.chart.in' : 'health.chart.out'),
    barMaxWidth: 20,
    itemStyle: { color: CHART_COLORS[i] },
    data: f.years.map((year) => {
      const row = f.delegations.byYear.find((r) => r.year === year && r.direction === direction);
      return { value: row?.count ?? 0, participants: row?.participants ?? 0, year, direction };
    }),
  }));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: f.years.map(String) },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  };
}

export type OutcomeBar = { key: string; label: string; outcomes: number; totals: string; records: string };

/** Outcome rows (one per key and unit) folded into one bar per key: how many outcomes, and the totals by unit. */
export function outcomeBars(
  rows: ActivityFigures['outcomes']['byField'],
  labelOf: (key: string) => string,
  valueText: (value: number, unit: string) => string,
): OutcomeBar[] {
  const bars = new Map<string, OutcomeBar>();
  for (const r of rows) {
    const bar = bars.get(r.key) ?? { key: r.key, label: labelOf(r.key), outcomes: 0, totals: '', records: r.records };
    bar.outcomes += r.outcomes;
    bar.totals = bar.totals ? `${bar.totals}; ${valueText(r.total, r.unit)}` : valueText(r.total, r.unit);
    bars.set(r.key, bar);
  }
  return [...bars.values()];
}

export function outcomesOption(bars: readonly OutcomeBar[], t: Tr): EChartsCoreOption {
  const rows = [...bars].reverse();
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const bar = rows[p.dataIndex];
        return bar ? `${bar.label}<br/>${bar.totals}` : '';
      },
    },
    grid: { ...grid, top: 8 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((b) => b.label) },
    series: [
      {
        type: 'bar',
        name: t('health.chart.outcomes'),
        itemStyle: { color: CHART_COLORS[2] },
        barMaxWidth: 18,
        label: { show: true, position: 'right' },
        data: rows.map((b) => ({ value: b.outcomes, key: b.key })),
      },
    ],
  };
}
