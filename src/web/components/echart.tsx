/** One ECharts chart, resized with its box; ECharts itself is fetched the first time a chart shows. */
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef } from 'react';
import { FONT_FAMILY } from '../i18n/theme';

type Setup = typeof import('./echarts-setup');
let loading: Promise<Setup> | null = null;

/** The chart library (shared by every chart of the page, fetched once). */
export function loadECharts(): Promise<Setup> {
  loading ??= import('./echarts-setup');
  return loading;
}

export type ChartClick = { name: string; dataIndex: number; seriesIndex?: number; data?: unknown };

export function EChart({
  option,
  label,
  className = 'chart-box',
  onClick,
  setup,
  load = loadECharts,
}: {
  option: EChartsCoreOption;
  /** Read by screen readers in place of the picture. */
  label: string;
  className?: string;
  onClick?: (event: ChartClick) => void;
  /** Extra registration (e.g. a map) before the first draw. */
  setup?: (echarts: Setup['echarts']) => void;
  /** How to get ECharts: a page that needs more chart types passes its own loader. */
  load?: () => Promise<Setup>;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const optionRef = useRef(option);
  optionRef.current = option;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void load().then(({ echarts }) => {
      if (disposed || !box.current) return;
      setup?.(echarts);
      const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
      chart.current = instance;
      instance.setOption({ textStyle: { fontFamily: FONT_FAMILY }, ...optionRef.current });
      instance.on('click', (event) => clickRef.current?.(event as unknown as ChartClick));
      const element = box.current;
      // A box of no width or height (the page being laid out again) would leave ECharts' map with
      // a transform it cannot invert, and it throws; the next real size redraws it.
      observer = new ResizeObserver(() => {
        if (element.clientWidth > 0 && element.clientHeight > 0) instance.resize();
      });
      observer.observe(element);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // The chart is created once; option changes are applied below.
  }, [setup, load]);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: FONT_FAMILY }, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={box} className={className} role="img" aria-label={label} />;
}
