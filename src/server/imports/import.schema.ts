/**
 * The interchange format: the columns of each import type with their English and Chinese headers,
 * and the values the enumerations accept. docs/interchange-format.md describes the same thing for
 * people; keep the two in step. The import report the API sends is src/shared/schemas/imports.ts.
 */
import type { Bilingual } from '../../shared/bilingual.js';
import type { AdminLevel, Kind, Status } from '../../shared/enums.js';

import type { ImportProblem, ImportReading, ImportType } from '../../shared/schemas/imports.js';

// The server's modules and the command line have always read these from here.
export {
  IMPORT_FORMATS,
  IMPORT_TYPES,
  type ImportFormat,
  type ImportProblem,
  type ImportReading,
  type ImportReport,
  type ImportType,
} from '../../shared/schemas/imports.js';

export type ColumnDef = {
  /** Canonical (English) header, also the JSON key. */
  name: string;
  /** Chinese header written by templates and exports in Chinese. */
  zh: string;
  /** Other headers accepted for this column (Chinese or English). */
  aliases: readonly string[];
  required: boolean;
  descriptionEn: string;
  descriptionZh: string;
  example: string;
};

function col(
  name: string,
  zh: string,
  aliases: readonly string[],
  required: boolean,
  descriptionEn: string,
  descriptionZh: string,
  example: string,
): ColumnDef {
  return { name, zh, aliases, required, descriptionEn, descriptionZh, example };
}

export const PARTNERSHIP_COLUMNS: readonly ColumnDef[] = [
  col(
    'cn_division_code',
    '中方行政区划代码',
    ['行政区划代码', '中方代码', 'cn_code', 'division_code'],
    false,
    'GB/T 2260 code of the Chinese side (this or cn_division is required)',
    '中方行政区划代码（GB/T 2260，与“中方行政区划”至少填一项）',
    '430100',
  ),
  col(
    'cn_division',
    '中方行政区划',
    ['中方城市', '中方', '中方地区', '中方城市（地区）', '我方城市', '国内城市', 'cn_name', 'division'],
    false,
    'Name path of the Chinese side, e.g. 湖南省/长沙市, or a name that is unique',
    '中方行政区划名称路径，如“湖南省/长沙市”，或唯一的名称',
    '湖南省/长沙市',
  ),
  col(
    'partner_name_zh',
    '外方城市中文名',
    ['外方中文名', '外方城市', '外方城市名称', '外方城市（中文）', '友好城市', '国外城市', 'partner_zh'],
    false,
    'Chinese name of the foreign partner as signed (this or partner_name_en is required)',
    '外方城市中文名（与英文名至少填一项）',
    '布拉柴维尔',
  ),
  col(
    'partner_name_en',
    '外方城市英文名',
    ['外方英文名', '外方城市（英文）', '外方城市英文', '英文名称', 'partner_en', 'partner_name'],
    false,
    'English (or romanised) name of the foreign partner as signed',
    '外方城市英文名（或拉丁字母拼写）',
    'Brazzaville',
  ),
  col(
    'partner_name_local',
    '外方城市当地名称',
    ['外方当地名称', 'partner_local'],
    false,
    'Name in the local language (optional)',
    '外方城市当地语言名称（可选）',
    '',
  ),
  col(
    'partner_country',
    '外方国家',
    ['国家', '外方所在国', '所在国', '所在国家', '国别', '国家（地区）', 'country', 'partner_country_code'],
    true,
    'Country of the partner: ISO 3166 alpha-2 code, or its Chinese or English name',
    '外方国家：ISO 3166 两位代码，或中文、英文国名',
    'CG',
  ),
  col(
    'partner_admin_level',
    '外方行政级别',
    ['外方级别', 'admin_level'],
    false,
    'state | city | county (optional)',
    '外方行政级别：state（州/省）| city（市）| county（县/区），可选',
    'city',
  ),
  col(
    'kind',
    '类型',
    ['关系类型', '结好类型'],
    false,
    'friendship (友好城市, default) | exchange (友好交流城市)',
    '类型：friendship（友好城市，默认）| exchange（友好交流城市）',
    'friendship',
  ),
  col(
    'established_on',
    '结好日期',
    [
      '结好时间',
      '结好年份',
      '结好年月',
      '签约日期',
      '签约时间',
      '签订日期',
      '签订时间',
      '缔约日期',
      '缔约时间',
      '缔约年月',
      '缔结时间',
      '缔结日期',
      '建立时间',
      'established',
    ],
    false,
    'YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source',
    '结好日期：YYYY、YYYY-MM 或 YYYY-MM-DD，按来源的精度填写',
    '1982-05-20',
  ),
  col(
    'status',
    '状态',
    ['关系状态'],
    false,
    'active (default) | dormant | ended',
    '状态：active（活跃，默认）| dormant（休眠）| ended（已终止）',
    'active',
  ),
  col(
    'ended_on',
    '终止日期',
    ['终止时间', 'ended'],
    false,
    'YYYY-MM-DD, required when status is ended',
    '终止日期 YYYY-MM-DD，状态为 ended 时必填',
    '',
  ),
  col('ended_reason', '终止原因', [], false, 'Why the partnership ended (optional)', '终止原因（可选）', ''),
  col(
    'source_url',
    '来源链接',
    ['来源网址', '链接', 'source', 'url'],
    false,
    'Where the fact is published (a web address)',
    '信息来源链接（网址）',
    'https://www.cifca.org.cn/',
  ),
  col('notes', '备注', ['说明', '备注说明', 'note', 'remarks'], false, 'Free text', '备注', ''),
];

export const BENCHMARK_COLUMNS: readonly ColumnDef[] = [
  col(
    'scope',
    '范围',
    ['统计范围', '地区', 'scope_code'],
    true,
    'Province (GB/T 2260 code or name), or 000000 / 全国 for the whole country',
    '统计范围：省份代码或名称，全国填 000000 或“全国”',
    '430000',
  ),
  col('kind', '类型', ['关系类型'], false, 'friendship (default) | exchange', '类型：friendship（默认）| exchange', ''),
  col('total', '总数', ['合计', '数量'], true, 'Number of partnerships', '友城总数', '110'),
  col('provincial', '省级', [], false, 'Of which provincial-level (optional)', '其中省级（可选）', ''),
  col('city', '市级', [], false, 'Of which city-level (optional)', '其中市级（可选）', ''),
  col('county', '县级', [], false, 'Of which county-level (optional)', '其中县级（可选）', ''),
  col('countries', '国家数', ['覆盖国家数'], false, 'Countries covered (optional)', '覆盖国家数（可选）', ''),
  col(
    'as_of',
    '截至日期',
    ['截至', '统计日期', 'date'],
    true,
    'YYYY, YYYY-MM or YYYY-MM-DD',
    '截至日期：YYYY、YYYY-MM 或 YYYY-MM-DD',
    '2024-12',
  ),
  col(
    'source',
    '来源',
    ['数据来源'],
    false,
    'Who published the figure (defaults to source_url)',
    '数据来源（不填则用来源链接）',
    '',
  ),
  col(
    'source_url',
    '来源链接',
    ['来源网址', '链接', 'url'],
    false,
    'Where the figure is published (this or source is required)',
    '来源链接（与“来源”至少填一项）',
    'https://www.cifca.org.cn/',
  ),
];

export const GROUP_COLUMNS: readonly ColumnDef[] = [
  col(
    'group_code',
    '国家组代码',
    ['分组代码', 'group'],
    true,
    'Short code of the group: lower-case letters, digits, - and _ (not bri, which Amity ships)',
    '国家组代码：小写字母、数字、- 和 _（bri 为系统自带，不可用）',
    'bri_docs',
  ),
  col(
    'group_name_zh',
    '国家组中文名',
    ['分组中文名'],
    false,
    'Chinese name of the group (required for a new group)',
    '国家组中文名（新建分组时必填）',
    '签署共建“一带一路”合作文件的国家',
  ),
  col(
    'group_name_en',
    '国家组英文名',
    ['分组英文名'],
    false,
    'English name of the group (required for a new group)',
    '国家组英文名（新建分组时必填）',
    'Belt and Road cooperation document signatories',
  ),
  col(
    'country',
    '国家',
    ['国家代码', 'country_code', 'iso2'],
    true,
    'ISO 3166 alpha-2 code, or the Chinese or English name',
    'ISO 3166 两位代码，或中文、英文国名',
    'GH',
  ),
  col(
    'joined_on',
    '加入日期',
    ['签署日期', 'joined'],
    false,
    'When the country joined: YYYY-MM-DD (a year or month is stored as its first day)',
    '加入日期 YYYY-MM-DD（只有年或年月时按首日保存）',
    '2018-09-05',
  ),
  col(
    'source_url',
    '来源链接',
    ['来源网址', '链接', 'url', 'source'],
    false,
    'Where this is published',
    '来源链接',
    '',
  ),
];

export const COLUMNS: Record<ImportType, readonly ColumnDef[]> = {
  partnerships: PARTNERSHIP_COLUMNS,
  benchmarks: BENCHMARK_COLUMNS,
  groups: GROUP_COLUMNS,
};

/** Groups that Amity ships as reference data: an import never writes them. */
export const SHIPPED_GROUPS: readonly string[] = ['bri'];

export const GROUP_CODE_PATTERN = /^[a-z0-9_-]{1,40}$/;

/** Accepted spellings of enumeration values, beyond the values themselves. */
export const KIND_ALIASES: Record<string, Kind> = {
  friendship: 'friendship',
  友好城市: 'friendship',
  友城: 'friendship',
  友好城市关系: 'friendship',
  'sister city': 'friendship',
  sister_city: 'friendship',
  exchange: 'exchange',
  友好交流城市: 'exchange',
  友好交流: 'exchange',
  友好交流关系: 'exchange',
  友好合作关系: 'exchange',
  友好合作城市: 'exchange',
};

export const STATUS_ALIASES: Record<string, Status> = {
  active: 'active',
  活跃: 'active',
  正常: 'active',
  dormant: 'dormant',
  休眠: 'dormant',
  不活跃: 'dormant',
  ended: 'ended',
  已终止: 'ended',
  终止: 'ended',
  已解除: 'ended',
};

export const ADMIN_LEVEL_ALIASES: Record<string, AdminLevel> = {
  state: 'state',
  province: 'state',
  州: 'state',
  省: 'state',
  city: 'city',
  市: 'city',
  城市: 'city',
  county: 'county',
  district: 'county',
  县: 'county',
  区: 'county',
  郡: 'county',
};

/** Scope values that mean the whole country in a benchmark. */
export const NATIONAL_ALIASES = ['000000', '全国', '中国', 'china', 'national', 'nation'];

/**
 * Headers of columns that carry nothing of ours and that office sheets always have (the serial
 * number): ignored, and the report says so.
 */
/** The column a downloaded problem report adds beside each row: left out when the file comes back. */
export const PROBLEM_COLUMN = { zh: '导入问题（重新导入时忽略）', en: 'Import problems (ignored on import)' } as const;
export const PROBLEM_HEADERS = ['导入问题', 'import problems'];

export const SERIAL_HEADERS = [
  '序号',
  '编号',
  '序',
  '顺序号',
  'no',
  'no.',
  'nr',
  'nr.',
  '#',
  's/n',
  'sn',
  'number',
  'id号',
];

/**
 * A problem as the importer finds it: its message and fix in both languages. The report renders
 * them in the reader's language (ProblemList.sorted).
 */
export type Problem = Omit<ImportProblem, 'message' | 'fix'> & { message: Bilingual; fix?: Bilingual };

/** A reading as the importer makes it, in both languages. */
export type Reading = Omit<ImportReading, 'reading'> & { reading: Bilingual };

/** At most this many readings are listed in a report; readingCount counts them all. */
export const MAX_LISTED_READINGS = 10_000;

/** At most this many problems are listed in a report; problemCount counts them all. */
export const MAX_LISTED_PROBLEMS = 10_000;
