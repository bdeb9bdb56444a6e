import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readChineseNumeral, readNumber, toChineseDigits, toChineseNumeral } from './numerals.js';

describe('numerals', () => {
  it('reads the forms reports use', () => {
    expect(readNumber('一百一十')).toBe(110);
    expect(readNumber('十三')).toBe(13);
    expect(readNumber('八')).toBe(8);
    expect(readNumber('两千')).toBe(2000);
    expect(readNumber('三千零五十四')).toBe(3054);
    expect(readNumber('二〇二四')).toBe(2024);
    expect(readNumber('5亿')).toBe(500_000_000);
    expect(readNumber('23万')).toBe(230_000);
    expect(readNumber('1,871')).toBe(1871);
    expect(readNumber('2.8')).toBe(2.8);
    expect(readNumber('一亿二千万')).toBe(120_000_000);
  });

  it('refuses what is not one number', () => {
    expect(readChineseNumeral('一带一路')).toBeUndefined();
    expect(readChineseNumeral('一二十')).toBeUndefined();
    expect(readNumber('')).toBeUndefined();
    expect(readNumber('abc')).toBeUndefined();
  });

  it('writes numbers as they are read', () => {
    expect(toChineseNumeral(110)).toBe('一百一十');
    expect(toChineseNumeral(10)).toBe('十');
    expect(toChineseNumeral(10005)).toBe('一万零五');
    expect(toChineseNumeral(3054)).toBe('三千零五十四');
    expect(toChineseDigits(2024)).toBe('二〇二四');
  });

  it('round-trips every whole number through its Chinese reading (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: 100_000 }),
          fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }).map((n) => n % 1e16),
        ),
        (n) => {
          expect(readChineseNumeral(toChineseNumeral(n))).toBe(n);
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 2999 }), (year) => {
        expect(readNumber(toChineseDigits(year))).toBe(year);
      }),
    );
  });
});
