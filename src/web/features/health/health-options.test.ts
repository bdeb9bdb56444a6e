import { describe, expect, it } from 'vitest';
import type { ActivityFigures } from '../../../shared/schemas/activity-figures';
import {
  activitiesByFieldOption,
  activitiesByTypeOption,
  delegationsOption,
  healthOption,
  outcomeBars,
  outcomesOption,
} from './health-options';

const t = (key: string, vars?: Record<string, string | number>) => (vars ? `${key}${JSON.stringify(vars)}` : key);

const figures: ActivityFigures = {
  scope: { code: '430000', nameZh: '湖南省', nameEn: 'Hunan' },
  asOf: '2025-06-30',
  years: [2023, 2024, 2025],
  activities: {
    total: 4,
    records: '/api/activities',
    byYearType: [
      { year: 2023, type: 'visit', count: 1, records: 'r1' },
      { year: 2025, type: 'delegation_in', count: 2, records: 'r2' },
      { year: 2025, type: 'visit', count: 1, records: 'r3' },
    ],
    byYearField: [{ year: 2024, field: 'education', count: 3, records: 'r4' }],
  },
  delegations: {
    in: { count: 2, participants: 30, records: 'r5' },
    out: { count: 0, participants: 0, records: 'r6' },
    byYear: [{ year: 2025, direction: 'in', count: 2, participants: 30 }],
  },
  health: { measured: 6, active: 1, at_risk: 2, dormant: 3, dormantOnPaper: 2, records: {} },
  outcomes: {
    byField: [
      { key: 'agriculture', unit: 'ha', total: 150, outcomes: 1, projects: 1, demo: 0, records: 'p1' },
      { key: 'agriculture', unit: 'people', total: 40, outcomes: 2, projects: 1, demo: 0, records: 'p1' },
      { key: 'education', unit: 'students', total: 12, outcomes: 1, projects: 1, demo: 0, records: 'p2' },
    ],
    bySdg: [],
  },
};

type Series = { name: string; data: { value: number; year?: number; type?: string; participants?: number }[] };

describe('health and activity chart options', () => {
  it('draws the pairs by suggestion in order, each bar knowing its suggestion', () => {
    const option = healthOption(figures.health, t) as { series: { data: { value: number; suggestion: string }[] }[] };
    expect(option.series[0]?.data.map((d) => [d.suggestion, d.value])).toEqual([
      ['active', 1],
      ['at_risk', 2],
      ['dormant', 3],
    ]);
  });

  it('stacks activities per year by the types that occur, with zeros for empty years', () => {
    const option = activitiesByTypeOption(figures, t) as { series: Series[]; xAxis: { data: string[] } };
    expect(option.xAxis.data).toEqual(['2023', '2024', '2025']);
    expect(option.series.map((s) => s.name)).toEqual(['activity.delegation_in', 'activity.visit']);
    expect(option.series[1]?.data.map((d) => d.value)).toEqual([1, 0, 1]);
    expect(option.series[0]?.data[2]).toMatchObject({ year: 2025, type: 'delegation_in', value: 2 });
    const byField = activitiesByFieldOption(figures, 'zh-CN') as { series: Series[] };
    expect(byField.series.map((s) => s.name)).toEqual(['教育']);
  });

  it('puts delegations in and out side by side with their participants', () => {
    const option = delegationsOption(figures, t) as { series: Series[] };
    expect(option.series.map((s) => s.data.map((d) => d.value))).toEqual([
      [0, 0, 2],
      [0, 0, 0],
    ]);
    expect(option.series[0]?.data[2]?.participants).toBe(30);
  });

  it('folds outcome rows into one bar per key, never adding across units', () => {
    const bars = outcomeBars(
      figures.outcomes.byField,
      (k) => k.toUpperCase(),
      (v, u) => `${v} ${u}`,
    );
    expect(bars).toEqual([
      { key: 'agriculture', label: 'AGRICULTURE', outcomes: 3, totals: '150 ha; 40 people', records: 'p1' },
      { key: 'education', label: 'EDUCATION', outcomes: 1, totals: '12 students', records: 'p2' },
    ]);
    const option = outcomesOption(bars, t) as { yAxis: { data: string[] }; series: Series[] };
    expect(option.yAxis.data).toEqual(['EDUCATION', 'AGRICULTURE']);
    expect(option.series[0]?.data.map((d) => d.value)).toEqual([1, 3]);
  });
});
