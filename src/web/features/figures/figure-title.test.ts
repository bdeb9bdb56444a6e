import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/catalog';
import { figureTitle } from './figure-title';

describe('figure titles', () => {
  const zh = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
    translate('zh-CN', key, vars);

  it('names every figure the API lists', () => {
    expect(figureTitle('byLevel.city', zh, '')).toBe('市级友城');
    expect(figureTitle('byContinent.africa', zh, '')).toBe('非洲的友城');
    expect(figureTitle('since', zh, '2018年')).toBe('2018年以来新增');
    expect(figureTitle('groups.bri.places', zh, '')).toBe('“一带一路”沿线国家的城市');
    expect(figureTitle('groups.other.places', zh, '')).toBe('groups.other.places');
  });
});
