/**
 * Text written in both languages where it is made, for messages that carry values (an import's
 * problems, a reading of a cell): the catalog in messages.ts holds fixed texts, these are composed.
 * The reader's language picks one when the text leaves the server.
 */
import type { Language } from './messages.js';

export type Bilingual = { zh: string; en: string };

/** A text in Chinese and English: `bi('不是有效日期', 'not a real date')`. */
export function bi(zh: string, en: string): Bilingual {
  return { zh, en };
}

export function inLanguage(lang: Language, text: Bilingual): string {
  return lang === 'en' ? text.en : text.zh;
}

/** Joins a list the way each language does: 甲、乙 / a, b. */
export function listIn(items: readonly string[]): Bilingual {
  return { zh: items.join('、'), en: items.join(', ') };
}
