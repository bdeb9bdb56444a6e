import { describe, expect, it } from 'vitest';
import { LEVEL_COLORS } from '../../../shared/palette';
import type { Partnership } from '../../api/types';
import { chinesePoint, mapLines, mapOption } from './map-options';

const coordinates = { '430000': [112.97, 28.2], '430100': [112.97, 28.2], '430200': [113.15, 27.83] } as const;

const pair = (id: number, cn: string, level: Partnership['level'], lng: number | null, lat: number | null) =>
  ({
    id,
    level,
    cn: { code: cn, nameZh: '长沙市', nameEn: 'Changsha', level: 'prefecture' },
    partner: {
      nameZh: '圣保罗',
      nameEn: 'Saint Paul',
      lat,
      lng,
      country: { iso2: 'US', nameZh: '美国', nameEn: 'United States', continent: 'americas' },
    },
    establishedOn: '1988',
  }) as unknown as Partnership;

const name = (zh: string | null | undefined) => zh ?? '';

describe('map lines', () => {
  it('finds a point for a county through its prefecture or province', () => {
    expect(chinesePoint('430202', coordinates)).toEqual([113.15, 27.83]);
    expect(chinesePoint('431281', coordinates)).toEqual([112.97, 28.2]);
    expect(chinesePoint('110000', coordinates)).toBeUndefined();
  });

  it('draws lines east across the Pacific to the Americas, and counts what it cannot place', () => {
    const { lines, missing } = mapLines(
      [
        pair(1, '430100', 'city', -93.09, 44.95),
        pair(2, '430100', 'city', null, null),
        pair(3, '110000', 'provincial', 2.35, 48.85),
      ],
      coordinates,
      name,
      (d) => d ?? '',
    );
    expect(missing).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.coords[1][0]).toBeCloseTo(266.91);
    expect(lines[0]?.label).toBe('长沙市 — 圣保罗 · 美国 · 1988');
  });

  it('colours every line by the level of the pair', () => {
    const { lines } = mapLines([pair(1, '430100', 'county', 10, 50)], coordinates, name, (d) => d ?? '');
    const option = mapOption(lines, (l) => l) as {
      series: { type: string; lineStyle?: { color: string }; data: unknown[] }[];
    };
    const county = option.series.find((s) => s.type === 'lines' && s.data.length === 1);
    expect(county?.lineStyle?.color).toBe(LEVEL_COLORS.county);
  });
});
