/**
 * The tables of the open-data package and their Table Schemas, declared once: the CSV files, the
 * XLSX sheets, datapackage.json and the package importer all follow these lists.
 */
import { ADMIN_LEVELS, KINDS, LEVELS, PRECISIONS, STATUSES } from '../../shared/enums.js';

export type FieldType = 'string' | 'integer' | 'number' | 'date';

export type TableField = {
  name: string;
  type: FieldType;
  title: string;
  description: string;
  format?: 'uri';
  constraints?: {
    required?: boolean;
    unique?: boolean;
    enum?: readonly string[];
    pattern?: string;
    minimum?: number;
    maximum?: number;
  };
};

export type ForeignKey = { fields: string[]; reference: { resource: string; fields: string[] } };

export type TableSpec = {
  name: string;
  title: string;
  description: string;
  fields: readonly TableField[];
  primaryKey: string[];
  foreignKeys?: ForeignKey[];
};

/** A cell as written: null is the empty cell (Table Schema's default missing value ""). */
export type Cell = string | number | null;

const PARTIAL_DATE = '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$';
const DIVISION_CODE = '^[0-9]{6}$';
const QID = '^Q[1-9][0-9]*$';
const required = { required: true } as const;

const f = (
  name: string,
  type: FieldType,
  title: string,
  description: string,
  extra: Partial<Pick<TableField, 'format' | 'constraints'>> = {},
): TableField => ({ name, type, title, description, ...extra });

export const DIVISIONS: TableSpec = {
  name: 'divisions',
  title: 'Chinese administrative divisions',
  description:
    'The GB/T 2260 divisions of the Chinese side of the published pairs, with every division above them, so that parent_code always resolves.',
  fields: [
    f('code', 'string', 'GB/T 2260 code', 'Six-digit code of the division', {
      constraints: { required: true, unique: true, pattern: DIVISION_CODE },
    }),
    f('name_zh', 'string', 'Name (Chinese)', 'Official name in simplified Chinese', { constraints: required }),
    f('name_en', 'string', 'Name (pinyin)', 'Pinyin of the name without its suffix', { constraints: required }),
    f('level', 'string', 'Level', 'province | prefecture | county', {
      constraints: { required: true, enum: ['province', 'prefecture', 'county'] },
    }),
    f('parent_code', 'string', 'Parent division', 'The division directly above; empty for a province', {
      constraints: { pattern: DIVISION_CODE },
    }),
    f('wikidata_id', 'string', 'Wikidata item', 'Q-identifier of the division on Wikidata, when known', {
      constraints: { pattern: QID },
    }),
  ],
  primaryKey: ['code'],
  foreignKeys: [{ fields: ['parent_code'], reference: { resource: 'divisions', fields: ['code'] } }],
};

export const PLACES: TableSpec = {
  name: 'places',
  title: 'Foreign places',
  description: 'The foreign partners of the published pairs: states, cities and counties abroad.',
  fields: [
    f('id', 'integer', 'Place id', 'Identifier of the place in this package', {
      constraints: { required: true, unique: true, minimum: 1 },
    }),
    f('country_iso2', 'string', 'Country', 'ISO 3166-1 alpha-2 code of the country', {
      constraints: { required: true, pattern: '^[A-Z]{2}$' },
    }),
    f('name_zh', 'string', 'Name (Chinese)', 'Chinese name as signed'),
    f('name_en', 'string', 'Name (English)', 'English or romanised name as signed'),
    f('name_local', 'string', 'Name (local)', 'Name in the local language'),
    f('admin_level', 'string', 'Kind of place', 'state | city | county, when known', {
      constraints: { enum: ADMIN_LEVELS },
    }),
    f('lat', 'number', 'Latitude', 'WGS 84 latitude (from GeoNames unless corrected)', {
      constraints: { minimum: -90, maximum: 90 },
    }),
    f('lng', 'number', 'Longitude', 'WGS 84 longitude', { constraints: { minimum: -180, maximum: 180 } }),
    f('population', 'integer', 'Population', 'Population as GeoNames gives it', { constraints: { minimum: 0 } }),
    f('geonames_id', 'integer', 'GeoNames id', 'Identifier of the place on GeoNames', {
      constraints: { minimum: 1 },
    }),
    f('wikidata_id', 'string', 'Wikidata item', 'Q-identifier of the place on Wikidata, when known', {
      constraints: { pattern: QID },
    }),
  ],
  primaryKey: ['id'],
};

export const PARTNERSHIPS: TableSpec = {
  name: 'partnerships',
  title: 'Friendship-city partnerships',
  description:
    'One Chinese division paired with one foreign place, as published by the office that keeps it. Only signed pairs; the notes of pairs whose notes are internal are left out.',
  fields: [
    f('id', 'integer', 'Partnership id', 'Identifier of the pair in the registry that published it', {
      constraints: { required: true, unique: true, minimum: 1 },
    }),
    f('cn_code', 'string', 'Chinese side', 'GB/T 2260 code of the Chinese division', {
      constraints: { required: true, pattern: DIVISION_CODE },
    }),
    f('place_id', 'integer', 'Foreign side', 'The foreign place (places.id)', { constraints: required }),
    f('level', 'string', 'Level', 'provincial | city | county, from the Chinese side', {
      constraints: { required: true, enum: LEVELS },
    }),
    f('kind', 'string', 'Kind', 'friendship (友好城市) | exchange (友好交流城市), counted apart', {
      constraints: { required: true, enum: KINDS },
    }),
    f('status', 'string', 'Status', 'active | dormant | ended', { constraints: { required: true, enum: STATUSES } }),
    f(
      'established_on',
      'string',
      'Established',
      'The signing date as precise as its source: YYYY, YYYY-MM or YYYY-MM-DD',
      {
        constraints: { pattern: PARTIAL_DATE },
      },
    ),
    f('established_precision', 'string', 'Precision of the date', 'year | month | day', {
      constraints: { enum: PRECISIONS },
    }),
    f('ended_on', 'date', 'Ended', 'The day the pair ended (status ended only)'),
    f('ended_reason', 'string', 'Why it ended', 'As recorded by the office'),
    f('source_url', 'string', 'Source', 'Where the pair is documented', { format: 'uri' }),
    f('notes', 'string', 'Notes', 'The office’s notes, when they are not internal'),
  ],
  primaryKey: ['id'],
  foreignKeys: [
    { fields: ['cn_code'], reference: { resource: 'divisions', fields: ['code'] } },
    { fields: ['place_id'], reference: { resource: 'places', fields: ['id'] } },
  ],
};

export const BENCHMARKS: TableSpec = {
  name: 'benchmarks',
  title: 'Published totals (benchmarks)',
  description:
    'Totals that provinces and the nation published, each with its date and source; the registry ranks a province among the others by them.',
  fields: [
    f('id', 'integer', 'Benchmark id', 'Identifier of the figure in the registry', {
      constraints: { required: true, unique: true, minimum: 1 },
    }),
    f('scope_code', 'string', 'Scope', 'GB/T 2260 code of the province, or 000000 for the whole country', {
      constraints: { required: true, pattern: DIVISION_CODE },
    }),
    f('kind', 'string', 'Kind', 'friendship | exchange', { constraints: { required: true, enum: KINDS } }),
    f('total', 'integer', 'Total', 'The published number of pairs', { constraints: { required: true, minimum: 0 } }),
    f('provincial', 'integer', 'Provincial', 'Of which provincial', { constraints: { minimum: 0 } }),
    f('city', 'integer', 'City', 'Of which city-level', { constraints: { minimum: 0 } }),
    f('county', 'integer', 'County', 'Of which county-level', { constraints: { minimum: 0 } }),
    f('countries', 'integer', 'Countries', 'Partner countries, when published', { constraints: { minimum: 0 } }),
    f('as_of', 'string', 'As of', 'The date of the figure as precise as its source', {
      constraints: { required: true, pattern: PARTIAL_DATE },
    }),
    f('source', 'string', 'Source', 'Who published it, where', { constraints: required }),
    f('source_url', 'string', 'Source address', 'Address of the publication', { format: 'uri' }),
  ],
  primaryKey: ['id'],
};

export const COUNTRY_GROUPS: TableSpec = {
  name: 'country_groups',
  title: 'Country groups of the office',
  description:
    'Groups of countries the office counts its partners in (e.g. the Belt and Road cooperation-document signatories); the shipped group bri is not repeated.',
  fields: [
    f('code', 'string', 'Group code', 'Short code', { constraints: { required: true, unique: true } }),
    f('name_zh', 'string', 'Name (Chinese)', 'Name of the group in Chinese', { constraints: required }),
    f('name_en', 'string', 'Name (English)', 'Name of the group in English', { constraints: required }),
    f('description', 'string', 'Description', 'What the group is'),
    f('source', 'string', 'Source', 'Where the list comes from'),
  ],
  primaryKey: ['code'],
};

export const GROUP_MEMBERS: TableSpec = {
  name: 'country_group_members',
  title: 'Members of the country groups',
  description: 'Each member country with the day it joined (counted from that day; empty: always).',
  fields: [
    f('group_code', 'string', 'Group', 'country_groups.code', { constraints: required }),
    f('country_iso2', 'string', 'Country', 'ISO 3166-1 alpha-2 code', {
      constraints: { required: true, pattern: '^[A-Z]{2}$' },
    }),
    f('joined_on', 'date', 'Joined', 'The day the country joined the group'),
    f('source', 'string', 'Source', 'Where the membership is documented'),
  ],
  primaryKey: ['group_code', 'country_iso2'],
  foreignKeys: [{ fields: ['group_code'], reference: { resource: 'country_groups', fields: ['code'] } }],
};

/** Every table, parents first: the order of the files, the sheets and an import. */
export const TABLES: readonly TableSpec[] = [
  DIVISIONS,
  PLACES,
  PARTNERSHIPS,
  BENCHMARKS,
  COUNTRY_GROUPS,
  GROUP_MEMBERS,
];
