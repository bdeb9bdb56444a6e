/**
 * Composes the annual report from its data: sections of words and tables, charts, the appendix of
 * every pair and the provenance appendix that lists, per figure, the records it was computed from.
 * Pure apart from drawing the charts: the same data gives the same document, word for word.
 *
 * Numbers in sentences come from the figures service (getFigures); the records behind each figure
 * are the report's pairs filtered by the figure's rule (report.records.ts), and `checkRecords`
 * proves both agree. Each section is one function over the composer (report.composer.ts), in the
 * order the report prints them.
 */
import { citeSource } from '../../shared/citation.js';
import { formatPartialDate } from '../../shared/dates.js';
import { CONTINENTS, LEVELS, type Precision } from '../../shared/enums.js';
import type { Figures } from '../../shared/schemas/figures.js';
import { composePairsAppendix, composeProvenanceAppendix } from './report.appendix.js';
import { composeBeltAndRoad } from './report.belt-and-road.js';
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
import { activityLine, type Composer, capitalize, paren, startComposer } from './report.composer.js';
import type { ReportData, ReportDocument } from './report.model.js';
import { idRanges } from './report.records.js';
import {
  baselineName,
  changeOfCount,
  changeOfRank,
  countOf,
  formatCount,
  formatDay,
  formatPartial,
  joinList,
  levelName,
  ordinal,
  overviewSentence,
} from './wording.js';

export function composeReport(data: ReportData): ReportDocument {
  const c = startComposer(data);
  composeOverview(c);
  composeCharts(c);
  composeBeltAndRoad(c);
  composeHighlights(c);
  composeProgrammes(c);
  composeNetwork(c);
  composeProblems(c);
  composePairsAppendix(c);
  composeProvenanceAppendix(c);

  const { lang, figures, name, day, basis, blocks, w } = c;
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

/** 1. Overview: the totals, the rank, the continents and, when asked, the comparison with an earlier date. */
function composeOverview(c: Composer): void {
  const { data, lang, figures, records, w, cite, pairIds, h1, para } = c;
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
  if (data.previous) composeComparison(c);
}

/** The overview's charts: levels, pairs per year, continents and the map. */
function composeCharts(c: Composer): void {
  const { lang, figures, records, blocks, w, h2, note } = c;
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
}

/** 3. Highlights of the year: new pairs, agreements signed, projects and their outcomes. */
function composeHighlights(c: Composer): void {
  const {
    data,
    lang,
    records,
    day,
    year,
    blocks,
    w,
    cite,
    pairIds,
    activityIds,
    h1,
    h2,
    para,
    pairName,
    countryName,
    established,
    module,
  } = c;
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
  cite(w(`${year}年签署的协议`, `Agreements in ${year}`), agreements.length, activityIds(agreements));
  h2('projects', '项目与成效', 'Projects and measured outcomes');
  module(
    data.modules.projects,
    w(
      '登记系统尚未收录合作项目及其成效，本节暂缺，不作估计。',
      'The registry does not hold cooperation projects and their outcomes yet; this part is left empty rather than estimated.',
    ),
  );
}

/** 4. Programme progress. */
function composeProgrammes(c: Composer): void {
  const { data, w, h1, module } = c;
  h1('重点计划进展', 'Programme progress');
  module(
    data.modules.programmes,
    w(
      '登记系统尚未收录政策计划（如“三十六策”）及其各领域的进展证据，本节暂缺。',
      'The registry does not hold policy programmes (such as the Thirty-six Policies) and the evidence for their areas yet; this part is left empty.',
    ),
  );
}

/** 5. Network: delegations and activities of the year, contacts. */
function composeNetwork(c: Composer): void {
  const { data, lang, day, year, w, cite, activityIds, h1, h2, para, module } = c;
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
  cite(w(`${year}年出访团组`, `Delegations sent in ${year}`), outbound.length, activityIds(outbound));
  cite(w(`${year}年来访团组`, `Delegations received in ${year}`), inbound.length, activityIds(inbound));
  cite(w(`${year}年交流活动`, `Activities in ${year}`), data.activities.length, activityIds(data.activities));
  h2('contacts', '联系人', 'Contacts');
  module(
    data.modules.contacts,
    w(
      '登记系统尚未收录联系人，本节暂缺。联系人属个人信息，报告只给出人数，不列姓名。',
      'The registry does not hold contacts yet; this part is left empty. Contacts are personal data: the report gives counts only, never names.',
    ),
  );
}

/** 6. Problems and suggested actions: dormant pairs, pairs at risk, rule flags, gaps against the published figure. */
function composeProblems(c: Composer): void {
  const {
    data,
    lang,
    figures,
    records,
    name,
    day,
    blocks,
    w,
    cite,
    pairIds,
    h1,
    h2,
    para,
    pairName,
    countryName,
    module,
  } = c;
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
  module(
    data.modules.health,
    w(
      '友城健康度评估尚未接入，本节暂缺。',
      'The health assessment of partnerships is not available yet; this part is left empty.',
    ),
  );
  h2('rules', '规则提示', 'Rule flags');
  module(
    data.modules.ruleFlags,
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
}

/** How the figures changed since the comparison date. */
function composeComparison(c: Composer): void {
  const { data, lang, figures, blocks, cite, w } = c;
  const previous = data.previous as Figures;
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
