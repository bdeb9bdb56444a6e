/**
 * What every section of the report writes with: the blocks in order, numbered headings, the two
 * languages' words, the names of pairs and countries, and `cite`, which records each figure with the
 * records behind it for the provenance appendix. One composer is made per document.
 */
import { formatPartialDate } from '../../shared/dates.js';
import type { Precision } from '../../shared/enums.js';
import type { Figures } from '../../shared/schemas/figures.js';
import type { Block, ModuleSection, ReportData } from './report.model.js';
import { idRanges, type ReportRecords, recordsOf } from './report.records.js';
import type { ReportActivityRow, ReportPairRow } from './report.repo.js';
import { formatCount, formatDay, formatPartial, type Lang, scopeName } from './wording.js';

const NUMERALS_ZH = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export type Provenance = { figure: string; value: string; basis: string; records: string };

type PairNames = Pick<ReportPairRow, 'cnNameZh' | 'cnNameEn' | 'partnerNameZh' | 'partnerNameEn'>;

export type Composer = {
  data: ReportData;
  lang: Lang;
  figures: Figures;
  records: ReportRecords;
  /** The scope's name, the as-of day as written and its year. */
  name: string;
  day: string;
  year: string;
  /** Scope and date of the figures, as the provenance appendix cites them. */
  basis: string;
  blocks: Block[];
  provenance: Provenance[];
  w: (zh: string, en: string) => string;
  /** Records a figure with its value, the records it was computed from and their scope and date. */
  cite: (figure: string, value: number | string, ids: string, at?: string) => void;
  pairIds: (rows: readonly { id: number }[]) => string;
  activityIds: (rows: readonly { id: number }[]) => string;
  /** A numbered section heading (一、… / 1. …). */
  h1: (zh: string, en: string) => void;
  h2: (id: string, zh: string, en: string) => void;
  para: (text: string) => void;
  note: (text: string) => void;
  /** A section another part of Amity provides, or the note saying its data is not held yet. */
  module: (section: ModuleSection, missing: string) => void;
  pairName: (p: PairNames) => string;
  countryName: (p: Pick<ReportPairRow, 'countryNameZh' | 'countryNameEn' | 'countryIso2'>) => string;
  established: (p: ReportPairRow) => string;
};

export function startComposer(data: ReportData): Composer {
  const { lang, figures } = data;
  const w = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const day = formatDay(figures.asOf, lang);
  const basis = w(
    `${figures.scope.nameZh}（${figures.scope.code}）·截至${day}`,
    `${figures.scope.nameEn} (${figures.scope.code}), as of ${day}`,
  );
  const blocks: Block[] = [];
  const provenance: Provenance[] = [];
  let section = 0;
  return {
    data,
    lang,
    figures,
    records: recordsOf(data),
    name: scopeName(figures, lang),
    day,
    year: figures.asOf.slice(0, 4),
    basis,
    blocks,
    provenance,
    w,
    cite: (figure, value, ids, at = basis) =>
      provenance.push({
        figure,
        value: typeof value === 'number' ? formatCount(value, lang) : value,
        basis: at,
        records: ids,
      }),
    pairIds: (rows) => (rows.length ? idRanges(rows.map((p) => p.id)) : w('无', 'none')),
    activityIds: (rows) => activityIds(rows, lang),
    h1: (zh, en) => {
      section++;
      blocks.push({
        type: 'heading',
        level: 1,
        id: `s${section}`,
        text: w(`${NUMERALS_ZH[section - 1] ?? section}、${zh}`, `${section}. ${en}`),
      });
    },
    h2: (id, zh, en) => blocks.push({ type: 'heading', level: 2, id, text: w(zh, en) }),
    para: (text) => blocks.push({ type: 'paragraph', text }),
    note: (text) => blocks.push({ type: 'note', text }),
    module: (section, missing) => {
      if (!section) {
        blocks.push({ type: 'note', text: missing });
        return;
      }
      for (const text of section.paragraphs) blocks.push({ type: 'paragraph', text });
      if (section.table) blocks.push({ type: 'table', ...section.table });
    },
    pairName: (p) => pairName(p, lang),
    countryName: (p) => (lang === 'zh' ? p.countryNameZh : p.countryNameEn) ?? p.countryIso2,
    established: (p) =>
      p.establishedOn
        ? formatPartial(formatPartialDate(p.establishedOn, p.establishedPrecision as Precision | null), lang)
        : w('日期不详', 'date unknown'),
  };
}

function pairName(p: PairNames, lang: Lang): string {
  return lang === 'zh'
    ? `${p.cnNameZh}—${p.partnerNameZh ?? p.partnerNameEn ?? ''}`
    : `${p.cnNameEn} – ${p.partnerNameEn ?? p.partnerNameZh ?? ''}`;
}

function activityIds(rows: readonly { id: number }[], lang: Lang): string {
  if (rows.length === 0) return lang === 'zh' ? '无' : 'none';
  return `${lang === 'zh' ? '活动' : 'activities'} ${idRanges(rows.map((r) => r.id))}`;
}

/** "2024年3月5日　Title（长沙—Numazu）": an activity as a list item. */
export function activityLine(a: ReportActivityRow, lang: Lang): string {
  const title = (lang === 'zh' ? (a.titleZh ?? a.titleEn) : (a.titleEn ?? a.titleZh)) ?? '';
  const demo = a.isDemo ? (lang === 'zh' ? '（示例）' : ' (illustrative)') : '';
  return `${formatDay(a.occurredOn, lang)}${lang === 'zh' ? '　' : ': '}${title}${paren(pairName(a, lang), lang)}${demo}`;
}

export const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A parenthesis as each language writes it: （日本） / " (Japan)". */
export function paren(text: string, lang: Lang): string {
  return lang === 'zh' ? `（${text}）` : ` (${text})`;
}
