import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Partnership } from '../../api/types';
import { existsOn, perYear, startOf, topCountries } from './series';

const pair = (establishedOn: string | null, endedOn: string | null = null, iso2 = 'GH') =>
  ({
    establishedOn,
    endedOn,
    partner: { country: { iso2, nameZh: iso2, nameEn: iso2, continent: 'africa' } },
  }) as unknown as Partnership;

describe('counting rules', () => {
  it('counts a partial date from its first day', () => {
    expect(startOf('2018')).toBe('2018-01-01');
    expect(startOf('2018-06')).toBe('2018-06-01');
    expect(existsOn(pair('2018-06'), '2018-05-31')).toBe(false);
    expect(existsOn(pair('2018-06'), '2018-06-01')).toBe(true);
  });

  it('stops counting on the day a pair ended', () => {
    expect(existsOn(pair('2000', '2010-03-01'), '2010-02-28')).toBe(true);
    expect(existsOn(pair('2000', '2010-03-01'), '2010-03-01')).toBe(false);
  });

  it('counts undated pairs as existing', () => {
    expect(existsOn(pair(null), '1900-01-01')).toBe(true);
  });
});

describe('new pairs per year', () => {
  it('gives bars per year and the cumulative number in force', () => {
    const series = perYear([pair('2019-05-01'), pair('2019'), pair('2021-02', '2022-01-01'), pair(null)], '2022-06-30');
    expect(series.years).toEqual([2019, 2020, 2021, 2022]);
    expect(series.added).toEqual([2, 0, 1, 0]);
    expect(series.inForce).toEqual([2, 2, 3, 2]);
    expect(series.undated).toBe(1);
  });

  it('leaves out pairs established after the as-of date', () => {
    expect(perYear([pair('2025-01-01')], '2024-12-31').years).toEqual([]);
  });

  it('ends with the number in force on the as-of date (property)', () => {
    const date = fc
      .record({
        y: fc.integer({ min: 1970, max: 2030 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
      })
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(date), fc.option(date))), date, (rows, asOf) => {
        const pairs = rows.map(([a, b]) => pair(a, a && b && b > a ? b : null));
        const series = perYear(pairs, asOf);
        const inForce = pairs.filter((p) => existsOn(p, asOf)).length;
        const last = series.inForce.at(-1) ?? 0;
        expect(last + series.undated).toBe(inForce);
        expect(series.added.reduce((s, n) => s + n, 0)).toBeGreaterThanOrEqual(last);
      }),
    );
  });
});

describe('top partner countries', () => {
  it('counts pairs in force by country, most first', () => {
    const top = topCountries(
      [pair('2000', null, 'US'), pair('2001', null, 'GH'), pair('2002', null, 'US'), pair('2003', '2004-01-01', 'GH')],
      '2024-01-01',
    );
    expect(top.map((c) => [c.iso2, c.count])).toEqual([
      ['US', 2],
      ['GH', 1],
    ]);
  });
});
