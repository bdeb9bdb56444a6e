/** The map's ECharts option: one line per partnership from the Chinese end to the partner, by level. */
import type { EChartsCoreOption } from 'echarts/core';
import { LEVELS, type Level } from '../../../shared/enums';
import { shiftLongitude } from '../../../shared/map/geo';
import { LEVEL_COLORS } from '../../../shared/palette';
import type { Partnership } from '../../api/types';

export const BASE_MAP = 'amity-base';

export type Coordinates = Readonly<Record<string, readonly [number, number]>>;

/** The point of a Chinese division: its own, else its prefecture's, else its province's. */
export function chinesePoint(code: string, coordinates: Coordinates): readonly [number, number] | undefined {
  return coordinates[code] ?? coordinates[`${code.slice(0, 4)}00`] ?? coordinates[`${code.slice(0, 2)}0000`];
}

export type MapLine = {
  id: number;
  level: Level;
  coords: [[number, number], [number, number]];
  label: string;
};

type Name = (zh: string | null | undefined, en: string | null | undefined) => string;

export function mapLines(
  partnerships: readonly Partnership[],
  coordinates: Coordinates,
  name: Name,
  date: (value: string | null) => string,
): { lines: MapLine[]; missing: number } {
  const lines: MapLine[] = [];
  let missing = 0;
  for (const p of partnerships) {
    const from = chinesePoint(p.cn.code, coordinates);
    const { lat, lng } = p.partner;
    if (!from || lat === null || lng === null) {
      missing++;
      continue;
    }
    const label = [
      `${name(p.cn.nameZh, p.cn.nameEn)} — ${name(p.partner.nameZh, p.partner.nameEn)}`,
      name(p.partner.country.nameZh, p.partner.country.nameEn),
      p.establishedOn ? date(p.establishedOn) : '',
    ]
      .filter(Boolean)
      .join(' · ');
    lines.push({
      id: p.id,
      level: p.level,
      coords: [
        [shiftLongitude(from[0]), from[1]],
        [shiftLongitude(lng), lat],
      ],
      label,
    });
  }
  return { lines, missing };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function mapOption(lines: readonly MapLine[], levelName: (level: Level) => string): EChartsCoreOption {
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: { data?: { label?: string } }) => escapeHtml(params.data?.label ?? ''),
    },
    geo: {
      map: BASE_MAP,
      roam: true,
      aspectScale: 0.85,
      silent: true,
      scaleLimit: { min: 1, max: 12 },
      itemStyle: { areaColor: '#dce4ee', borderColor: '#c3cedb', borderWidth: 0.5 },
    },
    series: LEVELS.flatMap((level) => {
      const mine = lines.filter((l) => l.level === level);
      const color = LEVEL_COLORS[level];
      return [
        {
          type: 'lines',
          name: levelName(level),
          coordinateSystem: 'geo',
          zlevel: 1,
          lineStyle: { color, width: 1.2, opacity: 0.75, curveness: 0.2 },
          emphasis: { lineStyle: { width: 3, opacity: 1 } },
          data: mine.map((l) => ({ coords: l.coords, id: l.id, label: l.label })),
        },
        {
          type: 'scatter',
          name: levelName(level),
          coordinateSystem: 'geo',
          zlevel: 2,
          symbolSize: 5,
          itemStyle: { color },
          data: mine.map((l) => ({ value: l.coords[1], id: l.id, label: l.label })),
        },
      ];
    }),
  };
}
