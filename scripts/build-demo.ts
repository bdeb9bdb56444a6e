/**
 * Regenerates the demo data in data/demo/ from the sourced data sets in ../shared/data:
 *
 *   npx tsx scripts/build-demo.ts [SHARED_DATA_DIR]      (default ../shared/data)
 *
 * - hunan-partnerships.csv: the pairs of Hunan and its places found in the twinning data sets
 *   (English Wikipedia lists, Wikidata P190), plus a few pairs and dates from dated news reports,
 *   each row with its source;
 * - benchmarks.csv: the published totals of ../shared/data/published-figures{,-more}/figures.csv.
 *
 * Nothing here is made up: a pair, a date or a Chinese name appears only where a source gives it
 * (or, for Chinese names, where the transliteration is the standard one). The output is committed
 * and loaded by `amity demo`; ../shared is not there at run time. See data/demo/README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_DIR = join(ROOT, 'data/demo');
export const DEFAULT_SHARED_DATA = resolve(ROOT, '../shared/data');

export const PARTNERSHIP_COLUMNS = [
  'cn_division_code',
  'cn_division',
  'partner_name_zh',
  'partner_name_en',
  'partner_country',
  'partner_admin_level',
  'kind',
  'established_on',
  'status',
  'ended_on',
  'source_url',
  'notes',
] as const;
export type PartnershipRow = Record<(typeof PARTNERSHIP_COLUMNS)[number], string>;

export const BENCHMARK_COLUMNS = [
  'scope',
  'kind',
  'total',
  'provincial',
  'city',
  'county',
  'countries',
  'as_of',
  'source',
  'source_url',
] as const;
export type BenchmarkRow = Record<(typeof BENCHMARK_COLUMNS)[number], string>;

// ---------------------------------------------------------------------------------------------
// Hand-checked mapping tables
// ---------------------------------------------------------------------------------------------

/**
 * Hunan places as the English Wikipedia lists name them (exact string, Chinese side) → GB/T 2260.
 * Deliberately absent: "Changning" (a row names "Changning (Shanghai)", 长宁区 310105, not Hunan's
 * 常宁市 430482), "Guiyang" (the rows are Guizhou's capital 贵阳, not Hunan's 桂阳县) and
 * "Suining" (Sichuan's 遂宁, by its coordinates, not Hunan's 绥宁县).
 */
export const HUNAN_PLACES: Readonly<Record<string, string>> = {
  Hunan: '430000',
  Changsha: '430100',
  Zhuzhou: '430200',
  Xiangtan: '430300',
  Hengyang: '430400',
  Shaoyang: '430500',
  Yueyang: '430600',
  Changde: '430700',
  Zhangjiajie: '430800',
  Yiyang: '430900',
  Chenzhou: '431000',
  Yongzhou: '431100',
  Huaihua: '431200',
  Loudi: '431300',
  Xiangxi: '433100',
  Liuyang: '430181',
  Linxiang: '430682',
};

/** Wikidata items of Hunan places present in the 2016 crawl (checked by label) → GB/T 2260. */
export const HUNAN_QIDS: Readonly<Record<string, { code: string; label: string }>> = {
  Q174091: { code: '430100', label: 'Changsha' },
  Q198266: { code: '430200', label: 'Zhuzhou' },
  Q215755: { code: '430300', label: 'Xiangtan' },
  Q144663: { code: '430400', label: 'Hengyang' },
  Q151958: { code: '430600', label: 'Yueyang' },
  Q416669: { code: '430900', label: 'Yiyang' },
};

/**
 * Country strings of the twinning lists that are not the English short name of data/countries.csv.
 * The UK's nations are listed on their own; "Scotland, United Kingdom" style strings occur too.
 */
export const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  England: 'GB',
  Scotland: 'GB',
  Wales: 'GB',
  'Northern Ireland': 'GB',
  'England, United Kingdom': 'GB',
  'Scotland, United Kingdom': 'GB',
  'Wales, United Kingdom': 'GB',
  'Northern Ireland, United Kingdom': 'GB',
  UK: 'GB',
  USA: 'US',
  'United States of America': 'US',
  'Republic of Ireland': 'IE',
  'Czech Republic': 'CZ',
  'Republic of the Congo': 'CG',
  'Democratic Republic of the Congo': 'CD',
  Korea: 'KR',
  'Republic of Korea': 'KR',
  'Russian Federation': 'RU',
  'Viet Nam': 'VN',
  Macedonia: 'MK',
  Turkey: 'TR',
  'The Netherlands': 'NL',
  'Ivory Coast': 'CI',
  Island: 'IS',
};

/** Strings that name more than one country: resolved only by a partner listed here. */
export const AMBIGUOUS_COUNTRIES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Congo: { Brazzaville: 'CG', 'Pointe-Noire': 'CG', Kinshasa: 'CD', Lubumbashi: 'CD' },
};

/**
 * Standard Chinese names of partners, only where the transliteration is the established one
 * (Xinhua / atlas usage, or the kanji of a Japanese city). Partners not listed keep an empty
 * partner_name_zh rather than a guess.
 */
export const PARTNER_ZH: Readonly<Record<string, string>> = {
  'Aix-les-Bains': '艾克斯莱班',
  Akabira: '赤平',
  Arezzo: '阿雷佐',
  Augsburg: '奥格斯堡',
  Babruysk: '博布鲁伊斯克',
  Brazzaville: '布拉柴维尔',
  Calais: '加来',
  Călărași: '克勒拉希',
  Cupertino: '库比蒂诺',
  Érd: '埃尔德',
  Fredrikstad: '腓特烈斯塔',
  Fribourg: '弗里堡',
  Gumi: '龟尾',
  Hikone: '彦根',
  Ipswich: '伊普斯威奇',
  Kagoshima: '鹿儿岛',
  Kirishima: '雾岛',
  Klang: '巴生',
  Laredo: '拉雷多',
  León: '莱昂',
  Lutsk: '卢茨克',
  Mogilev: '莫吉廖夫',
  Mons: '蒙斯',
  Namhae: '南海郡',
  'New Haven': '纽黑文',
  'Nha Trang': '芽庄',
  Numazu: '沼津',
  'Petah Tikva': '佩塔提克瓦',
  Pietermaritzburg: '彼得马里茨堡',
  Pocheon: '抱川',
  Podolsk: '波多利斯克',
  Qom: '库姆',
  'Saint Paul': '圣保罗',
  'Santa Fe': '圣菲',
  'Stara Zagora': '旧扎戈拉',
  Sumqayit: '苏姆盖特',
  Ulyanovsk: '乌里扬诺夫斯克',
  Vanadzor: '瓦纳佐尔',
};

/** Partner admin level where it is not an ordinary city (states, provinces, counties). */
export const PARTNER_LEVEL: Readonly<Record<string, string>> = {
  Namhae: 'county',
};

type WikidataPartner = {
  /** The label in names.tsv (often German), checked so that a wrong QID fails loudly. */
  label: string;
  nameEn: string;
  iso2: string;
  /** The partner's name in the Wikipedia list when Wikidata states the same pair. */
  sameAs?: string;
};

/** Every partner of a Hunan item in the Wikidata crawl, looked up by hand (the crawl has no countries). */
export const WIKIDATA_PARTNERS: Readonly<Record<string, WikidataPartner>> = {
  Q125905: { label: 'Kimberley', nameEn: 'Kimberley', iso2: 'ZA', sameAs: 'Sol Plaatje' },
  Q13378: { label: 'Arezzo', nameEn: 'Arezzo', iso2: 'IT' },
  Q15674: { label: 'Kagoshima', nameEn: 'Kagoshima', iso2: 'JP' },
  Q2749: { label: 'Augsburg', nameEn: 'Augsburg', iso2: 'DE' },
  Q28848: { label: 'Saint Paul', nameEn: 'Saint Paul', iso2: 'US' },
  Q36378: { label: 'Freiburg im Üechtland', nameEn: 'Fribourg', iso2: 'CH' },
  Q107135: { label: 'Fredrikstad', nameEn: 'Fredrikstad', iso2: 'NO' },
  Q179833: { label: 'Sumqayıt', nameEn: 'Sumqayit', iso2: 'AZ' },
  Q185591: { label: 'Pietermaritzburg', nameEn: 'Pietermaritzburg', iso2: 'ZA' },
  Q193050: { label: 'Érd', nameEn: 'Érd', iso2: 'HU' },
  Q19491: { label: 'Nha Trang', nameEn: 'Nha Trang', iso2: 'VN' },
  Q42155: { label: 'Pocheon', nameEn: 'Pocheon', iso2: 'KR' },
  Q386635: { label: 'Hikone', nameEn: 'Hikone', iso2: 'JP' },
  Q7550: { label: 'Luzk', nameEn: 'Lutsk', iso2: 'UA' },
  Q983845: { label: 'South El Monte', nameEn: 'South El Monte', iso2: 'US' },
  Q212561: { label: 'Călărași', nameEn: 'Călărași', iso2: 'RO' },
  Q1026779: { label: 'Castlegar', nameEn: 'Castlegar', iso2: 'CA' },
  Q1105257: { label: 'Cockburn City', nameEn: 'Cockburn', iso2: 'AU' },
  Q170415: { label: 'Stara Sagora', nameEn: 'Stara Zagora', iso2: 'BG' },
  Q189471: { label: 'Cupertino', nameEn: 'Cupertino', iso2: 'US' },
  Q241037: { label: 'Numazu', nameEn: 'Numazu', iso2: 'JP' },
  Q190828: { label: 'Petach Tikwa', nameEn: 'Petah Tikva', iso2: 'IL' },
  Q26123: { label: 'Namhae-gun', nameEn: 'Namhae', iso2: 'KR' },
};

// ---------------------------------------------------------------------------------------------
// Facts from dated reports (read in stored copies of the pages, 2026-11)
// ---------------------------------------------------------------------------------------------

export const SOURCES = {
  report2024: {
    url: 'https://hunan.voc.com.cn/article/202411/20241128224355839740.html',
    name: "华声在线 (hunan.voc.com.cn) 2024-11-28, report to the provincial people's congress standing committee",
  },
  peoplesDaily2018: {
    url: 'https://xwzx.qqzyw.com/show-202187.html',
    name: '人民网 2018-09-02 "湖南第一对与最新一对国际“小伙伴”均来自非洲" (reprint)',
  },
  hunanGovEn2018: {
    url: 'http://enghunan.gov.cn/News/Localnews/others_news2016/201809/t20180903_5087542.html',
    name: 'Hunan provincial government English site 2018-09-03 (same list, no dates)',
  },
  chinadaily2020: {
    url: 'https://cn.chinadaily.com.cn/a/202012/24/WS5fe42ea3a3101e7ce9737333.html',
    name: '华声在线 2020-12-23 via cn.chinadaily.com.cn 2020-12-24',
  },
  chinanews2016: {
    url: 'https://changsha.baogaosu.com/xinwen/%E5%9B%BD%E9%99%85%E5%8F%8B%E5%9F%8E%E6%9C%8B%E5%8F%8B%E5%9C%88%E5%8A%A0%E9%80%9F%E6%B9%96%E5%8D%97%E5%AF%B9%E5%A4%96%E5%BC%80%E6%94%BE/45537799',
    name: '中新社长沙 2016-04-05 (reprint)',
  },
  hnrb2017: {
    url: 'https://hnrb.voc.com.cn/article/201705/201705150802091055001.html',
    name: '湖南日报 2017-05-15 "手拉手，我们一起往前走"',
  },
  chinanews2017: {
    url: 'http://you.kantsuu.com/Print.asp?ArticleID=636967',
    name: '中国新闻网 2017-08-27 (reprint)',
  },
} as const;

type NewsPair = {
  code: string;
  nameZh: string;
  nameEn: string;
  iso2: string;
  level: string;
  establishedOn: string;
  source: keyof typeof SOURCES;
  note: string;
};

/** Pairs that no twinning data set holds, as the reports state them. */
export const NEWS_PAIRS: readonly NewsPair[] = [
  {
    code: '430000',
    nameZh: '布里奇顿',
    nameEn: 'Bridgetown',
    iso2: 'BB',
    level: 'city',
    establishedOn: '2023-06',
    source: 'report2024',
    note: 'Provincial-level agreement signed in June 2023: "去年6月与巴巴多斯首都布里奇顿签署省级友城协议"',
  },
  {
    code: '430000',
    nameZh: '乌多姆赛省',
    nameEn: 'Oudomxay',
    iso2: 'LA',
    level: 'state',
    establishedOn: '2020-12-22',
    source: 'chinadaily2020',
    note: 'Agreement signed by letter on 2020-12-22, the 100th pair of Hunan',
  },
  {
    code: '430000',
    nameZh: '奥罗米亚州',
    nameEn: 'Oromia',
    iso2: 'ET',
    level: 'state',
    establishedOn: '2018-06',
    source: 'peoplesDaily2018',
    note: `Also listed by the ${SOURCES.hunanGovEn2018.name}: ${SOURCES.hunanGovEn2018.url}`,
  },
  {
    code: '430000',
    nameZh: '北开普省',
    nameEn: 'Northern Cape',
    iso2: 'ZA',
    level: 'state',
    establishedOn: '2003-09',
    source: 'peoplesDaily2018',
    note: `Also listed by the ${SOURCES.hunanGovEn2018.name}: ${SOURCES.hunanGovEn2018.url}`,
  },
  {
    code: '430000',
    nameZh: '乌里扬诺夫斯克州',
    nameEn: 'Ulyanovsk Oblast',
    iso2: 'RU',
    level: 'state',
    establishedOn: '2009',
    source: 'chinanews2016',
    note: 'Established 2009: "2009年两地正式缔结友好省州关系"; also named by 湖南日报 2017-05-15',
  },
  {
    code: '430000',
    nameZh: '义安省',
    nameEn: 'Nghe An',
    iso2: 'VN',
    level: 'state',
    establishedOn: '',
    source: 'hnrb2017',
    note: 'Named as a partner of Hunan (the home province of Ho Chi Minh); the report gives no date',
  },
  {
    code: '430100',
    nameZh: '恩德培',
    nameEn: 'Entebbe',
    iso2: 'UG',
    level: 'city',
    establishedOn: '2003-04',
    source: 'peoplesDaily2018',
    note: `Also listed by the ${SOURCES.hunanGovEn2018.name}: ${SOURCES.hunanGovEn2018.url}`,
  },
  {
    code: '433100',
    nameZh: '赞扎巴尼市',
    nameEn: '',
    iso2: 'ZA',
    level: '',
    establishedOn: '2015-09',
    source: 'peoplesDaily2018',
    note:
      'Partner as the report writes it (湘西土家族苗族自治州与南非赞扎巴尼市); its English name is not certain ' +
      `(the provincial government's English page writes "Zanzaribani": ${SOURCES.hunanGovEn2018.url}), so it is left empty`,
  },
  {
    code: '430300',
    nameZh: '姆索马',
    nameEn: 'Musoma',
    iso2: 'TZ',
    level: 'city',
    establishedOn: '2016-05',
    source: 'peoplesDaily2018',
    note: `Also listed (as "Msoma") by the ${SOURCES.hunanGovEn2018.name}: ${SOURCES.hunanGovEn2018.url}`,
  },
  {
    code: '431000',
    nameZh: '金伯利',
    nameEn: 'Kimberley',
    iso2: 'ZA',
    level: 'city',
    establishedOn: '2016-09',
    source: 'peoplesDaily2018',
    note: `Also listed by the ${SOURCES.hunanGovEn2018.name}: ${SOURCES.hunanGovEn2018.url}`,
  },
];

/** Dates that reports give for pairs of the data sets (which have no dates), by code and partner. */
export const NEWS_DATES: Readonly<Record<string, { date: string; note: string }>> = {
  '430100|Brazzaville': {
    date: '1982-08',
    note:
      `established 1982-08 per ${SOURCES.peoplesDaily2018.name}, ${SOURCES.peoplesDaily2018.url}; ` +
      `1982 and "the first pair of Hunan" also per ${SOURCES.chinanews2016.name}, ${SOURCES.chinanews2016.url}`,
  },
  '430100|Kagoshima': {
    date: '1982-10-30',
    note: `established 1982-10-30 per ${SOURCES.chinanews2017.name}, ${SOURCES.chinanews2017.url}`,
  },
  '430200|Pietermaritzburg': {
    date: '2002-05',
    note: `established 2002-05 per ${SOURCES.peoplesDaily2018.name}, ${SOURCES.peoplesDaily2018.url}`,
  },
};

/**
 * Links of the published figures, where the page itself was seen (or, for zh.wikipedia lists, the
 * canonical address of the list that a mirror showed). Keyed by scope|as_of|total.
 */
export const BENCHMARK_URLS: Readonly<Record<string, string>> = {
  '430000|2024-11-28|110': SOURCES.report2024.url,
  '430000|2017-04|77': SOURCES.hnrb2017.url,
  '430000|2010-06|54': 'http://www.enghunan.gov.cn/SP/FriCity/index.html',
  '430000|2012-09|64': 'https://thechinatimes.com/online/2012/11/5584.html',
  '430000|2016-04-05|70': SOURCES.chinanews2016.url,
  '430000|2018-09|83': SOURCES.peoplesDaily2018.url,
  '430000|2020-12-22|100': SOURCES.chinadaily2020.url,
  '320000|2021-06|349': encodeURI('https://zh.wikipedia.org/wiki/江苏省友好城市列表'),
  '420000|2023|115': encodeURI('https://zh.wikipedia.org/wiki/湖北省国际友好城市列表'),
  '220000|2022-10-28|61': encodeURI('https://zh.wikipedia.org/wiki/吉林省国际友好城市列表'),
};

// ---------------------------------------------------------------------------------------------
// Derivation
// ---------------------------------------------------------------------------------------------

type Division = { code: string; nameZh: string; parentCode: string };
type Country = { iso2: string; nameEn: string };

export type Reference = { divisions: Map<string, Division>; countries: Map<string, Country> };

export function readReference(): Reference {
  const divisions = new Map<string, Division>();
  for (const r of readCsv(join(ROOT, 'data/cn-divisions.csv'))) {
    divisions.set(r.code as string, {
      code: r.code as string,
      nameZh: r.name_zh as string,
      parentCode: r.parent_code ?? '',
    });
  }
  const countries = new Map<string, Country>();
  for (const r of readCsv(join(ROOT, 'data/countries.csv'))) {
    countries.set(r.iso2 as string, { iso2: r.iso2 as string, nameEn: r.name_en as string });
  }
  return { divisions, countries };
}

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true });
}

/** The Wikidata files: tab-separated, no header, no quoting. */
function readTsv(path: string): [string, string][] {
  const rows: string[][] = parse(readFileSync(path), { delimiter: '\t', quote: false, skip_empty_lines: true });
  return rows.map(([a = '', b = '']) => [a, b]);
}

/** "湖南省/长沙市/浏阳市": the name path the interchange format writes. */
export function divisionPath(ref: Reference, code: string): string {
  const names: string[] = [];
  let current = ref.divisions.get(code);
  if (!current) throw new Error(`${code} is not in data/cn-divisions.csv`);
  while (current) {
    names.unshift(current.nameZh);
    current = current.parentCode ? ref.divisions.get(current.parentCode) : undefined;
  }
  return names.join('/');
}

/**
 * ISO alpha-2 code of a country string of the twinning lists. Throws on anything it cannot map
 * with certainty, so that a new string is looked at rather than guessed.
 */
export function isoOfCountry(ref: Reference, text: string, partner?: string): string {
  const name = text.trim();
  const ambiguous = AMBIGUOUS_COUNTRIES[name];
  if (ambiguous) {
    const iso2 = partner ? ambiguous[partner] : undefined;
    if (!iso2)
      throw new Error(`country "${name}" is ambiguous; add ${partner ?? 'the partner'} to AMBIGUOUS_COUNTRIES`);
    return iso2;
  }
  const alias = COUNTRY_ALIASES[name];
  if (alias) return alias;
  for (const country of ref.countries.values()) if (country.nameEn === name) return country.iso2;
  throw new Error(`country "${name}" is not mapped to ISO 3166; add it to COUNTRY_ALIASES`);
}

/** Page names with an article: "List of twin towns and sister cities in the United States". */
const WITH_ARTICLE = new Set(['United States', 'United Kingdom', 'Netherlands', 'Philippines', 'Czech Republic']);

/** The English Wikipedia list page a row was scraped from: the page of its host country. */
export function wikipediaListUrl(hostCountry: string): string {
  const article = WITH_ARTICLE.has(hostCountry) ? 'the_' : '';
  return `https://en.wikipedia.org/wiki/List_of_twin_towns_and_sister_cities_in_${article}${hostCountry.replace(/ /g, '_')}`;
}

const WIKIPEDIA_SET =
  'data set twin-cities-wikipedia (English Wikipedia, CC BY-SA 4.0, by Wikipedia contributors; scraped by github.com/Hekman/twincities)';
const WIKIDATA_SET = 'data set wikidata-p190-2016 (Wikidata, CC0; crawl of 2016-09)';

type RawPair = { city1: string; country1: string; city2: string; country2: string };

/** The rows of twin_cities_raw.csv with a Hunan place on the Chinese side, as interchange rows. */
export function wikipediaRows(ref: Reference, raw: readonly RawPair[]): PartnershipRow[] {
  const rows: PartnershipRow[] = [];
  for (const pair of raw) {
    const sides: [string, string, string, string][] = [
      [pair.city1, pair.country1, pair.city2, pair.country2],
      [pair.city2, pair.country2, pair.city1, pair.country1],
    ];
    for (const [cnName, cnCountry, partner, partnerCountry] of sides) {
      if (cnCountry !== 'China') continue;
      const code = HUNAN_PLACES[cnName];
      if (!code) continue;
      const iso2 = isoOfCountry(ref, partnerCountry, partner);
      const page = wikipediaListUrl(pair.country1);
      const dated = NEWS_DATES[`${code}|${partner}`];
      rows.push(
        row(ref, {
          code,
          nameZh: PARTNER_ZH[partner] ?? '',
          nameEn: partner,
          iso2,
          level: PARTNER_LEVEL[partner] ?? 'city',
          establishedOn: dated?.date ?? '',
          sourceUrl: page,
          notes: [
            `Source: ${WIKIPEDIA_SET}, page "${page.split('/wiki/')[1]?.replace(/_/g, ' ')}", listed as "${partner}, ${partnerCountry}".`,
            dated ? `Date: ${dated.note}.` : 'No date in the source.',
          ],
        }),
      );
    }
  }
  return rows;
}

/**
 * Pairs of the Wikidata crawl with a Hunan item. A pair the Wikipedia list already has only adds a
 * note to that row; the others become rows of their own.
 */
export function wikidataRows(
  ref: Reference,
  relations: readonly [string, string][],
  labels: ReadonlyMap<string, string>,
  fromWikipedia: PartnershipRow[],
): PartnershipRow[] {
  for (const [qid, { label }] of Object.entries(HUNAN_QIDS)) {
    if (labels.get(qid) !== label)
      throw new Error(`Wikidata ${qid} is labelled "${labels.get(qid)}", expected ${label}`);
  }
  const pairs = new Map<string, { hunan: string; partner: string; directions: number }>();
  for (const [from, to] of relations) {
    const hunan = HUNAN_QIDS[from] ? from : HUNAN_QIDS[to] ? to : undefined;
    if (!hunan) continue;
    const partner = hunan === from ? to : from;
    const key = `${hunan}|${partner}`;
    const seen = pairs.get(key);
    if (seen) seen.directions += 1;
    else pairs.set(key, { hunan, partner, directions: 1 });
  }
  const rows: PartnershipRow[] = [];
  for (const { hunan, partner, directions } of pairs.values()) {
    const info = WIKIDATA_PARTNERS[partner];
    if (!info) throw new Error(`Wikidata partner ${partner} (${labels.get(partner)}) of ${hunan} is not mapped yet`);
    if (labels.get(partner) !== info.label) {
      throw new Error(`Wikidata ${partner} is labelled "${labels.get(partner)}", expected ${info.label}`);
    }
    const code = (HUNAN_QIDS[hunan] as { code: string }).code;
    const stated = directions > 1 ? 'stated on both items' : 'stated on one item only';
    const statement = `Wikidata ${hunan} P190 ${partner} ("${info.label}"), ${stated}`;
    const existing = fromWikipedia.find(
      (r) => r.cn_division_code === code && r.partner_name_en === (info.sameAs ?? info.nameEn),
    );
    if (existing) {
      const same = info.sameAs ? ` (${info.nameEn}, seat of ${info.sameAs})` : '';
      existing.notes += ` Also in ${WIKIDATA_SET}: ${statement}${same}.`;
      continue;
    }
    const dated = NEWS_DATES[`${code}|${info.nameEn}`];
    rows.push(
      row(ref, {
        code,
        nameZh: PARTNER_ZH[info.nameEn] ?? '',
        nameEn: info.nameEn,
        iso2: info.iso2,
        level: PARTNER_LEVEL[info.nameEn] ?? 'city',
        establishedOn: dated?.date ?? '',
        sourceUrl: `https://www.wikidata.org/wiki/${hunan}`,
        notes: [
          `Source: ${WIKIDATA_SET}: ${statement}; partner https://www.wikidata.org/wiki/${partner}.`,
          dated
            ? `Not in the English Wikipedia lists; confirmed by a report: ${dated.note}.`
            : 'Not in the English Wikipedia lists and unconfirmed (P190 is used loosely on Wikidata). No date in the source.',
        ],
      }),
    );
  }
  return rows;
}

export function newsRows(ref: Reference): PartnershipRow[] {
  return NEWS_PAIRS.map((pair) => {
    const source = SOURCES[pair.source];
    return row(ref, {
      code: pair.code,
      nameZh: pair.nameZh,
      nameEn: pair.nameEn,
      iso2: pair.iso2,
      level: pair.level,
      establishedOn: pair.establishedOn,
      sourceUrl: source.url,
      notes: [`Source: ${source.name}.`, `${pair.note}.`],
    });
  });
}

type RowInput = {
  code: string;
  nameZh: string;
  nameEn: string;
  iso2: string;
  level: string;
  establishedOn: string;
  sourceUrl: string;
  notes: string[];
};

function row(ref: Reference, input: RowInput): PartnershipRow {
  if (!ref.countries.has(input.iso2)) throw new Error(`${input.iso2} is not in data/countries.csv`);
  return {
    cn_division_code: input.code,
    cn_division: divisionPath(ref, input.code),
    partner_name_zh: input.nameZh,
    partner_name_en: input.nameEn,
    partner_country: input.iso2,
    partner_admin_level: input.level,
    kind: 'friendship',
    established_on: input.establishedOn,
    // The sources list current pairs and say nothing of their state: "active" is the registry's
    // default for a pair not known to have ended.
    status: 'active',
    ended_on: '',
    source_url: input.sourceUrl,
    notes: input.notes.join(' '),
  };
}

/**
 * Both published-figures files as benchmark rows. A benchmark is a province's or the nation's
 * figure on a date: a row without a date, or about a city (Xi'an), cannot be one.
 */
export function benchmarkRows(files: readonly Record<string, string>[][]): {
  rows: BenchmarkRow[];
  skipped: Record<string, string>[];
} {
  const rows: BenchmarkRow[] = [];
  const skipped: Record<string, string>[] = [];
  for (const file of files) {
    for (const r of file) {
      const scope = r.scope_code ?? '';
      if (!r.as_of || !/^\d{2}0000$/.test(scope)) {
        skipped.push(r);
        continue;
      }
      rows.push({
        scope,
        kind: r.kind as string,
        total: r.total as string,
        provincial: r.provincial ?? '',
        city: r.city ?? '',
        county: r.county ?? '',
        countries: r.countries ?? '',
        as_of: r.as_of,
        source: r.source as string,
        source_url: BENCHMARK_URLS[`${scope}|${r.as_of}|${r.total}`] ?? '',
      });
    }
  }
  rows.sort(
    (a, b) => a.scope.localeCompare(b.scope) || b.as_of.localeCompare(a.as_of) || a.total.localeCompare(b.total),
  );
  return { rows, skipped };
}

export type DemoData = {
  partnerships: PartnershipRow[];
  benchmarks: BenchmarkRow[];
  counts: Record<string, number>;
};

export function buildDemo(sharedDir: string = DEFAULT_SHARED_DATA): DemoData {
  const ref = readReference();
  const raw = readCsv(join(sharedDir, 'twin-cities-wikipedia/twin_cities_raw.csv')) as RawPair[];
  const fromWikipedia = wikipediaRows(ref, raw);
  const relations = readTsv(join(sharedDir, 'wikidata-p190-2016/relations.tsv'));
  const names = readTsv(join(sharedDir, 'wikidata-p190-2016/names.tsv'));
  const fromWikidata = wikidataRows(ref, relations, new Map(names), fromWikipedia);
  const fromNews = newsRows(ref);
  const partnerships = [...fromWikipedia, ...fromWikidata, ...fromNews].sort(
    (a, b) =>
      a.cn_division_code.localeCompare(b.cn_division_code) ||
      (a.partner_name_en || a.partner_name_zh).localeCompare(b.partner_name_en || b.partner_name_zh),
  );
  const keys = new Set<string>();
  for (const p of partnerships) {
    const key = `${p.cn_division_code}|${p.partner_country}|${p.partner_name_en || p.partner_name_zh}`;
    if (keys.has(key)) throw new Error(`duplicate pair ${key}`);
    keys.add(key);
  }
  const figures = [
    readCsv(join(sharedDir, 'published-figures/figures.csv')),
    readCsv(join(sharedDir, 'published-figures-more/figures.csv')),
  ];
  const { rows: benchmarks, skipped } = benchmarkRows(figures);
  return {
    partnerships,
    benchmarks,
    counts: {
      wikipedia: fromWikipedia.length,
      wikidata: fromWikidata.length,
      news: fromNews.length,
      partnerships: partnerships.length,
      benchmarks: benchmarks.length,
      benchmarksSkipped: skipped.length,
    },
  };
}

export function toCsv<T extends Record<string, string>>(columns: readonly (keyof T & string)[], rows: T[]): string {
  return stringify(rows, { header: true, columns: [...columns] });
}

function main(): void {
  const sharedDir = resolve(process.argv[2] ?? DEFAULT_SHARED_DATA);
  const demo = buildDemo(sharedDir);
  writeFileSync(join(DEMO_DIR, 'hunan-partnerships.csv'), toCsv(PARTNERSHIP_COLUMNS, demo.partnerships));
  writeFileSync(join(DEMO_DIR, 'benchmarks.csv'), toCsv(BENCHMARK_COLUMNS, demo.benchmarks));
  console.log(`data/demo written from ${sharedDir}:`, demo.counts);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
