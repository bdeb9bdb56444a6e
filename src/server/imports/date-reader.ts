/**
 * Dates as offices write them in their sheets, each read at the precision it gives:
 * 1982-10-30, 1982/10/30, 1982.10.30, 1982年10月30日, 一九八二年十月三十日, 1982年10月, 1982.10,
 * 1982年, full-width digits (１９８２年), and Excel's day numbers (30254) when a date cell was
 * pasted as a number. Nothing is guessed: 10/30/1982 (month or day first?) is refused with its
 * reason, as is a day that does not exist.
 */
import { type Bilingual, bi } from '../../shared/bilingual.js';
import { isValidDay, type PartialDate } from '../../shared/dates.js';
import { readChineseNumeral } from '../../shared/numerals.js';

/** How a date was written: the reading the dry run shows beside it. */
export type DateForm = 'iso' | 'slash' | 'dotted' | 'chinese' | 'chinese_numerals' | 'excel_serial';

export type DateReading = { ok: true; date: PartialDate; form: DateForm } | { ok: false; reason: DateRefusal };

export type DateRefusal =
  | { kind: 'not_a_date' }
  | { kind: 'no_such_day'; year: number; month: number; day?: number }
  | { kind: 'day_month_order'; first: number; second: number; year: number }
  | { kind: 'serial_out_of_range'; serial: number };

/** Excel's day 0 is 1899-12-30 in the 1900 date system (its phantom 1900-02-29 makes it so). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Day numbers read as dates: 10000 (1927-05-18) to 80000 (2119-01-10). Four digits are a year. */
const SERIAL_MIN = 10_000;
const SERIAL_MAX = 80_000;

const SEPARATED = /^(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?$/;
const CHINESE = /^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?$/;
const CN_DIGIT = '[〇零○一二三四五六七八九]';
const CN_SMALL = '[一二三四五六七八九十]{1,3}';
const CHINESE_NUMERALS = new RegExp(`^(${CN_DIGIT}{4})年(?:(${CN_SMALL})月(?:(${CN_SMALL})[日号])?)?$`);
const DAY_FIRST_OR_MONTH_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** Full-width digits and punctuation as ASCII, spaces trimmed: １９８２．１０ → 1982.10. */
function halfWidth(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

function build(year: number, month: number | undefined, day: number | undefined, form: DateForm): DateReading {
  if (year < 1000 || year > 9999) return { ok: false, reason: { kind: 'not_a_date' } };
  if (month === undefined) return { ok: true, date: { date: `${year}-01-01`, precision: 'year' }, form };
  if (month < 1 || month > 12) return { ok: false, reason: { kind: 'no_such_day', year, month } };
  if (day === undefined) return { ok: true, date: { date: `${year}-${pad(month)}-01`, precision: 'month' }, form };
  if (!isValidDay(year, month, day)) return { ok: false, reason: { kind: 'no_such_day', year, month, day } };
  return { ok: true, date: { date: `${year}-${pad(month)}-${pad(day)}`, precision: 'day' }, form };
}

/** 〇 and ○ read as 零 (both are written for zero in years). */
function chineseNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return readChineseNumeral(text.replace(/○/g, '〇'));
}

function excelSerial(serial: number): DateReading {
  if (serial < SERIAL_MIN || serial > SERIAL_MAX) return { ok: false, reason: { kind: 'serial_out_of_range', serial } };
  const day = new Date(EXCEL_EPOCH + serial * DAY_MS).toISOString().slice(0, 10);
  return { ok: true, date: { date: day, precision: 'day' }, form: 'excel_serial' };
}

/** Reads one cell as a date at its precision, or says why it is not one. */
export function readWrittenDate(cell: string): DateReading {
  const text = halfWidth(cell);
  const separated = SEPARATED.exec(text);
  if (separated) {
    const form: DateForm = separated[2] === '/' ? 'slash' : separated[2] === '.' ? 'dotted' : 'iso';
    const month = separated[3] === undefined ? undefined : Number(separated[3]);
    const day = separated[4] === undefined ? undefined : Number(separated[4]);
    return build(Number(separated[1]), month, day, form);
  }
  const chinese = CHINESE.exec(text);
  if (chinese) {
    const month = chinese[2] === undefined ? undefined : Number(chinese[2]);
    const day = chinese[3] === undefined ? undefined : Number(chinese[3]);
    return build(Number(chinese[1]), month, day, 'chinese');
  }
  const numerals = CHINESE_NUMERALS.exec(text.replace(/\s+/g, ''));
  if (numerals) {
    const year = chineseNumber(numerals[1]);
    const month = chineseNumber(numerals[2]);
    const day = chineseNumber(numerals[3]);
    if (year === undefined || (numerals[2] && month === undefined) || (numerals[3] && day === undefined)) {
      return { ok: false, reason: { kind: 'not_a_date' } };
    }
    return build(year, month, day, 'chinese_numerals');
  }
  if (/^\d{5}(\.0+)?$/.test(text)) return excelSerial(Number(text));
  const ambiguous = DAY_FIRST_OR_MONTH_FIRST.exec(text);
  if (ambiguous) {
    const first = Number(ambiguous[1]);
    const second = Number(ambiguous[2]);
    const year = Number(ambiguous[3]);
    // Only one order gives a real day: still refused, since a sheet that writes 30/10 writes 05/10 too.
    return { ok: false, reason: { kind: 'day_month_order', first, second, year } };
  }
  return { ok: false, reason: { kind: 'not_a_date' } };
}

const FORM_NAMES: Record<DateForm, Bilingual> = {
  iso: bi('标准写法', 'ISO form'),
  slash: bi('斜杠写法', 'with slashes'),
  dotted: bi('圆点写法', 'with dots'),
  chinese: bi('中文日期', 'Chinese date'),
  chinese_numerals: bi('中文数字日期', 'date in Chinese numerals'),
  excel_serial: bi('Excel 日期序号', 'Excel day number'),
};

const PRECISION_NAMES = { year: bi('年', 'year'), month: bi('月', 'month'), day: bi('日', 'day') } as const;

/** "1982年10月30日 → 1982-10-30（精确到日，中文日期）": what the dry run shows. */
export function describeDateReading(reading: Extract<DateReading, { ok: true }>): Bilingual {
  const { date, precision } = reading.date;
  const shown = precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date;
  const form = FORM_NAMES[reading.form];
  const at = PRECISION_NAMES[precision];
  return bi(`${shown}（精确到${at.zh}，${form.zh}）`, `${shown} (${at.en}, ${form.en})`);
}

/** Whether a reading needs showing: a date already written YYYY[-MM[-DD]] reads as itself. */
export function isPlainIso(cell: string, reading: Extract<DateReading, { ok: true }>): boolean {
  return reading.form === 'iso' && cell.trim() === cell && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(cell);
}

/** The problem's message for a refused date: what it is, in words a person can act on. */
export function dateRefusalMessage(reason: DateRefusal): Bilingual {
  switch (reason.kind) {
    case 'no_such_day':
      return reason.day === undefined
        ? bi(`没有 ${reason.month} 月`, `there is no month ${reason.month}`)
        : bi(
            `${reason.year} 年 ${reason.month} 月没有 ${reason.day} 日`,
            `${reason.year}-${pad(reason.month)} has no day ${reason.day}`,
          );
    case 'day_month_order':
      return bi(
        `无法判断 ${reason.first} 和 ${reason.second} 哪个是月、哪个是日`,
        `cannot tell which of ${reason.first} and ${reason.second} is the month and which the day`,
      );
    case 'serial_out_of_range':
      return bi(
        `${reason.serial} 像是 Excel 日期序号，但对应的日期不在 1927–2119 年之间`,
        `${reason.serial} looks like an Excel day number, but not of a day from 1927 to 2119`,
      );
    case 'not_a_date':
      return bi('不是可识别的日期', 'not a date Amity can read');
  }
}
