/** ECharts options of the dashboard, built from figures and series: pure, so they are tested. */
import type { EChartsCoreOption } from 'echarts/core';
import { CONTINENTS, LEVELS } from '../../../shared/enums';
import { BENCHMARK_GREY, CHART_COLORS, LEVEL_COLORS } from '../../../shared/palette';
import type { Figures, RankRecord } from '../../api/types';
import type { Key, Vars } from '../../i18n/catalog';
import type { CountryCount, YearSeries } from './series';

export type Tr = (key: Key, vars?: Vars) => string;
type Name = (zh: string | null | undefined, en: string | null | undefined) => string;

const grid = { left: 8, right: 16, top: 32, bottom: 8, containLabel: true };

export function byLevelOption(figures: Figures, t: Tr): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid,
    xAxis: { type: 'category', data: LEVELS.map((l) => t(`level.${l}`)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: t('dash.chart.count'),
        barMaxWidth: 56,
        label: { show: true, position: 'top' },
        data: LEVELS.map((l) => ({ value: figures.byLevel[l], itemStyle: { color: LEVEL_COLORS[l] }, level: l })),
      },
    ],
  };
}

export function perYearOption(series: YearSeries, t: Tr): EChartsCoreOption {
  return {
    color: CHART_COLORS.slice(0, 2),
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { ...grid, top: 40 },
    xAxis: { type: 'category', data: series.years.map(String) },
    yAxis: [
      { type: 'value', minInterval: 1, name: t('dash.chart.perYearNew'), nameTextStyle: { align: 'left' } },
      { type: 'value', minInterval: 1, name: t('dash.chart.perYearCumulative'), splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: t('dash.chart.perYearNew'), data: series.added, barMaxWidth: 24 },
      {
        type: 'line',
        name: t('dash.chart.perYearCumulative'),
        yAxisIndex: 1,
        data: series.inForce,
        smooth: false,
        symbol: 'none',
        lineStyle: { width: 2 },
      },
    ],
  };
}

export function topCountriesOption(countries: readonly CountryCount[], name: Name, t: Tr): EChartsCoreOption {
  const rows = [...countries].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((c) => name(c.nameZh, c.nameEn)) },
    series: [
      {
        type: 'bar',
        name: t('dash.chart.count'),
        data: rows.map((c) => ({ value: c.count, iso2: c.iso2 })),
        itemStyle: { color: CHART_COLORS[0] },
        label: { show: true, position: 'right' },
        barMaxWidth: 20,
      },
    ],
  };
}

export function byContinentOption(figures: Figures, t: Tr): EChartsCoreOption {
  return {
    color: [...CHART_COLORS],
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['38%', '68%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{c}' },
        data: CONTINENTS.filter((c) => figures.byContinent[c] > 0).map((c) => ({
          name: t(`continent.${c}`),
          value: figures.byContinent[c],
          continent: c,
        })),
      },
    ],
  };
}

export function rankingOption(rows: readonly RankRecord[], name: Name, t: Tr): EChartsCoreOption {
  const ordered = [...rows].sort((a, b) => b.position - a.position);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: ordered.map((r) => name(r.nameZh, r.nameEn)) },
    series: [
      {
        type: 'bar',
        name: t('dash.chart.count'),
        barMaxWidth: 18,
        label: { show: true, position: 'right' },
        data: ordered.map((r) => ({
          value: r.total,
          itemStyle: {
            color: r.source === 'registry' ? CHART_COLORS[0] : BENCHMARK_GREY,
            borderColor: r.isScope ? '#f5a623' : undefined,
            borderWidth: r.isScope ? 3 : 0,
          },
        })),
      },
    ],
  };
}
