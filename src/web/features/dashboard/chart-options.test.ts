import { describe, expect, it } from 'vitest';
import type { Figures, RankRecord } from '../../api/types';
import { translate } from '../../i18n/catalog';
import { byContinentOption, byLevelOption, perYearOption, rankingOption } from './chart-options';

const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);
const name = (zh: string | null | undefined, en: string | null | undefined) => en ?? zh ?? '';

const figures: Figures = {
  scope: { code: '430000', nameZh: '湖南省', nameEn: 'Hunan' },
  asOf: '2024-11-28',
  kind: 'friendship',
  total: 10,
  byLevel: { provincial: 2, city: 7, county: 1 },
  countries: 6,
  foreignPlaces: 10,
  byContinent: { asia: 3, europe: 4, africa: 3, americas: 0, oceania: 0 },
  since: null,
  groups: {},
  rank: null,
};

type Series = { data: unknown[]; type: string }[];

describe('dashboard charts', () => {
  it('draws the levels in their order with their colours', () => {
    const option = byLevelOption(figures, t) as { xAxis: { data: string[] }; series: Series };
    expect(option.xAxis.data).toEqual(['Provincial', 'City', 'County']);
    expect(((option.series[0]?.data ?? []) as { value: number }[]).map((d) => d.value)).toEqual([2, 7, 1]);
  });

  it('leaves empty continents out of the pie', () => {
    const option = byContinentOption(figures, t) as { series: Series };
    expect(((option.series[0]?.data ?? []) as { name: string }[]).map((d) => d.name)).toEqual([
      'Asia',
      'Europe',
      'Africa',
    ]);
  });

  it('draws bars of new pairs and a cumulative line on its own axis', () => {
    const option = perYearOption({ years: [2020, 2021], added: [1, 2], inForce: [5, 7], undated: 0 }, t) as {
      series: (Series[number] & { yAxisIndex?: number })[];
    };
    expect(option.series.map((s) => s.type)).toEqual(['bar', 'line']);
    expect(option.series[1]?.yAxisIndex).toBe(1);
    expect(option.series[1]?.data).toEqual([5, 7]);
  });

  it('ranks the first province at the top and marks the scope', () => {
    const rows: RankRecord[] = [
      {
        position: 1,
        scopeCode: '320000',
        nameZh: '江苏省',
        nameEn: 'Jiangsu',
        total: 367,
        source: 'benchmark',
        isScope: false,
        benchmark: null,
      },
      {
        position: 2,
        scopeCode: '430000',
        nameZh: '湖南省',
        nameEn: 'Hunan',
        total: 110,
        source: 'registry',
        isScope: true,
        benchmark: null,
      },
    ];
    const option = rankingOption(rows, name, t) as {
      yAxis: { data: string[] };
      series: { data: { itemStyle: { borderWidth: number } }[] }[];
    };
    // ECharts draws a category axis from the bottom up: the first province comes last.
    expect(option.yAxis.data).toEqual(['Hunan', 'Jiangsu']);
    expect(option.series[0]?.data[0]?.itemStyle.borderWidth).toBe(3);
  });
});
