/**
 * Cleaning a report as it arrives from a mirror: pinyin glosses after each character
 * (`城(cheng)市(shi)(shi)`), traditional script, doubled punctuation (`,,` `,。`) and full-width
 * digits. The raw text is never lost: `origin[i]` is the offset in the raw text of the cleaned
 * text's code unit i, so a figure found in the cleaned text points at its words in the original.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';

export type CleanText = {
  raw: string;
  text: string;
  /** origin[i] = offset in `raw` of text[i]; origin[text.length] = raw.length. */
  origin: number[];
  /** What the cleaner did, counted, so a person can see why the text changed. */
  changes: { glosses: number; traditional: number; punctuation: number; fullWidth: number };
};

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const HAN = /\p{Script=Han}/u;
/** A parenthesised Latin word right after a character: the candidate gloss. */
const GLOSS = /^[(（]([a-zA-ZüÜāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜêńňǹḿ]{1,7})[)）]/u;
/** Separators a mirror doubles; a run of them keeps its strongest (a sentence end over a comma). */
const SEPARATORS = new Set([',', '，', '、', ';', '；', '。', '!', '！', '?', '？', '.']);
const STRENGTH: Record<string, number> = {
  ',': 1,
  '，': 1,
  '、': 1,
  ';': 2,
  '；': 2,
  '.': 3,
  '。': 3,
  '!': 3,
  '！': 3,
  '?': 3,
  '？': 3,
};

const readingCache = new Map<string, Set<string>>();

/** The toneless readings pinyin-pro knows for a character (both scripts; heteronyms included). */
function readingsOf(char: string): Set<string> {
  let readings = readingCache.get(char);
  if (!readings) {
    const found = pinyin(char, { toneType: 'none', type: 'array', multiple: true, v: false }) as string[];
    readings = new Set(found.map((r) => r.toLowerCase().replace(/v/g, 'ü')));
    readingCache.set(char, readings);
  }
  return readings;
}

function toneless(gloss: string): string {
  return gloss
    .toLowerCase()
    .replace(/[üǖǘǚǜ]/g, 'ü')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/v/g, 'ü')
    .normalize('NFC');
}

/** True when `gloss` (with or without tone marks) is a reading of `char`. */
export function isReadingOf(char: string, gloss: string): boolean {
  if (!HAN.test(char)) return false;
  const readings = readingsOf(char);
  const plain = toneless(gloss);
  return readings.has(plain) || readings.has(plain.replace(/ü/g, 'u'));
}

function isMirrorRun(run: string): boolean {
  // A real text can hold "…" or "?!" ; a mirror's damage always involves an ASCII comma
  // doubled or a comma next to another separator.
  return run.length > 1 && /[,，]/.test(run);
}

function fullWidthToHalf(code: number): string | undefined {
  // Digits, Latin letters, the full stop between digits and the percent sign.
  if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) {
    return String.fromCharCode(code - 0xfee0);
  }
  if (code === 0xff05) return '%';
  if (code === 0xff0e) return '.';
  return undefined;
}

/** Cleans a report; the identity on a text without glosses, traditional script or mirror damage. */
export function cleanText(raw: string): CleanText {
  const changes = { glosses: 0, traditional: 0, punctuation: 0, fullWidth: 0 };
  let out = '';
  const origin: number[] = [];
  let lastHan = '';
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i] as string;
    if ((ch === '(' || ch === '（') && lastHan) {
      const match = GLOSS.exec(raw.slice(i, i + 12));
      if (match && isReadingOf(lastHan, match[1] as string)) {
        changes.glosses += 1;
        i += match[0].length;
        continue;
      }
    }
    if (SEPARATORS.has(ch)) {
      let j = i;
      while (j < raw.length && SEPARATORS.has(raw[j] as string)) j += 1;
      const run = raw.slice(i, j);
      if (isMirrorRun(run)) {
        let best = 0;
        for (let k = 1; k < run.length; k += 1) {
          if ((STRENGTH[run[k] as string] ?? 0) >= (STRENGTH[run[best] as string] ?? 0)) best = k;
        }
        out += run[best];
        origin.push(i + best);
        changes.punctuation += run.length - 1;
      } else {
        for (let k = 0; k < run.length; k += 1) {
          out += run[k];
          origin.push(i + k);
        }
      }
      lastHan = '';
      i = j;
      continue;
    }
    const code = ch.charCodeAt(0);
    const half = fullWidthToHalf(code);
    if (half !== undefined) {
      changes.fullWidth += 1;
      out += half;
      origin.push(i);
      lastHan = '';
      i += 1;
      continue;
    }
    // One code point (a surrogate pair stays together).
    const point = String.fromCodePoint(raw.codePointAt(i) as number);
    for (let k = 0; k < point.length; k += 1) origin.push(i + k);
    out += point;
    lastHan = HAN.test(point) ? point : '';
    i += point.length;
  }
  origin.push(raw.length);
  const simplified = simplify(out);
  for (let k = 0; k < out.length; k += 1) if (simplified[k] !== out[k]) changes.traditional += 1;
  return { raw, text: simplified, origin, changes };
}

/**
 * Traditional → simplified by phrases where that keeps every character in place (it almost always
 * does), else character by character, so the offset map stays true.
 */
function simplify(text: string): string {
  if (!HAN.test(text)) return text;
  const whole = toSimplified(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const point of text) {
    const one = toSimplified(point);
    out += one.length === point.length ? one : point;
  }
  return out;
}

/** The raw span behind a cleaned span [start, end). */
export function rawSpan(clean: CleanText, start: number, end: number): { start: number; end: number } {
  const rawStart = clean.origin[start] ?? clean.raw.length;
  const rawEnd = end > start ? (clean.origin[end - 1] ?? clean.raw.length - 1) + 1 : rawStart;
  return { start: rawStart, end: Math.max(rawStart, rawEnd) };
}
