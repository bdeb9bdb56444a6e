/** The reference tables: countries and their groups, Chinese divisions, the GeoNames gazetteer, foreign places; and `meta`, facts about the database itself. */
import {
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** Key/value facts about the database itself, e.g. which reference data version is loaded. */
export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const countries = pgTable('countries', {
  iso2: text('iso2').primaryKey(),
  iso3: text('iso3').notNull(),
  /** ISO 3166 numeric code, the key of the bundled world map; empty for Kosovo. */
  numeric: text('numeric'),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  continent: text('continent').notNull(),
});

export const countryGroups = pgTable('country_groups', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  description: text('description'),
  source: text('source'),
});

export const countryGroupMembers = pgTable(
  'country_group_members',
  {
    groupCode: text('group_code')
      .notNull()
      .references(() => countryGroups.code, { onDelete: 'cascade' }),
    countryIso2: text('country_iso2')
      .notNull()
      .references(() => countries.iso2),
    /** The day the country joined the group (e.g. signed a cooperation document); null = always. */
    joinedOn: date('joined_on'),
    source: text('source'),
  },
  (t) => [primaryKey({ columns: [t.groupCode, t.countryIso2] })],
);

/** Chinese administrative divisions by GB/T 2260 code. */
export const cnDivisions = pgTable(
  'cn_divisions',
  {
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** province | prefecture | county */
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    /** Lower-case Chinese, English, full pinyin and pinyin initials, for free-text search. */
    search: text('search').notNull(),
    /** Pinyin of the Chinese name: the database collation is C, so Chinese sorts by this key. */
    sortKey: text('sort_key').notNull(),
    /** The division's Wikidata item (Q…), from data/wikidata/cn-division-qids.csv; null when not known. */
    wikidataId: text('wikidata_id'),
  },
  (t) => [index('cn_divisions_parent_idx').on(t.parentCode)],
);

/** GeoNames cities (population ≥ 1,000) for coordinates and population of foreign places. */
export const gazetteer = pgTable(
  'gazetteer',
  {
    geonamesId: integer('geonames_id').primaryKey(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    countryIso2: text('country_iso2').notNull(),
    featureCode: text('feature_code'),
    population: integer('population'),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
  },
  (t) => [index('gazetteer_country_name_idx').on(t.countryIso2, t.nameKey)],
);

export const foreignPlaces = pgTable(
  'foreign_places',
  {
    id: serial('id').primaryKey(),
    countryIso2: text('country_iso2')
      .notNull()
      .references(() => countries.iso2),
    nameZh: text('name_zh'),
    nameEn: text('name_en'),
    nameLocal: text('name_local'),
    /** state | city | county, when known */
    adminLevel: text('admin_level'),
    /** Identity within the country: the normalised English name, else the Chinese name. */
    nameKey: text('name_key').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    population: integer('population'),
    geonamesId: integer('geonames_id'),
    wikidataId: text('wikidata_id'),
    search: text('search').notNull(),
    sortKey: text('sort_key').notNull(),
  },
  (t) => [uniqueIndex('foreign_places_country_key_idx').on(t.countryIso2, t.nameKey)],
);
