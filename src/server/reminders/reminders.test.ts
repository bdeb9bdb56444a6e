import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, anniversariesBetween, anniversaryPeriod, silentBefore } from './reminders.js';

describe('reminder arithmetic', () => {
  it('adds months, clamping to the end of the month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-11-28', 12)).toBe('2025-11-28');
    expect(addMonths('2024-03-15', -3)).toBe('2023-12-15');
    expect(silentBefore('2026-11-29', 3)).toBe('2023-11-29');
    expect(silentBefore('2024-02-29', 1)).toBe('2023-02-28');
  });

  it('gives each anniversary the period of the signing date’s precision', () => {
    expect(anniversaryPeriod('2013-06-05', 'day', 10)).toEqual({
      start: '2023-06-05',
      end: '2023-06-05',
      label: '2023-06-05',
    });
    expect(anniversaryPeriod('2012-02-29', 'day', 5)).toMatchObject({ start: '2017-02-28' });
    expect(anniversaryPeriod('2013-06-01', 'month', 10)).toEqual({
      start: '2023-06-01',
      end: '2023-06-30',
      label: '2023-06',
    });
    expect(anniversaryPeriod('1998-01-01', 'year', 25)).toEqual({
      start: '2023-01-01',
      end: '2023-12-31',
      label: '2023',
    });
  });

  it('reminds the 5th, 10th, 15th… anniversaries whose period overlaps the window', () => {
    expect(anniversariesBetween('2016-12-10', 'day', '2026-11-29', '2027-11-29')).toEqual([
      { n: 10, major: true, start: '2026-12-10', end: '2026-12-10', label: '2026-12-10' },
    ]);
    expect(anniversariesBetween('2016-11-10', 'day', '2026-11-29', '2027-11-29')).toEqual([]);
    // A year-precision signing: the whole anniversary year counts, even when its first day has passed.
    expect(anniversariesBetween('2001-01-01', 'year', '2026-11-29', '2027-11-29').map((a) => [a.n, a.major])).toEqual([
      [25, false],
    ]);
    expect(anniversariesBetween('2023-05-01', 'month', '2026-11-29', '2027-11-29')).toEqual([]);
    expect(anniversariesBetween('2022-12-01', 'month', '2026-11-29', '2027-11-29')).toEqual([]);
    expect(anniversariesBetween('2022-11-01', 'month', '2026-11-29', '2027-11-29')).toMatchObject([
      { n: 5, label: '2027-11' },
    ]);
    // A window of six years can hold two.
    expect(anniversariesBetween('2000-03-03', 'day', '2024-01-01', '2030-03-03').map((a) => a.n)).toEqual([25, 30]);
    expect(anniversariesBetween('2000-03-03', 'day', '2024-01-01', '2030-03-02').map((a) => a.n)).toEqual([25]);
  });

  it('every reminded anniversary is a positive multiple of 5 overlapping the window, and none is missed', () => {
    const day = fc
      .date({ min: new Date('1950-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        day,
        fc.constantFrom('day', 'month', 'year' as const),
        day,
        fc.integer({ min: 1, max: 60 }),
        (signed, precision, from, months) => {
          const established =
            precision === 'year'
              ? `${signed.slice(0, 4)}-01-01`
              : precision === 'month'
                ? `${signed.slice(0, 7)}-01`
                : signed;
          const to = addMonths(from, months);
          const found = anniversariesBetween(established, precision, from, to);
          for (const a of found) {
            expect(a.n % 5).toBe(0);
            expect(a.n).toBeGreaterThan(0);
            expect(a.end >= from && a.start <= to).toBe(true);
            expect(a.major).toBe(a.n % 10 === 0);
          }
          // Brute force: every multiple of 5 up to 100 years.
          const expected = [];
          for (let n = 5; n <= 100; n += 5) {
            const p = anniversaryPeriod(established, precision, n);
            if (p.end >= from && p.start <= to) expected.push(n);
          }
          expect(found.map((a) => a.n)).toEqual(expected);
        },
      ),
    );
  });
});
