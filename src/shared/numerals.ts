/**
 * Numbers as reports write them: 110, 2.8, 1,871, 一百一十, 两千, 5亿, 23万, 二〇二四, 第八.
 * Only ever applied to a span a pattern captured, never to the whole text (一带一路 is no "1带1路").
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The pattern source of one number in any of the forms above (for use inside larger patterns). */
export const NUMBER_SOURCE = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[万亿]?|[零〇一二两三四五六七八九十百千万亿]+`;

/** Reads Chinese numerals: 一百一十 → 110, 十三 → 13, 二〇二四 → 2024, 三千零五十四 → 3054. */
export function readChineseNumeral(text: string): number | undefined {
  if (!text || !/^[零〇一二两三四五六七八九十百千万亿]+$/.test(text)) return undefined;
  if (!/[十百千万亿]/.test(text)) {
    // Digit by digit, as years are written: 二〇二四.
    let value = 0;
    for (const ch of text) value = value * 10 + (DIGITS[ch] as number);
    return value;
  }
  // 亿 splits the number once (a 万亿 is 万 of 亿), then 万 splits each side.
  const yi = text.indexOf('亿');
  if (yi >= 0) {
    const high = yi === 0 ? 1 : readBelowYi(text.slice(0, yi));
    const low = readBelowYi(text.slice(yi + 1).replace(/^零/, ''));
    return high === undefined || low === undefined ? undefined : high * 1e8 + low;
  }
  return readBelowYi(text);
}

/** 0 – 99,999,999 (and 万 of 万 for the part before 亿): sections split by 万. */
function readBelowYi(text: string): number | undefined {
  if (text === '') return 0;
  if (text.includes('亿')) return undefined;
  const wan = text.indexOf('万');
  if (wan >= 0) {
    const high = wan === 0 ? 1 : readSection(text.slice(0, wan));
    const low = readSection(text.slice(wan + 1).replace(/^零/, ''));
    return high === undefined || low === undefined ? undefined : high * 1e4 + low;
  }
  return readSection(text);
}

/** 0 – 9,999 written with 十百千 (and 零 for a gap). */
function readSection(text: string): number | undefined {
  if (text === '') return 0;
  if (/[万亿]/.test(text)) return undefined;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = 10_000;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit !== null) return undefined; // 一二十 is not a number
      digit = DIGITS[ch] === 0 ? null : (DIGITS[ch] as number);
      continue;
    }
    const unit = SMALL_UNITS[ch] as number;
    if (unit >= lastUnit) return undefined;
    lastUnit = unit;
    section += (digit ?? 1) * unit;
    digit = null;
  }
  return section + (digit ?? 0);
}

/** Reads one captured number: Arabic (with thousands commas, decimals, 万/亿) or Chinese. */
export function readNumber(text: string): number | undefined {
  const trimmed = text.trim();
  const arabic = /^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([万亿]?)$/.exec(trimmed);
  if (arabic) {
    const base = Number((arabic[1] as string).replace(/,/g, ''));
    const unit = arabic[2] === '万' ? 1e4 : arabic[2] === '亿' ? 1e8 : 1;
    return Math.round(base * unit * 1e6) / 1e6;
  }
  return readChineseNumeral(trimmed);
}

const DIGIT_CHARS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function sectionToChinese(n: number): string {
  // 0 < n < 10000
  const units = ['千', '百', '十', ''];
  const parts = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let zero = false;
  parts.forEach((d, index) => {
    if (d === 0) {
      if (out) zero = true;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGIT_CHARS[d] + (units[index] as string);
  });
  return out;
}

function belowYiToChinese(n: number): string {
  // 0 < n < 1e8
  const high = Math.floor(n / 1e4);
  const low = n % 1e4;
  if (high === 0) return sectionToChinese(low);
  return `${sectionToChinese(high)}万${low === 0 ? '' : (low < 1000 ? '零' : '') + sectionToChinese(low)}`;
}

/** Writes a whole number the way Chinese text reads it: 110 → 一百一十, 3054 → 三千零五十四. */
export function toChineseNumeral(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e16) throw new RangeError(`${n} is not a whole number in 0–10¹⁶`);
  if (n === 0) return '零';
  const high = Math.floor(n / 1e8);
  const low = n % 1e8;
  let out = high === 0 ? '' : `${belowYiToChinese(high)}亿`;
  if (low > 0) out += (high > 0 && low < 1e7 ? '零' : '') + belowYiToChinese(low);
  // 一十 is said 十 at the head: 十三, not 一十三.
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** Writes a year digit by digit: 2024 → 二〇二四. */
export function toChineseDigits(n: number): string {
  return String(n)
    .split('')
    .map((d) => (d === '0' ? '〇' : DIGIT_CHARS[Number(d)]))
    .join('');
}
