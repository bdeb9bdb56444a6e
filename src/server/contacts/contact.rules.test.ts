import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthsBetween } from '../../shared/dates.js';
import { ContactRoleInputSchema, periodEnd } from '../../shared/schemas/contact.js';
import { isSilent, monthsBefore, roleCovers, roleDates } from './contact.rules.js';

const day = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('monthsBefore', () => {
  it('goes back whole calendar months, to the month’s last day when it is shorter', () => {
    expect(monthsBefore('2025-06-15', 12)).toBe('2024-06-15');
    expect(monthsBefore('2025-03-31', 1)).toBe('2025-02-28');
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29');
    expect(monthsBefore('2025-01-10', 1)).toBe('2024-12-10');
    expect(monthsBefore('2025-01-10', 25)).toBe('2022-12-10');
  });

  it('lands exactly N calendar months back, never after the day, and moves back as N grows', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 600 }), (d, n) => {
        const back = monthsBefore(d, n);
        const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
        const [by, bm, bd] = back.split('-').map(Number) as [number, number, number];
        expect(y * 12 + m - (by * 12 + bm)).toBe(n);
        expect(bd).toBeLessThanOrEqual(dd);
        expect(back <= d).toBe(true);
        expect(monthsBefore(d, n + 1) < back).toBe(true);
        // Whole months between the cut-off and the day: at least N, less than N + 1.
        expect(Math.floor(monthsBetween(back, d))).toBeGreaterThanOrEqual(n);
        expect(monthsBetween(back, d)).toBeLessThan(n + 1);
      }),
    );
  });
});

describe('isSilent', () => {
  it('counts never contacted as silent, and a contact on the cut-off day as not', () => {
    expect(isSilent(null, '2025-06-15', 12)).toBe(true);
    expect(isSilent('2024-06-15', '2025-06-15', 12)).toBe(false);
    expect(isSilent('2024-06-14', '2025-06-15', 12)).toBe(true);
  });

  it('is monotonic: silent for N months means silent for fewer', () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: 1, max: 240 }), (last, asOf, n) => {
        if (isSilent(last, asOf, n)) expect(isSilent(last, asOf, Math.max(1, n - 1))).toBe(true);
      }),
    );
  });
});

describe('role dates', () => {
  it('stores the first day of the start and the last day of the end period', () => {
    expect(roleDates('2019-07', null)).toEqual({
      fromOn: '2019-07-01',
      fromPrecision: 'month',
      toOn: null,
      toPrecision: null,
      toEnd: null,
    });
    expect(roleDates('2015', '2016-02')).toMatchObject({
      toOn: '2016-02-01',
      toPrecision: 'month',
      toEnd: '2016-02-29',
    });
    expect(periodEnd('2023')).toBe('2023-12-31');
    expect(periodEnd('2023-02-30')).toBeUndefined();
  });

  it('a valid term covers its first and last day and nothing outside', () => {
    const partial = fc.oneof(
      day,
      day.map((d) => d.slice(0, 7)),
      day.map((d) => d.slice(0, 4)),
    );
    fc.assert(
      fc.property(partial, fc.option(partial, { nil: null }), (from, to) => {
        const valid = ContactRoleInputSchema.safeParse({ organisation: 'O', post: 'P', from, to }).success;
        const stored = roleDates(from, to);
        if (!valid) {
          expect(to).not.toBeNull();
          expect(stored.fromOn > (stored.toEnd ?? '')).toBe(true);
          return;
        }
        expect(roleCovers(stored, stored.fromOn)).toBe(true);
        if (stored.toEnd) {
          expect(roleCovers(stored, stored.toEnd)).toBe(true);
          const next = new Date(`${stored.toEnd}T00:00:00Z`);
          next.setUTCDate(next.getUTCDate() + 1);
          expect(roleCovers(stored, next.toISOString().slice(0, 10))).toBe(false);
        }
        const before = new Date(`${stored.fromOn}T00:00:00Z`);
        before.setUTCDate(before.getUTCDate() - 1);
        expect(roleCovers(stored, before.toISOString().slice(0, 10))).toBe(false);
      }),
    );
  });
});
