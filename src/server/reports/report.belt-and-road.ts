/**
 * The report's Belt and Road section: the partner cities and countries along the route, which of them
 * are new since the year asked for, and the pairs by country.
 */
import { citeSource } from '../../shared/citation.js';
import { type Composer, paren } from './report.composer.js';
import type { ReportPairRow } from './report.repo.js';
import { countOf, formatCount, formatPartial, joinList } from './wording.js';

/** Partner cities and countries along the Belt and Road, and which of them are new since the year given. */
export function composeBeltAndRoad(c: Composer): void {
  c.h1('“一带一路”沿线友城', 'Belt and Road');
  const { data, lang, figures, name, day, blocks, cite, w, countryName, pairName, established } = c;
  const { group } = data;
  const groupPairs = c.records.group;
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
  const ids = c.pairIds;
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
