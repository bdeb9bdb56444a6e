/**
 * The report's charts, drawn on the server: an ECharts option → SVG (server-side rendering, no
 * browser) → PNG (resvg) for Word. Fonts are given to resvg by path — the system Noto CJK fonts
 * (fonts-noto-cjk) so that Chinese labels are drawn; without them it falls back to whatever the
 * system has, and says so once on stderr.
 *
 * The map is the web app's base map (world-atlas land, Pacific-centred, cut at 25°W, see
 * src/web/features/map/geo.ts, whose pure functions are shared) with one line per pair from the
 * Chinese division's point to the partner.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { renderAsync } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { CONTINENTS, LEVELS, type Level } from '../../shared/enums.js';
import { prepareBaseMap, shiftLongitude } from '../../shared/map/geo.js';
import { CHART_COLORS, LEVEL_COLORS } from '../../shared/palette.js';
import type { Figures } from '../../shared/schemas/figures.js';
import type { Block } from './report.model.js';
import type { ReportPairRow } from './report.repo.js';
import { type Lang, levelName } from './wording.js';

/** The web app's colours (shared/palette.ts): a level has one colour everywhere. */
const [BLUE, ORANGE = BLUE] = CHART_COLORS;

/**
 * Latin text (numbers, axis labels) in DejaVu Sans, a TrueType font resvg draws quickly; Chinese in
 * Noto Sans CJK, whose CFF outlines are several times slower to draw per glyph. Each family is the
 * first of its candidates that exists.
 */
const FONT_FAMILY = 'DejaVu Sans, Noto Sans CJK SC, sans-serif';
const LATIN_FONTS = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
];
const CJK_FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/System/Library/Fonts/PingFang.ttc',
];

let fontFiles: string[] | undefined;
function chartFonts(): { fontFiles: string[]; loadSystemFonts: boolean; defaultFontFamily: string } {
  if (!fontFiles) {
    const first = (paths: string[]) => paths.filter((f) => existsSync(f)).slice(0, 1);
    fontFiles = process.env.AMITY_REPORT_FONTS
      ? process.env.AMITY_REPORT_FONTS.split(':').filter((f) => f && existsSync(f))
      : [...first(LATIN_FONTS), ...first(CJK_FONTS)];
    if (!fontFiles.some((f) => /cjk|pingfang|\.ttc$/i.test(f))) {
      process.stderr.write(
        'amity report: no CJK font found (install fonts-noto-cjk or set AMITY_REPORT_FONTS); chart labels use system fonts\n',
      );
    }
  }
  const cjk = fontFiles.some((f) => /cjk|pingfang|\.ttc$/i.test(f));
  return { fontFiles, loadSystemFonts: !cjk, defaultFontFamily: cjk ? 'Noto Sans CJK SC' : 'DejaVu Sans' };
}

const BASE_MAP = 'amity-report-land';
let mapRegistered = false;
function registerBaseMap(): void {
  if (mapRegistered) return;
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/land-110m.json') as Topology;
  const land = feature(
    topology,
    topology.objects.land as Parameters<typeof feature>[1],
  ) as unknown as FeatureCollection;
  echarts.registerMap(BASE_MAP, prepareBaseMap(land) as Parameters<typeof echarts.registerMap>[1]);
  mapRegistered = true;
}

type Coordinates = Record<string, [number, number]>;
let cnCoordinates: Coordinates | undefined;
function chinesePoint(code: string): [number, number] | undefined {
  cnCoordinates ??= JSON.parse(
    // From src/server/reports and from the compiled build/server/reports alike.
    readFileSync(new URL('../../../src/shared/map/cn-coordinates.json', import.meta.url), 'utf8'),
  ) as Coordinates;
  return cnCoordinates[code] ?? cnCoordinates[`${code.slice(0, 4)}00`] ?? cnCoordinates[`${code.slice(0, 2)}0000`];
}

/** Above this many pairs the map marks the partners' places without a line for each pair. */
export const MAP_LINES_MAX = 3000;

const WIDTH = 800;
const HEIGHT = 400;

/** Renders one option to SVG. Deterministic: no animation, fixed size. */
export function renderChart(option: echarts.EChartsCoreOption, size = { width: WIDTH, height: HEIGHT }) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  chart.setOption({ animation: false, textStyle: { fontFamily: FONT_FAMILY }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return { svg, png: null, ...size };
}

/** PNGs by their SVG: the same chart drawn again (a preview, then its download) is not rasterized twice. */
const pngCache = new Map<string, Uint8Array>();
const PNG_CACHED = 64;

/**
 * Draws the PNG of every chart block (at 1.5× the size: about 190 dpi on the printed page) off the
 * main thread, one after the other (each parses the font file; in parallel they only compete for
 * the same cores). Only Word and Markdown need them: HTML and PDF embed the SVG.
 */
export async function rasterizeCharts(blocks: readonly Block[]): Promise<void> {
  const fonts = chartFonts();
  for (const b of blocks) {
    if (b.type !== 'chart' || b.png) continue;
    const cached = pngCache.get(b.svg);
    if (cached) {
      b.png = cached;
      continue;
    }
    const image = await renderAsync(b.svg, { fitTo: { mode: 'zoom', value: 1.5 }, background: 'white', font: fonts });
    b.png = new Uint8Array(image.asPng());
    pngCache.set(b.svg, b.png);
    if (pngCache.size > PNG_CACHED) pngCache.delete(pngCache.keys().next().value as string);
  }
}

const CONTINENT_NAMES: Record<string, { zh: string; en: string }> = {
  asia: { zh: '亚洲', en: 'Asia' },
  europe: { zh: '欧洲', en: 'Europe' },
  africa: { zh: '非洲', en: 'Africa' },
  americas: { zh: '美洲', en: 'Americas' },
  oceania: { zh: '大洋洲', en: 'Oceania' },
};
export function continentName(code: string, lang: Lang): string {
  return CONTINENT_NAMES[code]?.[lang] ?? code;
}

/** The title is the caption under the chart (in the document's own font), so the chart keeps it only for screen readers. */
const title = (text: string) => ({ show: false, text });
const grid = { left: 16, right: 24, top: 32, bottom: 16, containLabel: true };

export function levelOption(figures: Figures, lang: Lang, text: string): echarts.EChartsCoreOption {
  return {
    title: title(text),
    grid,
    xAxis: { type: 'category', data: LEVELS.map((l) => levelName(l, lang)), axisLabel: { fontSize: 14 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        barMaxWidth: 72,
        label: { show: true, position: 'top', fontSize: 14 },
        data: LEVELS.map((l) => ({ value: figures.byLevel[l], itemStyle: { color: LEVEL_COLORS[l] } })),
      },
    ],
  };
}

/** Pairs in force on the date by the year they were established; undated pairs are in no year. */
export function pairsPerYear(pairs: readonly Pick<ReportPairRow, 'establishedOn'>[]) {
  const years = pairs.filter((p) => p.establishedOn).map((p) => Number((p.establishedOn as string).slice(0, 4)));
  if (years.length === 0) return { years: [] as number[], added: [] as number[], cumulative: [] as number[] };
  const first = Math.min(...years);
  const last = Math.max(...years);
  const out = { years: [] as number[], added: [] as number[], cumulative: [] as number[] };
  let running = 0;
  for (let y = first; y <= last; y++) {
    const n = years.filter((year) => year === y).length;
    running += n;
    out.years.push(y);
    out.added.push(n);
    out.cumulative.push(running);
  }
  return out;
}

export function perYearOption(
  series: ReturnType<typeof pairsPerYear>,
  text: string,
  names: { added: string; cumulative: string },
): echarts.EChartsCoreOption {
  return {
    title: title(text),
    color: [BLUE, ORANGE],
    legend: { top: 0 },
    grid: { ...grid, top: 40 },
    xAxis: { type: 'category', data: series.years.map(String) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: names.added, data: series.added, barMaxWidth: 20 },
      { type: 'line', name: names.cumulative, yAxisIndex: 1, data: series.cumulative, symbol: 'none' },
    ],
  };
}

export function continentOption(figures: Figures, lang: Lang, text: string): echarts.EChartsCoreOption {
  const present = CONTINENTS.filter((c) => figures.byContinent[c] > 0);
  return {
    title: title(text),
    color: CHART_COLORS.slice(0, 5),
    series: [
      {
        type: 'pie',
        radius: ['30%', '62%'],
        center: ['50%', '50%'],
        label: { formatter: '{b} {c}', fontSize: 14 },
        data: present.map((c) => ({ name: continentName(c, lang), value: figures.byContinent[c] })),
      },
    ],
  };
}

/** Lines from each Chinese division to its partner; pairs whose partner has no coordinates are counted apart. */
export function mapOption(pairs: readonly ReportPairRow[], lang: Lang, text: string) {
  registerBaseMap();
  let missing = 0;
  const byLevel = new Map<Level, { from: [number, number]; to: [number, number] }[]>();
  for (const p of pairs) {
    const from = chinesePoint(p.cnCode);
    if (!from || p.lat === null || p.lng === null) {
      missing++;
      continue;
    }
    const level = p.level as Level;
    const list = byLevel.get(level) ?? [];
    list.push({ from: [shiftLongitude(from[0]), from[1]], to: [shiftLongitude(p.lng), p.lat] });
    byLevel.set(level, list);
  }
  // Thousands of curves make an unreadable (and slow) picture: above MAP_LINES_MAX pairs only the
  // partners' places are marked, each place once.
  const drawLines = pairs.length - missing <= MAP_LINES_MAX;
  if (!drawLines) {
    for (const [level, list] of byLevel) {
      const seen = new Set<string>();
      byLevel.set(
        level,
        list.filter((m) => {
          const key = `${m.to[0].toFixed(1)},${m.to[1].toFixed(1)}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        }),
      );
    }
  }
  const option: echarts.EChartsCoreOption = {
    title: title(text),
    legend: { bottom: 4, data: LEVELS.filter((l) => byLevel.has(l)).map((l) => levelName(l, lang)) },
    geo: {
      map: BASE_MAP,
      roam: false,
      aspectScale: 0.85,
      top: 8,
      bottom: 32,
      silent: true,
      itemStyle: { areaColor: '#dce4ee', borderColor: '#c3cedb', borderWidth: 0.5 },
    },
    series: LEVELS.filter((l) => byLevel.has(l)).flatMap((level) => {
      const mine = byLevel.get(level) ?? [];
      const color = LEVEL_COLORS[level];
      return [
        ...(drawLines
          ? [
              {
                type: 'lines',
                name: levelName(level, lang),
                coordinateSystem: 'geo',
                lineStyle: { color, width: 1, opacity: 0.6, curveness: 0.2 },
                data: mine.map((m) => ({ coords: [m.from, m.to] })),
              },
            ]
          : []),
        {
          type: 'scatter',
          name: levelName(level, lang),
          coordinateSystem: 'geo',
          symbolSize: 5,
          itemStyle: { color },
          data: mine.map((m) => m.to),
        },
      ];
    }),
  };
  return { option, missing, drawLines };
}

export type ChartBlock = Extract<Block, { type: 'chart' }>;

export function chartBlock(id: string, titleText: string, option: echarts.EChartsCoreOption, height = HEIGHT) {
  return { type: 'chart', id, title: titleText, ...renderChart(option, { width: WIDTH, height }) } as ChartBlock;
}
