/**
 * Extraction: the figures a cleaned report states (zh and en), each with the words it came from,
 * the scope it is about, and the signing events it names. Patterns capture the numbers; numerals
 * are read only inside what a pattern captured.
 */
import type { Level, Precision } from '../../shared/enums.js';
import { NUMBER_SOURCE, readNumber } from '../../shared/numerals.js';
import {
  type Division,
  findCountry,
  getReferenceCache,
  type ReferenceCache,
  shortDivisionName,
} from '../places/reference-cache.js';
import { findEnDates, findZhDates, type TextDate } from './dates.js';

export const FIGURE_NAMES = [
  'total',
  'byLevel.provincial',
  'byLevel.city',
  'byLevel.county',
  'countries',
  'rank',
  'since.year',
  'since.count',
  'monthsPerNew',
  'bri.countries',
  'bri.cities',
  'exchange',
] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

export type Mention = {
  figure: FigureName;
  value: number;
  scope: string;
  /** Span of the number (or phrase) in the cleaned text. */
  start: number;
  end: number;
  sentence: number;
  lang: 'zh' | 'en';
};

export type ContextFigure = {
  kind: 'people' | 'countries_covered';
  value: number;
  qualifier: string | null;
  scope: string;
  start: number;
  end: number;
  sentence: number;
};

export type SigningEvent = {
  cn: string;
  partner: string;
  country: string | null;
  level: Level | null;
  date: string | null;
  precision: Precision | null;
  dateText: string | null;
  relative: boolean;
  start: number;
  end: number;
  sentence: number;
  lang: 'zh' | 'en';
};

export type Sentence = { start: number; end: number };

export type Extraction = {
  sentences: Sentence[];
  /** The scope the report is mainly about: the one given, else the first place it names. */
  home: string | null;
  mentions: Mention[];
  context: ContextFigure[];
  events: SigningEvent[];
};

const N = `(${NUMBER_SOURCE})`;
const YOU = '(?:国际)?(?:友好城市|友城|友好城|姊妹城市|友好省州|友好省|友好地区)';
const BOUND = '[^。！？!?\\n；;]';
const CLAUSE = '[^。！？!?\\n；;，,]';

/** Sentence ends: Chinese and Western stops, and a full stop followed by a space (not 2.8). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    const isEnd =
      '。！？!?\n'.includes(ch) || (ch === '.' && (i + 1 >= text.length || /\s/.test(text[i + 1] as string)));
    if (isEnd) {
      if (i + 1 > start) out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

function sentenceAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sentences[mid] as Sentence).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ---- scope mentions ----------------------------------------------------------------------------

type ScopeMention = { at: number; end: number; code: string | 'home' };

type NameIndex = { zh: Map<string, string>; maxZh: number; en: Map<string, string> };
let nameIndex: NameIndex | undefined;

const LEVEL_ORDER: Record<string, number> = { province: 0, prefecture: 1, county: 2 };

/** Names of provinces and prefectures (full and short), and of counties by their full name only. */
function getNameIndex(cache: ReferenceCache): NameIndex {
  if (nameIndex) return nameIndex;
  const zh = new Map<string, string>();
  const en = new Map<string, string>();
  const put = (map: Map<string, string>, name: string, d: Division) => {
    const existing = map.get(name);
    const other = existing ? cache.divisions.get(existing) : undefined;
    if (!other || (LEVEL_ORDER[d.level] as number) < (LEVEL_ORDER[other.level] as number)) map.set(name, d.code);
  };
  const sorted = [...cache.divisions.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const d of sorted) {
    put(zh, d.nameZh, d);
    if (d.level !== 'county') {
      const short = shortDivisionName(d.nameZh);
      if (short.length >= 2) put(zh, short, d);
      if (d.nameEn) put(en, d.nameEn.toLowerCase(), d);
    }
  }
  let maxZh = 0;
  for (const key of zh.keys()) maxZh = Math.max(maxZh, key.length);
  nameIndex = { zh, maxZh, en };
  return nameIndex;
}

/** The nation as the subject of a figure (全国 before 第 is a ranking, not a scope). */
const NATIONAL_WORDS =
  /(?:我国|中国)(?=已|共|同|与|对外|友好城市|国际友好城市|的友好城市)|全国(?=共有|已有|对外友好|友好城市)|(?<!(?:East|West|North|South|Central|Southwest|Northwest|Northeast|Southeast)\s)\bChina\s+(?=has|had|now has)/gu;
const HOME_WORDS = /我省|全省|本省|我区|全区|我市|全市|本市|the province|the city|Amity's home/giu;

function findScopeMentions(text: string, cache: ReferenceCache): ScopeMention[] {
  const index = getNameIndex(cache);
  const out: ScopeMention[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x4e00 || code > 0x9fff) continue;
    for (let len = Math.min(index.maxZh, text.length - i); len >= 2; len -= 1) {
      const hit = index.zh.get(text.slice(i, i + len));
      if (hit) {
        out.push({ at: i, end: i + len, code: hit });
        i += len - 1;
        break;
      }
    }
  }
  for (const m of text.matchAll(/\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b/g)) {
    const word = m[0].toLowerCase();
    const hit = index.en.get(word) ?? index.en.get(word.split(' ')[0] as string);
    if (hit) out.push({ at: m.index, end: m.index + m[0].length, code: hit });
  }
  for (const m of text.matchAll(HOME_WORDS)) out.push({ at: m.index, end: m.index + m[0].length, code: 'home' });
  for (const m of text.matchAll(NATIONAL_WORDS)) out.push({ at: m.index, end: m.index + m[0].length, code: '000000' });
  return out.sort((a, b) => a.at - b.at);
}

// ---- patterns ----------------------------------------------------------------------------------

type Hit = { figure: FigureName; group: number; value?: number };
type Pattern = { lang: 'zh' | 'en'; re: RegExp; hits: Hit[]; skipIf?: RegExp };

/** A clause about new pairs, one level, exchange pairs or the Belt and Road states no total. */
const NOT_TOTAL = /新增|新结|新缔结|以来|(?:省级|市级|县级|地级|自治区级)(?:国际)?友|交流|一带一路|沿线/;

const ZH_PATTERNS: Pattern[] = [
  {
    lang: 'zh',
    re: new RegExp(`${N}对(?:国际)?友好省州和城市`, 'gd'),
    hits: [{ figure: 'total', group: 1 }],
    skipIf: /新增|新结|以来|交流/,
  },
  {
    lang: 'zh',
    re: new RegExp(
      `(?:共有|共|已有|现有|拥有|累计|已经?(?:结成|缔结|建立|结好|发展)了?|(?:结成|缔结|建立|结好)了?)${CLAUSE}{0,10}?${YOU}(?:关系)?(?:总数|数量|数)?(?:已)?(?:达到?|为|有|增至)?${N}对`,
      'gd',
    ),
    hits: [{ figure: 'total', group: 1 }],
    skipIf: NOT_TOTAL,
  },
  {
    lang: 'zh',
    re: new RegExp(
      `(?:共|已|累计|先后)${CLAUSE}{0,24}?(?:建立|结成|缔结|结好|发展)了?${N}对(?:国际)?(?:友好城市|友城|友好城)`,
      'gd',
    ),
    hits: [{ figure: 'total', group: 1 }],
    skipIf: NOT_TOTAL,
  },
  {
    lang: 'zh',
    re: new RegExp(`${YOU}(?:总数|数量)(?:已|现已)?(?:达到?|为|增至)${N}对`, 'gd'),
    hits: [{ figure: 'total', group: 1 }],
    skipIf: NOT_TOTAL,
  },
  {
    lang: 'zh',
    re: new RegExp(
      `${N}个国家的${N}个(?:城市|省州|地区)${CLAUSE}{0,4}(?:建立|结为|缔结|结成)了?(?:友好城市|友城)`,
      'gd',
    ),
    hits: [
      { figure: 'countries', group: 1 },
      { figure: 'total', group: 2 },
    ],
  },
  {
    lang: 'zh',
    re: new RegExp(
      `(省级|自治区级|市级|地级|州级|县级)(?:国际)?(?:友好城市|友城|友好地区|友好省州|友好城市关系|友好关系|友城关系)?(?:有|为)?${N}对`,
      'gd',
    ),
    hits: [{ figure: 'byLevel.provincial', group: 2 }],
    skipIf: /新增|新结|以来/,
  },
  {
    lang: 'zh',
    re: new RegExp(`${N}对(省级|自治区级|市级|地级|县级)`, 'gd'),
    hits: [{ figure: 'byLevel.provincial', group: 1 }],
    skipIf: /新增|新结|以来/,
  },
  {
    lang: 'zh',
    re: new RegExp(`${N}对(?:友好省州|友好省|友好地区)`, 'gd'),
    hits: [{ figure: 'byLevel.provincial', group: 1, value: -1 }],
    skipIf: /新增|新结|以来/,
  },
  {
    lang: 'zh',
    re: new RegExp(`(?:与|同|在|分布在|分布于|遍及|涉及)(?:全球|世界上?)?(?:五大洲|[5五]大洲)?的?${N}个国家`, 'gd'),
    hits: [{ figure: 'countries', group: 1 }],
    skipIf: /一带一路|沿线|覆盖/,
  },
  {
    lang: 'zh',
    re: new RegExp(`全国(?:各省区市|各省份|各省)?(?:中)?(?:排名|位居|位列|居)?第${N}位?`, 'gd'),
    hits: [{ figure: 'rank', group: 1 }],
  },
  {
    lang: 'zh',
    re: new RegExp(`(?:排在|排名|位居|位列|居于?|排)第${N}位`, 'gd'),
    hits: [{ figure: 'rank', group: 1 }],
  },
  { lang: 'zh', re: /(?:位居|居|排在?)全国(首位|第一)/dg, hits: [{ figure: 'rank', group: 1, value: 1 }] },
  {
    lang: 'zh',
    re: new RegExp(
      `(\\d{4}|[〇零一二三四五六七八九]{4})年(?:以来|至今|起)${BOUND}{0,12}?(?:新增|新结|新缔结|新建立|增加|新发展)了?(?:国际)?(?:友好城市|友城)?${N}对`,
      'gd',
    ),
    hits: [
      { figure: 'since.year', group: 1 },
      { figure: 'since.count', group: 2 },
    ],
  },
  {
    lang: 'zh',
    re: new RegExp(`平均每${N}个?月(?:就)?(?:新增|新结|增加|结好|缔结)?(?:一|1)对`, 'gd'),
    hits: [{ figure: 'monthsPerNew', group: 1 }],
  },
  {
    lang: 'zh',
    re: new RegExp(`一带一路${BOUND}{0,40}?${N}个国家(?:的|、|和)?${N}个(?:城市|地区|省州)`, 'gd'),
    hits: [
      { figure: 'bri.countries', group: 1 },
      { figure: 'bri.cities', group: 2 },
    ],
  },
  {
    lang: 'zh',
    re: new RegExp(`友好交流(?:城市|关系|省州|地区|合作关系)(?:关系)?(?:有|为|达到?)?${N}(?:多|余)?(?:对|个)`, 'gd'),
    hits: [{ figure: 'exchange', group: 1 }],
  },
  {
    lang: 'zh',
    re: new RegExp(`${N}(?:多|余)?(?:对|个)(?:国际)?友好交流(?:城市|关系|省州)`, 'gd'),
    hits: [{ figure: 'exchange', group: 1 }],
  },
  {
    lang: 'zh',
    re: new RegExp(`(?:国际)?友好合作关系(?:近|约|超过)?${N}(?:多|余)?对`, 'gd'),
    hits: [{ figure: 'exchange', group: 1 }],
  },
  {
    lang: 'zh',
    re: new RegExp(`${N}(?:多|余)?对(?:国际)?友好合作关系`, 'gd'),
    hits: [{ figure: 'exchange', group: 1 }],
  },
];

const EN_NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};
const EN_N = `(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|${Object.keys(EN_NUMBER_WORDS).join('|')})`;
const EN_ORD = `(\\d+)(?:st|nd|rd|th)|(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)`;
const EN_YOU =
  '(?:international\\s+)?(?:friendship|sister|twin)[- ](?:city|cities|province|provinces|state|states|towns?)';
const EN_BOUND = '[^.!?\\n;]';

const EN_PATTERNS: Pattern[] = [
  {
    lang: 'en',
    re: new RegExp(
      `\\b(?:has|have|had|now has|boasts)\\s+(?:established|forged|formed|built|set up|developed)?\\s*${EN_N}\\s+(?:pairs of\\s+)?${EN_YOU}(?!\\s+in\\s+(?:the\\s+)?[A-Z])`,
      'gid',
    ),
    hits: [{ figure: 'total', group: 1 }],
    skipIf: /\bnew\b|since|Belt and Road/i,
  },
  {
    lang: 'en',
    re: new RegExp(`${EN_YOU}\\s+(?:relationships|ties|relations|partnerships)\\s+with\\s+${EN_N}\\s+cities`, 'gid'),
    hits: [{ figure: 'total', group: 1 }],
    skipIf: /\bnew\b|\bmore\b|Belt and Road/i,
  },
  {
    lang: 'en',
    re: new RegExp(
      `${EN_N}\\s+(?:of them\\s+|out of them\\s+)?(?:were\\s+|are\\s+)?(?:established\\s+)?(?:at|on)\\s+the\\s+(provincial|city|municipal|prefectural|county)\\s+levels?`,
      'gid',
    ),
    hits: [{ figure: 'byLevel.provincial', group: 1, value: -2 }],
  },
  {
    lang: 'en',
    re: new RegExp(
      `${EN_N}\\s+(?:ones\\s+)?(?:were|are)\\s+(?:at|on)\\s+(provincial|city|municipal|prefectural|county)\\s+levels?`,
      'gid',
    ),
    hits: [{ figure: 'byLevel.provincial', group: 1, value: -2 }],
  },
  {
    lang: 'en',
    re: new RegExp(`${EN_YOU}\\s+in\\s+${EN_N}\\s+countries`, 'gid'),
    hits: [{ figure: 'countries', group: 1 }],
  },
  {
    lang: 'en',
    re: new RegExp(`(?:across|in|spanning|from|covering|with)\\s+${EN_N}\\s+countries`, 'gid'),
    hits: [{ figure: 'countries', group: 1 }],
    skipIf: /Belt and Road|BRI/,
  },
  {
    lang: 'en',
    re: new RegExp(`\\brank(?:s|ed|ing)?\\s+(?:${EN_ORD})\\s+(?:in China|nationally|in the country|among)`, 'gid'),
    hits: [{ figure: 'rank', group: 1 }],
  },
  {
    lang: 'en',
    re: new RegExp(
      `\\bsince\\s+(?:[A-Z][a-z]+\\s+\\d{1,2},\\s+)?(\\d{4}),?${EN_BOUND}{0,80}?\\b${EN_N}\\s+(?:new|more)\\s+(?:pairs|cities|sister|friendship)`,
      'gid',
    ),
    hits: [
      { figure: 'since.year', group: 1 },
      { figure: 'since.count', group: 2 },
    ],
  },
  {
    lang: 'en',
    re: new RegExp(`\\bone\\s+(?:new\\s+)?pair\\s+every\\s+${EN_N}\\s+months`, 'gid'),
    hits: [{ figure: 'monthsPerNew', group: 1 }],
  },
  {
    lang: 'en',
    re: new RegExp(
      `${EN_N}\\s+cities\\s+in\\s+${EN_N}\\s+(?:countries\\s+)?(?:along|of|in)\\s+the\\s+Belt and Road`,
      'gid',
    ),
    hits: [
      { figure: 'bri.cities', group: 1 },
      { figure: 'bri.countries', group: 2 },
    ],
  },
  {
    lang: 'en',
    re: new RegExp(
      `${EN_N}\\s+countries\\s+and\\s+${EN_N}\\s+cities\\s+(?:along|of|in)\\s+the\\s+Belt and Road`,
      'gid',
    ),
    hits: [
      { figure: 'bri.countries', group: 1 },
      { figure: 'bri.cities', group: 2 },
    ],
  },
  {
    lang: 'en',
    re: new RegExp(
      `${EN_N}\\+?\\s+(?:pairs\\s+of\\s+)?friendly[- ]exchange\\s+(?:cities|pairs|relationships|relations)`,
      'gid',
    ),
    hits: [{ figure: 'exchange', group: 1 }],
  },
];

const LEVEL_WORDS: Record<string, Level> = {
  省级: 'provincial',
  自治区级: 'provincial',
  市级: 'city',
  地级: 'city',
  州级: 'city',
  县级: 'county',
  provincial: 'provincial',
  city: 'city',
  municipal: 'city',
  prefectural: 'city',
  county: 'county',
};

function readEnNumber(text: string): number | undefined {
  const word = EN_NUMBER_WORDS[text.toLowerCase()];
  if (word !== undefined) return word;
  return readNumber(text);
}

// ---- the extraction ----------------------------------------------------------------------------

function resolveScope(mentions: ScopeMention[], at: number, home: string | null): string | null {
  let code: string | null = null;
  for (const m of mentions) {
    if (m.at >= at) break;
    code = m.code === 'home' ? home : m.code;
  }
  return code ?? home;
}

/** The first province or prefecture a text names: the scope of a report when none is given. */
function firstScope(mentions: ScopeMention[], cache: ReferenceCache): string | null {
  for (const m of mentions) {
    if (m.code === 'home') continue;
    const d = cache.divisions.get(m.code);
    if (d && d.level !== 'county') return d.code;
  }
  return null;
}

/** Extracts figures, context figures and signing events from a cleaned text. */
export function extractFigures(text: string, options: { published?: string; scope?: string } = {}): Extraction {
  const cache = getReferenceCache();
  // A scrape wraps lines inside a Chinese sentence; a space of the same length keeps the offsets.
  text = text.replace(/(?<=\p{Script=Han})\n(?=\p{Script=Han})/gu, ' ');
  const sentences = splitSentences(text);
  const scopes = findScopeMentions(text, cache);
  const home = options.scope ?? firstScope(scopes, cache);
  const mentions: Mention[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && a < e);

  for (const pattern of [...ZH_PATTERNS, ...EN_PATTERNS]) {
    for (const m of text.matchAll(pattern.re)) {
      if (pattern.skipIf) {
        const s = sentences[sentenceAt(sentences, m.index)] as Sentence;
        const before = clauseBefore(text, s.start, m.index);
        if (pattern.skipIf.test(before + m[0])) continue;
      }
      const indices = m.indices as [number, number][];
      for (const hit of pattern.hits) {
        const span = indices[hit.group];
        const captured = m[hit.group];
        if (!span || captured === undefined || overlaps(span[0], span[1])) continue;
        let figure = hit.figure;
        let value = hit.value !== undefined && hit.value > 0 ? hit.value : undefined;
        if (hit.value === -1) figure = 'byLevel.provincial';
        if (figure === 'byLevel.provincial' && hit.value !== -1) {
          const levelWord = hit.value === -2 ? (m[hit.group + 1] as string) : (m[hit.group === 1 ? 2 : 1] as string);
          const level = LEVEL_WORDS[levelWord?.toLowerCase() ?? ''] ?? LEVEL_WORDS[levelWord ?? ''];
          if (!level) continue;
          figure = `byLevel.${level}` as FigureName;
        }
        if (figure === 'rank' && pattern.lang === 'en') {
          value = readEnNumber((m[1] ?? m[2]) as string);
          const sp = indices[1] ?? indices[2];
          if (!sp || value === undefined) continue;
          mentions.push(mention(figure, value, sp, pattern.lang));
          taken.push(sp);
          continue;
        }
        value ??= pattern.lang === 'en' ? readEnNumber(captured) : readNumber(captured);
        if (value === undefined || !Number.isFinite(value)) continue;
        if (figure !== 'monthsPerNew' && !Number.isInteger(value)) continue;
        mentions.push(mention(figure, value, span, pattern.lang));
        taken.push(span);
      }
    }
  }

  function mention(figure: FigureName, value: number, span: [number, number], lang: 'zh' | 'en'): Mention {
    const scope = resolveScope(scopes, span[0], home) ?? '000000';
    return { figure, value, scope, start: span[0], end: span[1], sentence: sentenceAt(sentences, span[0]), lang };
  }

  mentions.sort((a, b) => a.start - b.start);
  const context = extractContext(text, sentences, scopes, home);
  const events = extractEvents(text, sentences, scopes, home, options.published, cache);
  return { sentences, home, mentions, context, events };
}

function clauseBefore(text: string, sentenceStart: number, at: number): string {
  const before = text.slice(sentenceStart, at);
  const cut = Math.max(before.lastIndexOf('，'), before.lastIndexOf(','), before.lastIndexOf('、'));
  return cut >= 0 ? before.slice(cut + 1) : before;
}

const CONTEXT_PATTERNS: { kind: ContextFigure['kind']; re: RegExp }[] = [
  { kind: 'countries_covered', re: new RegExp(`覆盖${CLAUSE}{0,12}?${N}(?:个)?(?:国家|国)`, 'gd') },
  { kind: 'people', re: new RegExp(`(近|约|超过|逾|覆盖)?${N}(?:多|余)?人(?:口|次)?`, 'gd') },
  { kind: 'people', re: /(nearly|about|around|over|more than)?\s*(\d+(?:\.\d+)?)\s+(million|billion)\s+people/dgi },
  { kind: 'countries_covered', re: /\bcover(?:s|ing)?\s+(\d+)\s+countries/dgi },
];

function extractContext(text: string, sentences: Sentence[], scopes: ScopeMention[], home: string | null) {
  const out: ContextFigure[] = [];
  for (const { kind, re } of CONTEXT_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const indices = m.indices as [number, number][];
      let value: number | undefined;
      let span: [number, number] | undefined;
      let qualifier: string | null = null;
      if (re.source.startsWith('(nearly')) {
        value = Number(m[2]) * (m[3]?.toLowerCase() === 'billion' ? 1e9 : 1e6);
        span = indices[2];
        qualifier = m[1] ?? null;
      } else if (kind === 'people') {
        const captured = m[2] as string;
        // People are counted in 万 or 亿 in these reports; a bare "3人" is a delegation, not reach.
        if (!/[万亿]$/.test(captured)) continue;
        value = readNumber(captured);
        span = indices[2];
        qualifier = m[1] ?? null;
      } else {
        value = readNumber(m[1] as string);
        span = indices[1];
      }
      if (value === undefined || !span) continue;
      const s = sentenceAt(sentences, span[0]);
      out.push({
        kind,
        value,
        qualifier,
        scope: resolveScope(scopes, span[0], home) ?? '000000',
        start: span[0],
        end: span[1],
        sentence: s,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// ---- signing events ----------------------------------------------------------------------------

const ZH_EVENT = new RegExp(
  `与(${CLAUSE}{2,30}?)(?:正式)?(?:签署|签订|缔结|结为|建立|结成)了?(?:为)?\\s*(?:中国的|我国的|我省的)?(?:第一对|首对)?(省级|市级|县级|自治区级)?(?:国际)?(?:友好城市|友城|友好省州|友好城市关系|友好关系)(?:协议书|协议|关系)?`,
  'gd',
);
const EN_EVENT =
  /\bsigned\s+an?\s+(?:(provincial|city|municipal|county)-level\s+)?(?:international\s+)?(?:friendship|sister)[- ](?:city|province|state)\s+(?:agreement|accord|relationship)\s+with\s+([A-Z][\w'-]*(?:\s[A-Z][\w'-]*)*)(?:,\s+the\s+capital\s+of\s+([A-Z][\w'-]*(?:\s[A-Z][\w'-]*)*)|\s+(?:in|of),?\s+([A-Z][\w'-]*(?:\s[A-Z][\w'-]*)*))?/dg;

const PARTNER_NOISE = /^(?:的|国|首都|首府|州府|的首都|的首府)+/;

/** Splits "巴巴多斯首都布里奇顿" into its country and place by the longest known country prefix. */
function splitPartner(cache: ReferenceCache, text: string): { country: string | null; place: string } {
  for (let len = Math.min(12, text.length - 1); len >= 2; len -= 1) {
    const country = findCountry(cache, text.slice(0, len));
    if (country) {
      const place = text.slice(len).replace(PARTNER_NOISE, '');
      if (place.length >= 2) return { country: country.iso2, place };
    }
  }
  return { country: null, place: text };
}

function levelOfDivision(cache: ReferenceCache, code: string): Level | null {
  const d = cache.divisions.get(code);
  if (!d) return null;
  return d.level === 'province' ? 'provincial' : d.level === 'prefecture' ? 'city' : 'county';
}

function extractEvents(
  text: string,
  sentences: Sentence[],
  scopes: ScopeMention[],
  home: string | null,
  published: string | undefined,
  cache: ReferenceCache,
): SigningEvent[] {
  const out: SigningEvent[] = [];
  const dated = (s: Sentence, at: number, find: typeof findZhDates): TextDate | null | undefined => {
    const before = text.slice(s.start, at);
    const dates = find(before, published);
    return dates.length ? (dates[dates.length - 1] as { date: TextDate | null }).date : undefined;
  };
  for (const m of text.matchAll(ZH_EVENT)) {
    const partnerText = (m[1] as string).trim();
    const { country, place } = splitPartner(cache, partnerText);
    if (!country) continue; // a domestic body, a school, a company: not a friendship-city signing
    const indices = m.indices as [number, number][];
    const s = sentences[sentenceAt(sentences, m.index)] as Sentence;
    const date = dated(s, m.index, findZhDates);
    const cn = resolveScope(scopes, m.index, home);
    if (!cn) continue;
    const level = (m[2] ? LEVEL_WORDS[m[2]] : undefined) ?? levelOfDivision(cache, cn);
    const span = indices[1] as [number, number];
    out.push(event(cn, place, country, level, date, span, 'zh', s));
  }
  for (const m of text.matchAll(EN_EVENT)) {
    const indices = m.indices as [number, number][];
    const place = m[2] as string;
    const countryName = (m[3] ?? m[4]) as string | undefined;
    const country = countryName ? (findCountry(cache, countryName)?.iso2 ?? null) : null;
    const s = sentences[sentenceAt(sentences, m.index)] as Sentence;
    const date = dated(s, m.index, findEnDates);
    const cn = resolveScope(scopes, m.index, home);
    if (!cn) continue;
    const level = (m[1] ? LEVEL_WORDS[m[1].toLowerCase()] : undefined) ?? levelOfDivision(cache, cn);
    out.push(event(cn, place, country, level, date, indices[2] as [number, number], 'en', s));
  }

  function event(
    cn: string,
    partner: string,
    country: string | null,
    level: Level | null,
    date: TextDate | null | undefined,
    span: [number, number],
    lang: 'zh' | 'en',
    s: Sentence,
  ): SigningEvent {
    return {
      cn,
      partner,
      country,
      level,
      date: date?.date ?? null,
      precision: date?.precision ?? null,
      dateText: date?.text ?? null,
      relative: date?.relative ?? false,
      start: span[0],
      end: span[1],
      sentence: sentences.indexOf(s),
      lang,
    };
  }
  return out.sort((a, b) => a.start - b.start);
}
