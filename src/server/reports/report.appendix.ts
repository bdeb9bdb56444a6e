/**
 * The report's two appendices: every pair counted (Appendix A, numbered by record) and, per figure,
 * the records it was computed from (Appendix B), so that any number in the report can be checked.
 */
import type { Level } from '../../shared/enums.js';
import type { Composer } from './report.composer.js';
import { countOf, formatCount, levelName } from './wording.js';

/** Appendix A: every pair, by record number. */
export function composePairsAppendix(c: Composer): void {
  const { lang, records, basis, blocks, w, para, note, countryName, established } = c;
  blocks.push({
    type: 'heading',
    level: 1,
    id: 'appendix-pairs',
    text: w('附录一　友城名录', 'Appendix A. List of partnerships'),
  });
  para(
    w(
      `${basis}，共${formatCount(records.total.length, lang)}对。编号即登记系统中的记录号。`,
      `${basis}: ${countOf(records.total.length, lang, ['partnership', 'partnerships'], '对')}. No. is the record number in the registry.`,
    ),
  );
  const hasDemo = records.total.some((p) => p.isDemo);
  blocks.push({
    type: 'table',
    columns:
      lang === 'zh'
        ? ['编号', '中方', '外方', '国家', '级别', '缔结时间']
        : ['No.', 'Chinese side', 'Partner', 'Country', 'Level', 'Established'],
    widths: [8, 22, 30, 16, 8, 16],
    rows: records.total.map((p) => [
      `#${p.id}${p.isDemo ? '*' : ''}`,
      lang === 'zh' ? `${p.cnNameZh} ${p.cnNameEn}` : `${p.cnNameEn} ${p.cnNameZh}`,
      [p.partnerNameZh, p.partnerNameEn].filter(Boolean).join(' '),
      countryName(p),
      levelName(p.level as Level, lang),
      established(p),
    ]),
  });
  if (hasDemo) note(w('* 示例记录（演示用，非真实数据）。', '* Illustrative record (demo data, not a fact).'));
}

/** Appendix B: where each figure cited in the report comes from. */
export function composeProvenanceAppendix(c: Composer): void {
  const { lang, provenance, blocks, w, para } = c;
  blocks.push({
    type: 'heading',
    level: 1,
    id: 'appendix-provenance',
    text: w('附录二　数据来源', 'Appendix B. Where each figure comes from'),
  });
  para(
    w(
      '本报告中的每个数字均由登记系统中的记录计算得出。下表列出每个数字的范围、日期及其依据的记录编号（友城见附录一；活动为活动记录号），可据此逐一核对。',
      'Every figure in this report is computed from the records in the registry. The table lists, per figure, its scope and date and the records it was computed from (partnerships as numbered in Appendix A; activities by their record number), so that any number can be checked.',
    ),
  );
  blocks.push({
    type: 'table',
    columns:
      lang === 'zh' ? ['数字', '数值', '范围与日期', '依据的记录'] : ['Figure', 'Value', 'Scope and date', 'Records'],
    widths: [20, 10, 25, 45],
    rows: provenance.map((p) => [p.figure, p.value, p.basis, p.records]),
  });
}
