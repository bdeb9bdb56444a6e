/**
 * Composes the annual report from its data: sections of words and tables, charts, the appendix of
 * every pair and the provenance appendix that lists, per figure, the records it was computed from.
 * Pure apart from drawing the charts: the same data gives the same document, word for word.
 *
 * Numbers in sentences come from the figures service (getFigures); the records behind each figure
 * are the report's pairs filtered by the figure's rule, and `checkRecords` proves both agree.
 */
import { citeSource } from '../../shared/citation.js';
import { formatPartialDate } from '../../shared/dates.js';
import { CONTINENTS, LEVELS, type Level, type Precision } from '../../shared/enums.js';
import type { Figures } from '../../shared/schemas/figures.js';
import {
  chartBlock,
  continentName,
  continentOption,
  levelOption,
  MAP_LINES_MAX,
  mapOption,
  pairsPerYear,
  perYearOption,
} from './report.charts.js';
import type { Block, ModuleSection, ReportData, ReportDocument } from './report.model.js';
import type { ReportActivityRow, ReportPairRow } from './report.repo.js';
import {
  baselineName,
  changeOfCount,
  changeOfRank,
  countOf,
  formatCount,
  formatDay,
  formatPartial,
  joinList,
  type Lang,
  levelName,
  ordinal,
  overviewSentence,
  scopeName,
} from './wording.js';

const NUMERALS_ZH = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** "#3–7, #9, #12" */
export function idRanges(ids: readonly number[]): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    parts.push(j > i ? `#${sorted[i]}–${sorted[j]}` : `#${sorted[i]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** The pairs behind each figure, by the figure's own rule (see figure.service.ts). */
export function recordsOf(data: Pick<ReportData, 'figures' | 'pairs' | 'group'>) {
  const { figures, pairs, group } = data;
  const from = figures.since?.from;
  const inGroup = group ? pairs.filter((p) => group.members.has(p.countryIso2)) : [];
  return {
    total: pairs,
    byLevel: Object.fromEntries(LEVELS.map((l) => [l, pairs.filter((p) => p.level === l)])) as Record<
      Level,
      ReportPairRow[]
    >,
    byContinent: Object.fromEntries(CONTINENTS.map((c) => [c, pairs.filter((p) => p.continent === c)])),
    since: from ? pairs.filter((p) => p.establishedOn && p.establishedOn >= from) : [],
    group: inGroup,
  };
}

const distinct = (values: readonly unknown[]) => new Set(values).size;

/** Mismatches between the figures and the records behind them; empty when the report is consistent. */
export function checkRecords(data: Pick<ReportData, 'figures' | 'pairs' | 'group'>): string[] {
  const { figures } = data;
  const r = recordsOf(data);
  const out: string[] = [];
  const expect = (name: string, figure: number, records: number) => {
    if (figure !== records) out.push(`${name}: figure ${figure}, records ${records}`);
  };
  expect('total', figures.total, r.total.length);
  for (const l of LEVELS) expect(`byLevel.${l}`, figures.byLevel[l], r.byLevel[l].length);
  expect('countries', figures.countries, distinct(r.total.map((p) => p.countryIso2)));
  expect('foreignPlaces', figures.foreignPlaces, distinct(r.total.map((p) => p.foreignPlaceId)));
  for (const c of CONTINENTS) expect(`byContinent.${c}`, figures.byContinent[c], r.byContinent[c]?.length ?? 0);
  if (figures.since) expect('since', figures.since.count, r.since.length);
  const g = data.group ? figures.groups[data.group.code] : undefined;
  if (g) {
    expect(`groups.${data.group?.code}.countries`, g.countries, distinct(r.group.map((p) => p.countryIso2)));
    expect(`groups.${data.group?.code}.places`, g.places, distinct(r.group.map((p) => p.foreignPlaceId)));
  }
  return out;
}

type Provenance = { figure: string; value: string; basis: string; records: string };

export function composeReport(data: ReportData): ReportDocument {
  const { lang, figures } = data;
  const w = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const name = scopeName(figures, lang);
  const day = formatDay(figures.asOf, lang);
  const year = figures.asOf.slice(0, 4);
  const records = recordsOf(data);
  const basis = w(
    `${figures.scope.nameZh}（${figures.scope.code}）·截至${day}`,
    `${figures.scope.nameEn} (${figures.scope.code}), as of ${day}`,
  );
  const provenance: Provenance[] = [];
  const cite = (figure: string, value: number | string, ids: string, at = basis) =>
    provenance.push({
      figure,
      value: typeof value === 'number' ? formatCount(value, lang) : value,
      basis: at,
      records: ids,
    });
  const pairIds = (rows: readonly { id: number }[]) =>
    rows.length ? idRanges(rows.map((p) => p.id)) : w('无', 'none');

  const blocks: Block[] = [];
  let section = 0;
  const h1 = (zh: string, en: string) => {
    section++;
    blocks.push({
      type: 'heading',
      level: 1,
      id: `s${section}`,
      text: w(`${NUMERALS_ZH[section - 1] ?? section}、${zh}`, `${section}. ${en}`),
    });
  };
  const h2 = (id: string, zh: string, en: string) => blocks.push({ type: 'heading', level: 2, id, text: w(zh, en) });
  const para = (text: string) => blocks.push({ type: 'paragraph', text });
  const note = (text: string) => blocks.push({ type: 'note', text });
  const pairName = (p: Pick<ReportPairRow, 'cnNameZh' | 'cnNameEn' | 'partnerNameZh' | 'partnerNameEn'>) =>
    lang === 'zh'
      ? `${p.cnNameZh}—${p.partnerNameZh ?? p.partnerNameEn ?? ''}`
      : `${p.cnNameEn} – ${p.partnerNameEn ?? p.partnerNameZh ?? ''}`;
  const countryName = (p: Pick<ReportPairRow, 'countryNameZh' | 'countryNameEn' | 'countryIso2'>) =>
    (lang === 'zh' ? p.countryNameZh : p.countryNameEn) ?? p.countryIso2;
  const established = (p: ReportPairRow) =>
    p.establishedOn
      ? formatPartial(formatPartialDate(p.establishedOn, p.establishedPrecision as Precision | null), lang)
      : w('日期不详', 'date unknown');

  // 1. Overview
  h1('总体情况', 'Overview');
  para(overviewSentence(figures, data.sinceYear, lang));
  cite(w('友城总数', 'Partnerships'), figures.total, pairIds(records.total));
  for (const l of LEVELS) {
    if (figures.byLevel[l] > 0)
      cite(
        w(`${levelName(l, lang)}友城`, `${capitalize(levelName(l, lang))} level`),
        figures.byLevel[l],
        pairIds(records.byLevel[l]),
      );
  }
  if (figures.since)
    cite(w(`${data.sinceYear}年以来新增`, `New since ${data.sinceYear}`), figures.since.count, pairIds(records.since));
  if (figures.rank) {
    const rows = data.rankRecords.map((r) => {
      const who = lang === 'zh' ? r.nameZh : r.nameEn;
      let from = w('（登记系统）', ' (registry)');
      if (r.benchmark) {
        const when = formatPartial(r.benchmark.asOf, lang);
        const by = citeSource(r.benchmark.source, r.benchmark.sourceUrl, lang);
        from = w(`（公布数字，${when}${by ? `，${by}` : ''}）`, ` (published ${when}${by ? `, ${by}` : ''})`);
      }
      return `${r.position}. ${who} ${formatCount(r.total, lang)}${from}`;
    });
    cite(w('全国排名', 'Rank in China'), ordinal(figures.rank.position, lang), rows.join('; '));
  }
  if (figures.total > 0) {
    const continents = CONTINENTS.filter((c) => figures.byContinent[c] > 0).map((c) =>
      w(
        `${continentName(c, lang)}${formatCount(figures.byContinent[c], lang)}对`,
        `${formatCount(figures.byContinent[c], lang)} in ${c === 'americas' ? 'the Americas' : continentName(c, lang)}`,
      ),
    );
    para(
      w(
        `友城分布在${formatCount(figures.countries, lang)}个国家的${formatCount(figures.foreignPlaces, lang)}个城市（地区），其中${joinList(continents, lang)}。`,
        `The partners are ${countOf(figures.foreignPlaces, lang, ['place', 'places'], '个')} in ${countOf(figures.countries, lang, ['country', 'countries'], '个')}: ${joinList(continents, lang)}.`,
      ),
    );
    cite(w('伙伴国家', 'Partner countries'), figures.countries, pairIds(records.total));
    cite(w('外方城市（地区）', 'Partner places'), figures.foreignPlaces, pairIds(records.total));
    for (const c of CONTINENTS) {
      if (figures.byContinent[c] > 0)
        cite(continentName(c, lang), figures.byContinent[c], pairIds(records.byContinent[c] ?? []));
    }
  }
  if (data.previous) composeComparison(data, blocks, cite);

  h2('charts', '图表', 'Charts');
  blocks.push(
    chartBlock(
      'level',
      w('友城级别构成', 'Partnerships by level'),
      levelOption(figures, lang, w('友城级别构成', 'Partnerships by level')),
    ),
  );
  const perYear = pairsPerYear(records.total);
  const undated = records.total.filter((p) => !p.establishedOn).length;
  if (perYear.years.length > 0) {
    const text = w('按缔结年份（现存友城）', 'By year established (pairs in force)');
    blocks.push(
      chartBlock(
        'per-year',
        text,
        perYearOption(perYear, text, {
          added: w('当年缔结', 'Established that year'),
          cumulative: w('累计', 'Cumulative'),
        }),
      ),
    );
  }
  if (undated > 0) {
    note(
      w(
        `另有${formatCount(undated, lang)}对友城缔结日期不详，未计入按年份统计。`,
        `${countOf(undated, lang, ['pair has', 'pairs have'], '对')} no recorded date and ${undated === 1 ? 'is' : 'are'} in no year of this chart.`,
      ),
    );
  }
  if (figures.total > 0) {
    const text = w('按大洲', 'By continent');
    blocks.push(chartBlock('continent', text, continentOption(figures, lang, text)));
    const mapText = w('友城分布图', 'Map of partners');
    const map = mapOption(records.total, lang, mapText);
    blocks.push(chartBlock('map', mapText, map.option, 440));
    if (!map.drawLines) {
      note(
        w(
          `友城逾${formatCount(MAP_LINES_MAX, lang)}对，图中只标出外方城市位置，不逐对连线。`,
          `With more than ${formatCount(MAP_LINES_MAX, lang)} partnerships the map marks the partners' places without a line for each pair.`,
        ),
      );
    }
    if (map.missing > 0) {
      note(
        w(
          `${formatCount(map.missing, lang)}个外方城市缺少坐标，未在图中标出。`,
          `${countOf(map.missing, lang, ['partner has', 'partners have'], '个')} no coordinates and ${map.missing === 1 ? 'is' : 'are'} not on the map.`,
        ),
      );
    }
  }

  // 2. Belt and Road
  h1('“一带一路”沿线友城', 'Belt and Road');
  composeBeltAndRoad(data, records.group, blocks, cite, pairName, countryName, established);

  // 3. Highlights of the year
  h1(`${year}年工作亮点`, `Highlights of ${year}`);
  const newThisYear = records.total.filter((p) => p.establishedOn && p.establishedOn >= data.yearFrom);
  h2('new-pairs', '新缔结友城', 'New partnerships');
  if (newThisYear.length === 0) {
    para(w(`${year}年（截至${day}）未新缔结友城。`, `No new partnership was established in ${year} up to ${day}.`));
  } else {
    para(
      w(
        `${year}年新缔结友城${formatCount(newThisYear.length, lang)}对：`,
        `${countOf(newThisYear.length, lang, ['partnership was', 'partnerships were'], '对')} established in ${year}:`,
      ),
    );
    blocks.push({
      type: 'list',
      items: newThisYear.map((p) => `${pairName(p)}${paren(countryName(p), lang)}${w('，', ', ')}${established(p)}`),
    });
  }
  cite(w(`${year}年新缔结友城`, `Established in ${year}`), newThisYear.length, pairIds(newThisYear));
  const agreements = data.activities.filter((a) => a.type === 'agreement');
  h2('agreements', '签署的协议', 'Agreements signed');
  if (agreements.length === 0) {
    para(w(`${year}年登记系统中没有协议类活动记录。`, `The registry holds no agreement recorded in ${year}.`));
  } else {
    blocks.push({ type: 'list', items: agreements.map((a) => activityLine(a, lang)) });
  }
  cite(w(`${year}年签署的协议`, `Agreements in ${year}`), agreements.length, activityIds(agreements, lang));
  h2('projects', '项目与成效', 'Projects and measured outcomes');
  composeModule(
    data.modules.projects,
    blocks,
    w(
      '登记系统尚未收录合作项目及其成效，本节暂缺，不作估计。',
      'The registry does not hold cooperation projects and their outcomes yet; this part is left empty rather than estimated.',
    ),
  );

  // 4. Programme progress
  h1('重点计划进展', 'Programme progress');
  composeModule(
    data.modules.programmes,
    blocks,
    w(
      '登记系统尚未收录政策计划（如“三十六策”）及其各领域的进展证据，本节暂缺。',
      'The registry does not hold policy programmes (such as the Thirty-six Policies) and the evidence for their areas yet; this part is left empty.',
    ),
  );

  // 5. Network
  h1('交流网络', 'Network');
  const outbound = data.activities.filter((a) => a.type === 'delegation_out');
  const inbound = data.activities.filter((a) => a.type === 'delegation_in');
  para(
    w(
      `${year}年（截至${day}）登记出访团组${formatCount(outbound.length, lang)}批、来访团组${formatCount(inbound.length, lang)}批，各类交流活动共${formatCount(data.activities.length, lang)}项。`,
      `In ${year} up to ${day}, the registry records ${countOf(outbound.length, lang, ['delegation', 'delegations'], '批')} sent abroad, ${countOf(inbound.length, lang, ['delegation', 'delegations'], '批')} received and ${countOf(data.activities.length, lang, ['activity', 'activities'], '项')} of every kind.`,
    ),
  );
  const sized = (rows: typeof outbound) => rows.reduce((sum, a) => sum + (a.participants ?? 0), 0);
  if (outbound.some((a) => a.participants) || inbound.some((a) => a.participants)) {
    para(
      w(
        `有团组规模记录的出访团组共${formatCount(sized(outbound), lang)}人次、来访团组共${formatCount(sized(inbound), lang)}人次。`,
        `The delegations whose size is recorded took ${countOf(sized(outbound), lang, ['person', 'people'], '人次')} abroad and brought ${countOf(sized(inbound), lang, ['person', 'people'], '人次')} here.`,
      ),
    );
  }
  cite(w(`${year}年出访团组`, `Delegations sent in ${year}`), outbound.length, activityIds(outbound, lang));
  cite(w(`${year}年来访团组`, `Delegations received in ${year}`), inbound.length, activityIds(inbound, lang));
  cite(w(`${year}年交流活动`, `Activities in ${year}`), data.activities.length, activityIds(data.activities, lang));
  h2('contacts', '联系人', 'Contacts');
  composeModule(
    data.modules.contacts,
    blocks,
    w(
      '登记系统尚未收录联系人，本节暂缺。联系人属个人信息，报告只给出人数，不列姓名。',
      'The registry does not hold contacts yet; this part is left empty. Contacts are personal data: the report gives counts only, never names.',
    ),
  );

  // 6. Problems
  h1('存在问题与建议', 'Problems and suggested actions');
  const dormant = records.total.filter((p) => p.status === 'dormant');
  h2('dormant', '休眠友城', 'Dormant partnerships');
  if (dormant.length === 0) {
    para(w('登记系统中没有标为休眠的友城。', 'No partnership is marked dormant in the registry.'));
  } else {
    para(
      w(
        `${formatCount(dormant.length, lang)}对友城标为休眠。建议逐一联系对方，商定年内至少开展一次交流，或按程序终止。`,
        `${countOf(dormant.length, lang, ['partnership is', 'partnerships are'], '对')} marked dormant. Suggested action: contact each partner to agree at least one exchange this year, or end the partnership formally.`,
      ),
    );
    blocks.push({ type: 'list', items: dormant.map((p) => `${pairName(p)}${paren(countryName(p), lang)}`) });
  }
  cite(w('休眠友城', 'Dormant'), dormant.length, pairIds(dormant));
  h2('health', '风险友城', 'Partnerships at risk');
  composeModule(
    data.modules.health,
    blocks,
    w(
      '友城健康度评估尚未接入，本节暂缺。',
      'The health assessment of partnerships is not available yet; this part is left empty.',
    ),
  );
  h2('rules', '规则提示', 'Rule flags');
  composeModule(
    data.modules.ruleFlags,
    blocks,
    w('规则检查尚未接入，本节暂缺。', 'Rule checks are not available yet; this part is left empty.'),
  );
  if (data.published && data.published.total !== figures.total) {
    h2('completeness', '登记完整性', 'Completeness of the registry');
    const published = formatPartial(
      formatPartialDate(data.published.asOf, data.published.asOfPrecision as Precision),
      lang,
    );
    const gap = data.published.total - figures.total;
    const by = citeSource(data.published.source, data.published.sourceUrl, lang);
    para(
      w(
        `据公布数字${by ? `（${by}）` : ''}，截至${published}${name}共有国际友城${formatCount(data.published.total, lang)}对；登记系统截至${day}收录${formatCount(figures.total, lang)}对，${gap > 0 ? `少${formatCount(gap, lang)}对。建议补录缺失的友城及其缔结日期。` : `多${formatCount(-gap, lang)}对。建议核对新增记录。`}`,
        `The published figure${by ? ` (${by})` : ''} is ${formatCount(data.published.total, lang)} as of ${published}; the registry holds ${formatCount(figures.total, lang)} as of ${day}, ${gap > 0 ? `${formatCount(gap, lang)} fewer. Suggested action: enter the missing partnerships and their dates.` : `${formatCount(-gap, lang)} more. Suggested action: check the newer records.`}`,
      ),
    );
  }

  // Appendix A: every pair
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

  // Appendix B: provenance
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

  let figureNo = 0;
  for (const b of blocks) {
    if (b.type !== 'chart') continue;
    figureNo++;
    b.title = w(`图${figureNo}　${b.title}`, `Figure ${figureNo}. ${b.title}`);
  }
  const kindTitle = w('国际友好城市工作报告', 'Report on International Friendship City Work');
  return {
    lang,
    title: lang === 'zh' ? `${name}${kindTitle}` : `${name}: ${kindTitle}`,
    subtitle: w(`截至${day}`, `As of ${day}`),
    basis: w(
      `本报告所有数字均由登记系统中的记录计算得出。范围：${basis}。`,
      `Every figure is computed from the records in the registry. Scope: ${basis}.`,
    ),
    fileStem: `report-${figures.scope.code}-${figures.asOf}-${lang}`,
    contentsTitle: w('目录', 'Contents'),
    blocks,
  };
}

function activityLine(a: ReportActivityRow, lang: Lang): string {
  const title = (lang === 'zh' ? (a.titleZh ?? a.titleEn) : (a.titleEn ?? a.titleZh)) ?? '';
  const pair =
    lang === 'zh'
      ? `${a.cnNameZh}—${a.partnerNameZh ?? a.partnerNameEn ?? ''}`
      : `${a.cnNameEn} – ${a.partnerNameEn ?? a.partnerNameZh ?? ''}`;
  const demo = a.isDemo ? (lang === 'zh' ? '（示例）' : ' (illustrative)') : '';
  return `${formatDay(a.occurredOn, lang)}${lang === 'zh' ? '　' : ': '}${title}${paren(pair, lang)}${demo}`;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A parenthesis as each language writes it: （日本） / " (Japan)". */
export function paren(text: string, lang: Lang): string {
  return lang === 'zh' ? `（${text}）` : ` (${text})`;
}

function activityIds(rows: readonly { id: number }[], lang: Lang): string {
  if (rows.length === 0) return lang === 'zh' ? '无' : 'none';
  return `${lang === 'zh' ? '活动' : 'activities'} ${idRanges(rows.map((r) => r.id))}`;
}

function composeModule(section: ModuleSection, blocks: Block[], missing: string): void {
  if (!section) {
    blocks.push({ type: 'note', text: missing });
    return;
  }
  for (const text of section.paragraphs) blocks.push({ type: 'paragraph', text });
  if (section.table) blocks.push({ type: 'table', ...section.table });
}

type Cite = (figure: string, value: number | string, ids: string, at?: string) => void;

function composeComparison(data: ReportData, blocks: Block[], cite: Cite): void {
  const { lang, figures } = data;
  const previous = data.previous as Figures;
  const w = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const baseline = baselineName(figures.asOf, previous.asOf, lang);
  const then = formatDay(previous.asOf, lang);
  const rows: string[][] = [];
  const row = (label: string, now: number, before: number, unit = '对') =>
    rows.push([
      label,
      formatCount(before, lang),
      formatCount(now, lang),
      changeOfCount(now, before, baseline, lang, unit),
    ]);
  row(w('友城总数', 'Partnerships'), figures.total, previous.total);
  for (const l of LEVELS)
    row(w(levelName(l, lang), `${capitalize(levelName(l, lang))} level`), figures.byLevel[l], previous.byLevel[l]);
  row(w('伙伴国家', 'Partner countries'), figures.countries, previous.countries, '个');
  if (figures.rank && previous.rank) {
    rows.push([
      w('全国排名', 'Rank in China'),
      ordinal(previous.rank.position, lang),
      ordinal(figures.rank.position, lang),
      changeOfRank(figures.rank.position, previous.rank.position, baseline, lang),
    ]);
  }
  const total = changeOfCount(figures.total, previous.total, baseline, lang);
  blocks.push({
    type: 'paragraph',
    text: w(
      `友城总数${total}（${formatCount(previous.total, lang)}对→${formatCount(figures.total, lang)}对）。`,
      `The number of partnerships is ${total} (${formatCount(previous.total, lang)} → ${formatCount(figures.total, lang)}).`,
    ),
  });
  blocks.push({
    type: 'table',
    columns:
      lang === 'zh'
        ? ['数字', then, formatDay(figures.asOf, lang), '变化']
        : ['Figure', then, formatDay(figures.asOf, lang), 'Change'],
    rows,
  });
  const at = w(
    `${previous.scope.nameZh}（${previous.scope.code}）·截至${then}`,
    `${previous.scope.nameEn} (${previous.scope.code}), as of ${then}`,
  );
  const ids = data.previousPairs?.length ? idRanges(data.previousPairs) : w('无', 'none');
  cite(w('对比：友城总数', 'Comparison: partnerships'), previous.total, ids, at);
}

type PairName = (p: ReportPairRow) => string;

/** Partner cities and countries along the Belt and Road, and which of them are new since the year given. */
function composeBeltAndRoad(
  data: ReportData,
  groupPairs: readonly ReportPairRow[],
  blocks: Block[],
  cite: Cite,
  pairName: PairName,
  countryName: PairName,
  established: PairName,
): void {
  const { lang, figures, group } = data;
  const w = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const figure = group ? figures.groups[group.code] : undefined;
  if (!group || !figure) {
    blocks.push({
      type: 'note',
      text: w(
        '登记系统中没有“一带一路”沿线国家名单，本节暂缺。',
        'The registry holds no list of the countries along the Belt and Road; this part is left empty.',
      ),
    });
    return;
  }
  const name = scopeName(figures, lang);
  const day = formatDay(figures.asOf, lang);
  const ids = (rows: readonly { id: number }[]) => (rows.length ? idRanges(rows.map((p) => p.id)) : w('无', 'none'));
  if (groupPairs.length === 0) {
    blocks.push({
      type: 'paragraph',
      text: w(
        `截至${day}，${name}尚无与“一带一路”沿线国家城市（地区）结成的友城。`,
        `As of ${day}, ${name} has no partnerships with places in countries along the Belt and Road.`,
      ),
    });
  } else {
    const share = figures.total > 0 ? Math.round((groupPairs.length / figures.total) * 1000) / 10 : 0;
    blocks.push({
      type: 'paragraph',
      text: w(
        `截至${day}，${name}与“一带一路”沿线${formatCount(figure.countries, lang)}个国家的${formatCount(figure.places, lang)}个城市（地区）结有友城${formatCount(groupPairs.length, lang)}对，占友城总数的${share}%。`,
        `As of ${day}, ${name} has ${countOf(groupPairs.length, lang, ['partnership', 'partnerships'], '对')} with ${countOf(figure.places, lang, ['place', 'places'], '个')} in ${countOf(figure.countries, lang, ['country', 'countries'], '个')} along the Belt and Road, ${share}% of all its partnerships.`,
      ),
    });
  }
  cite(w('沿线友城', 'Belt and Road partnerships'), groupPairs.length, ids(groupPairs));
  cite(w('沿线伙伴国家', 'Belt and Road countries'), figure.countries, ids(groupPairs));
  cite(w('沿线外方城市（地区）', 'Belt and Road partner places'), figure.places, ids(groupPairs));

  const from = figures.since?.from;
  if (from && data.sinceYear) {
    const when = formatPartial(data.sinceYear, lang);
    const fresh = groupPairs.filter((p) => p.establishedOn && p.establishedOn >= from);
    const byCountry = new Map<string, ReportPairRow[]>();
    for (const p of groupPairs) byCountry.set(p.countryIso2, [...(byCountry.get(p.countryIso2) ?? []), p]);
    // A country is new when every pair with it was established since the date (an undated pair is older).
    const newCountries = [...byCountry.values()]
      .filter((rows) => rows.every((p) => p.establishedOn && p.establishedOn >= from))
      .map((rows) => countryName(rows[0] as ReportPairRow));
    if (fresh.length === 0) {
      blocks.push({
        type: 'paragraph',
        text: w(`${when}以来未新增沿线友城。`, `No new Belt and Road partnership has been established since ${when}.`),
      });
    } else {
      const countries =
        newCountries.length === 0
          ? w('均为已有伙伴国家', 'all in countries that were partners before')
          : w(
              `其中新伙伴国家${formatCount(newCountries.length, lang)}个（${joinList(newCountries, lang)}）`,
              `${countOf(newCountries.length, lang, ['of them a new partner country', 'of them new partner countries'], '个')} (${joinList(newCountries, lang)})`,
            );
      blocks.push({
        type: 'paragraph',
        text: w(
          `${when}以来新增沿线友城${formatCount(fresh.length, lang)}对，${countries}：`,
          `Since ${when}, ${countOf(fresh.length, lang, ['new partnership has', 'new partnerships have'], '对')} been established along the route, ${countries}:`,
        ),
      });
      blocks.push({
        type: 'list',
        items: fresh.map((p) => `${pairName(p)}${paren(countryName(p), lang)}${w('，', ', ')}${established(p)}`),
      });
    }
    cite(
      w(`${data.sinceYear}年以来新增沿线友城`, `Belt and Road, new since ${data.sinceYear}`),
      fresh.length,
      ids(fresh),
    );
  }
  if (groupPairs.length > 0) {
    const byCountry = new Map<string, ReportPairRow[]>();
    for (const p of groupPairs) byCountry.set(p.countryIso2, [...(byCountry.get(p.countryIso2) ?? []), p]);
    const rows = [...byCountry.values()]
      .sort(
        (a, b) =>
          b.length - a.length || (a[0] as ReportPairRow).countryIso2.localeCompare((b[0] as ReportPairRow).countryIso2),
      )
      .map((list) => [
        countryName(list[0] as ReportPairRow),
        formatCount(list.length, lang),
        joinList(
          list.map((p) =>
            lang === 'zh' ? (p.partnerNameZh ?? p.partnerNameEn ?? '') : (p.partnerNameEn ?? p.partnerNameZh ?? ''),
          ),
          lang,
        ),
      ]);
    blocks.push({
      type: 'table',
      columns: lang === 'zh' ? ['国家', '友城（对）', '外方城市（地区）'] : ['Country', 'Pairs', 'Partner places'],
      widths: [25, 15, 60],
      rows,
    });
  }
  const groupSource = citeSource(group.source, null, lang);
  blocks.push({
    type: 'note',
    text: w(
      `沿线国家按${group.nameZh}名单${groupSource ? `（${groupSource}）` : ''}，以加入日期计。`,
      `Countries along the route as listed in "${group.nameEn}"${groupSource ? ` (${groupSource})` : ''}, counted from the day each joined.`,
    ),
  });
}
