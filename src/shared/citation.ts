/**
 * Free text as a reader of one language should see it. Records keep what their authors wrote —
 * often one text in both languages ("覆盖23个国家。23 countries."), or a source with working notes
 * ("华声在线 (hunan.voc.com.cn), 2024-11-28, report to …; NOTE …"). Formal pages show the part in
 * the page's language and a source as it is cited: the publisher, never a repository path.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN = /[A-Za-z]/;

function isChinese(lang: string): boolean {
  return lang.toLowerCase().startsWith('zh');
}

/**
 * A text written as "中文。English." → the part in `lang`; any other text as it is. The split is at
 * the first sentence end (。！？ or a closing bracket) after which no Chinese character follows.
 */
export function inLanguage(text: string, lang: string): string {
  const trimmed = text.trim();
  const pattern = /[。！？）」』]\s*(?=[A-Za-z"“‘(])/g;
  for (let match = pattern.exec(trimmed); match; match = pattern.exec(trimmed)) {
    const head = trimmed.slice(0, match.index + 1).trim();
    const tail = trimmed.slice(match.index + match[0].length).trim();
    if (CJK.test(head) && !CJK.test(tail) && LATIN.test(tail)) return isChinese(lang) ? head : tail;
  }
  return trimmed;
}

/** A path inside the code ("data/groups/bri.csv") is not a source a reader can cite. */
export function isFilePath(text: string): boolean {
  return /^(\.{0,2}\/)?([\w.-]+\/)+[\w.-]+\.(csv|json|md|ts|js|xlsx|txt)$/i.test(text.trim());
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Publishers a Chinese reader knows by their Chinese names. */
const PUBLISHERS_ZH: [RegExp, string][] = [
  [/wikipedia/i, '维基百科'],
  [/wikidata/i, '维基数据'],
];

const ENGLISH_WORD = /\b[a-z]{3,}\b/;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff《》“”]+/g;
const DOMAIN = /\b(?:[a-z0-9-]+\.)+(?:com|cn|org|net|me|gov|edu|info|int)(?:\.cn)?\b/i;

/**
 * A source as a reader would cite it: its lead words — up to the first comma, colon, semicolon or
 * bracket, or "via …" — without notes, ids or paths. In Chinese, an English lead gives way to its
 * Chinese words (the publication's name), a publisher's Chinese name, the address's site or a site
 * named in the text ("handmsg.com"). Null when nothing citable is left.
 */
export function citeSource(source: string | null | undefined, sourceUrl: string | null | undefined, lang: string) {
  const text = (source ?? '').trim();
  const host = hostOf(sourceUrl) ?? hostOf(/^https?:\/\/\S+$/.test(text) ? text : null);
  if (text === '' || isFilePath(text) || /^https?:\/\//.test(text)) return host;
  const lead = (text.split(/\s*[,，:：;；(（]|\s+(?:via|mirror)\s+/i)[0] ?? '').trim();
  if (lead === '') return host;
  if (!isChinese(lang) || !ENGLISH_WORD.test(lead)) return lead;
  const chinese = (lead.match(CJK_RUN) ?? []).join(' ');
  const publisher = PUBLISHERS_ZH.find(([pattern]) => pattern.test(lead))?.[1];
  if (publisher) return chinese ? `${publisher}《${chinese}》` : publisher;
  if (chinese) return chinese;
  return host ?? DOMAIN.exec(text)?.[0] ?? null;
}
