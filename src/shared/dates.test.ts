import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPartialDate, monthsBetween, parseDay, parsePartialDate } from './dates.js';

describe('parsePartialDate', () => {
  it('reads years, months and days with their precision', () => {
    expect(parsePartialDate('2023')).toEqual({ date: '2023-01-01', precision: 'year' });
    expect(parsePartialDate('2023-6')).toEqual({ date: '2023-06-01', precision: 'month' });
    expect(parsePartialDate('2023/06/05')).toEqual({ date: '2023-06-05', precision: 'day' });
  });

  it('refuses impossible and malformed dates', () => {
    for (const bad of ['2023-02-30', '2023-13', '2023-00-10', '23-01-01', '2023-06-05x', '', 'abc']) {
      expect(parsePartialDate(bad), bad).toBeUndefined();
    }
    expect(parsePartialDate('2024-02-29')?.date).toBe('2024-02-29');
    expect(parseDay('2024-02')).toBeUndefined();
  });

  it('round-trips through formatPartialDate', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        fc.constantFrom('year', 'month', 'day' as const),
        (d, precision) => {
          const text = formatPartialDate(d.toISOString().slice(0, 10), precision);
          const parsed = parsePartialDate(text);
          expect(parsed?.precision).toBe(precision);
          expect(formatPartialDate(parsed?.date ?? '', precision)).toBe(text);
        },
      ),
    );
  });
});

describe('monthsBetween', () => {
  it('counts whole months and a fraction of the last', () => {
    expect(monthsBetween('2018-01-01', '2018-01-01')).toBe(0);
    expect(monthsBetween('2018-01-01', '2019-01-01')).toBe(12);
    expect(monthsBetween('2018-01-15', '2018-02-14')).toBeCloseTo(30 / 31, 5);
    // The annual-report check: 30 new pairs from 2018-01-01 to 2024-11-28 → one every 2.8 months.
    const months = monthsBetween('2018-01-01', '2024-11-28');
    expect(months).toBeCloseTo(82 + 27 / 30, 5);
    expect(Math.round((months / 30) * 10) / 10).toBe(2.8);
  });

  it('grows with the later date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 1, max: 400 }), (offset, step) => {
        const base = new Date(Date.UTC(1990, 0, 1) + offset * 86_400_000);
        const later = new Date(base.getTime() + step * 86_400_000);
        const a = monthsBetween('1990-01-01', base.toISOString().slice(0, 10));
        const b = monthsBetween('1990-01-01', later.toISOString().slice(0, 10));
        expect(b).toBeGreaterThan(a);
      }),
    );
  });
});
