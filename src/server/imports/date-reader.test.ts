import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toChineseDigits, toChineseNumeral } from '../../shared/numerals.js';
import { dateRefusalMessage, describeDateReading, isPlainIso, readWrittenDate } from './date-reader.js';

const read = (text: string) => {
  const reading = readWrittenDate(text);
  return reading.ok ? `${reading.date.date} ${reading.date.precision} ${reading.form}` : reading.reason.kind;
};

describe('readWrittenDate', () => {
  it('reads the ways offices write a date, each at its precision', () => {
    expect(read('1982年10月30日')).toBe('1982-10-30 day chinese');
    expect(read('1982 年 10 月 30 日')).toBe('1982-10-30 day chinese');
    expect(read('1982年10月30号')).toBe('1982-10-30 day chinese');
    expect(read('1982年10月')).toBe('1982-10-01 month chinese');
    expect(read('1982年')).toBe('1982-01-01 year chinese');
    expect(read('1982.10.30')).toBe('1982-10-30 day dotted');
    expect(read('1982.10')).toBe('1982-10-01 month dotted');
    expect(read('1982/10/30')).toBe('1982-10-30 day slash');
    expect(read('1982/1/5')).toBe('1982-01-05 day slash');
    expect(read('1982-10-30')).toBe('1982-10-30 day iso');
    expect(read('1982-10')).toBe('1982-10-01 month iso');
    expect(read('1982')).toBe('1982-01-01 year iso');
  });

  it('reads full-width digits and Chinese numerals', () => {
    expect(read('１９８２年１０月３０日')).toBe('1982-10-30 day chinese');
    expect(read('１９８２．１０')).toBe('1982-10-01 month dotted');
    expect(read('一九八二年十月')).toBe('1982-10-01 month chinese_numerals');
    expect(read('一九八二年十月三十日')).toBe('1982-10-30 day chinese_numerals');
    expect(read('二〇〇二年五月一日')).toBe('2002-05-01 day chinese_numerals');
    expect(read('二○○二年')).toBe('2002-01-01 year chinese_numerals');
  });

  it('reads an Excel day number, as a date cell pasted as a number shows', () => {
    expect(read('30254')).toBe('1982-10-30 day excel_serial');
    expect(read('43646')).toBe('2019-06-30 day excel_serial');
    expect(read('43646.0')).toBe('2019-06-30 day excel_serial');
    expect(read('99999')).toBe('serial_out_of_range');
  });

  it('refuses what it cannot read without guessing, and says why', () => {
    expect(read('1982-02-30')).toBe('no_such_day');
    expect(read('1982年13月')).toBe('no_such_day');
    expect(read('10/30/1982')).toBe('day_month_order');
    expect(read('30.10.1982')).toBe('day_month_order');
    expect(read('1982-10/30')).toBe('not_a_date');
    expect(read('去年')).toBe('not_a_date');
    expect(read('')).toBe('not_a_date');
    expect(read('一九八二年十三月')).toBe('no_such_day');
    const refusal = readWrittenDate('2019年2月29日');
    expect(refusal.ok).toBe(false);
    if (!refusal.ok) expect(dateRefusalMessage(refusal.reason).zh).toBe('2019 年 2 月没有 29 日');
  });

  it('describes a reading in both languages', () => {
    const reading = readWrittenDate('1982年10月30日');
    if (!reading.ok) throw new Error('unread');
    expect(describeDateReading(reading)).toEqual({
      zh: '1982-10-30（精确到日，中文日期）',
      en: '1982-10-30 (day, Chinese date)',
    });
    expect(isPlainIso('1982-10-30', reading)).toBe(false);
    const iso = readWrittenDate('1982-10');
    if (!iso.ok) throw new Error('unread');
    expect(isPlainIso('1982-10', iso)).toBe(true);
  });

  it('reads every real day the same in every form (property)', () => {
    const day = fc
      .date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
      .map((d) => ({
        y: d.getUTCFullYear(),
        m: d.getUTCMonth() + 1,
        d: d.getUTCDate(),
        iso: d.toISOString().slice(0, 10),
      }));
    fc.assert(
      fc.property(day, ({ y, m, d, iso }) => {
        for (const text of [
          iso,
          `${y}/${m}/${d}`,
          `${y}.${m}.${d}`,
          `${y}年${m}月${d}日`,
          `${toChineseDigits(y)}年${toChineseNumeral(m)}月${toChineseNumeral(d)}日`,
        ]) {
          const reading = readWrittenDate(text);
          expect(reading.ok && reading.date).toEqual({ date: iso, precision: 'day' });
        }
        const serial = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
        const fromSerial = readWrittenDate(String(serial));
        expect(fromSerial.ok && fromSerial.date.date).toBe(iso);
      }),
    );
  });
});
