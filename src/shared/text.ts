/**
 * Text normalisation for search and sorting. Chinese names are searched by characters, full pinyin
 * and pinyin initials ("长沙", "changsha", "cs"); traditional characters are folded to simplified.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const HAN = /\p{Script=Han}/u;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Lower case, NFKC, simplified Chinese, no control characters, single spaces, no diacritics. */
export function normalizeText(text: string): string {
  return toSimplified(
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .normalize('NFKC')
      .replace(/\p{C}/gu, ' ')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** Full pinyin without tones or spaces: 长沙市 → changshashi. */
export function pinyinOf(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/\s+/g, '');
}

/** Pinyin initials: 长沙市 → css. */
export function initialsOf(text: string): string {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase();
}

/** The search haystack of a record: every part normalised, plus pinyin and initials of Chinese parts. */
export function buildSearchText(parts: readonly (string | null | undefined)[]): string {
  const tokens: string[] = [];
  for (const part of parts) {
    if (!part) continue;
    const text = normalizeText(part);
    if (!text) continue;
    tokens.push(text);
    if (hasHan(text)) tokens.push(pinyinOf(text), initialsOf(text));
  }
  return tokens.join(' | ');
}

/** The needle for a search: normalised like the haystack. */
export function normalizeQuery(query: string): string {
  return normalizeText(query);
}

/** Sort key in which Chinese sorts by pinyin and Latin names by their letters. */
export function sortKeyOf(text: string | null | undefined): string {
  if (!text) return '~';
  const normalized = normalizeText(text);
  if (!hasHan(normalized)) return normalized;
  return pinyin(normalized, { toneType: 'num', type: 'array', v: true, nonZh: 'consecutive' }).join(' ').toLowerCase();
}

/** Identity key of a name: normalised, with punctuation and spaces removed ("Saint-Paul" = "saint paul"). */
export function nameKeyOf(text: string): string {
  return normalizeText(text).replace(/[\s\p{P}\p{S}]/gu, '');
}
