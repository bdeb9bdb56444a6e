/**
 * What suggestions are chosen from and for: the candidate places (GeoNames places of 10,000 people
 * or more outside China, read once per database and kept; the registry's foreign places that are
 * not among them, read on every call) and the Chinese division's profile (its office's request,
 * else the GeoNames place of data/cn-division-places.csv, else its shipped coordinates).
 */
import { readFileSync } from 'node:fs';
import type { RequestProfile, Size } from '../../shared/schemas/match.js';
import type { DbOrTx } from '../db/client.js';
import type { Division } from '../places/reference-cache.js';
import { type DivisionPlace, readDivisionPlaces } from '../reference/reference.service.js';
import {
  type GazetteerCandidateRow,
  type RegistryPlaceRow,
  selectGazetteerCandidates,
  selectRegistryPlaceNames,
  selectRegistryPlaceOfGeonames,
} from './match.repo.js';
import { type CandidatePlace, type Role, roleOfFeatureCode, type Target } from './score.js';

export type CandidateBase = {
  places: readonly CandidatePlace[];
  byGeonames: ReadonlyMap<number, CandidatePlace>;
  perCountry: ReadonlyMap<string, number>;
};

const bases = new WeakMap<object, Promise<CandidateBase>>();

/** The gazetteer's candidates of this database, read at the first call and kept. */
export function gazetteerCandidates(db: DbOrTx): Promise<CandidateBase> {
  let base = bases.get(db);
  if (!base) {
    base = selectGazetteerCandidates(db).then(buildBase);
    base.catch(() => bases.delete(db));
    bases.set(db, base);
  }
  return base;
}

export function buildBase(rows: readonly GazetteerCandidateRow[]): CandidateBase {
  const places = rows.map(
    (r): CandidatePlace => ({
      key: `gn:${r.geonames_id}`,
      name: r.name,
      nameZh: null,
      countryIso2: r.country_iso2,
      lat: r.lat,
      lng: r.lng,
      population: r.population,
      role: roleOfFeatureCode(r.feature_code),
      foreignPlaceId: null,
    }),
  );
  const perCountry = new Map<string, number>();
  for (const p of places) perCountry.set(p.countryIso2, (perCountry.get(p.countryIso2) ?? 0) + 1);
  return { places, byGeonames: new Map(rows.map((r, i) => [r.geonames_id, places[i] as CandidatePlace])), perCountry };
}

export type RegistryOverlay = {
  /** Places of the registry that are no gazetteer candidate: candidates of their own (fp:<id>). */
  extra: CandidatePlace[];
  /** Candidate key of each foreign place id. */
  keyOfPlace: Map<number, string>;
  /** The registry's id and Chinese name of a gazetteer candidate it knows. */
  known: Map<string, { foreignPlaceId: number; nameZh: string | null }>;
  chinaPartners: Map<string, number>;
  /** China's live pairs in each country. */
  nationalPairs: Map<string, number>;
  /** Candidates in each country: the gazetteer's and the registry's own. */
  perCountry: Map<string, number>;
};

function roleOfAdminLevel(level: string | null): Role {
  if (level === 'state') return 'state';
  if (level === 'city') return 'local';
  return 'town';
}

/** The registry's foreign places laid over the gazetteer's candidates. */
export function overlayRegistry(base: CandidateBase, rows: readonly RegistryPlaceRow[]): RegistryOverlay {
  const overlay: RegistryOverlay = {
    extra: [],
    keyOfPlace: new Map(),
    known: new Map(),
    chinaPartners: new Map(),
    nationalPairs: new Map(),
    perCountry: new Map(base.perCountry),
  };
  for (const r of rows) {
    const onGazetteer = r.geonames_id === null ? undefined : base.byGeonames.get(r.geonames_id);
    const key = onGazetteer ? onGazetteer.key : `fp:${r.id}`;
    overlay.keyOfPlace.set(r.id, key);
    if (r.china_partners > 0) {
      overlay.chinaPartners.set(key, (overlay.chinaPartners.get(key) ?? 0) + r.china_partners);
      overlay.nationalPairs.set(r.country_iso2, (overlay.nationalPairs.get(r.country_iso2) ?? 0) + r.china_partners);
    }
    if (onGazetteer) {
      if (!overlay.known.has(key)) overlay.known.set(key, { foreignPlaceId: r.id, nameZh: r.name_zh });
      continue;
    }
    overlay.perCountry.set(r.country_iso2, (overlay.perCountry.get(r.country_iso2) ?? 0) + 1);
    overlay.extra.push({
      key,
      name: registryName(r),
      nameZh: r.name_zh,
      countryIso2: r.country_iso2,
      lat: r.lat,
      lng: r.lng,
      population: r.population,
      role: roleOfAdminLevel(r.admin_level),
      foreignPlaceId: r.id,
    });
  }
  return overlay;
}

function registryName(r: Pick<RegistryPlaceRow, 'id' | 'name_en' | 'name_zh'>): string {
  return r.name_en ?? r.name_zh ?? `fp:${r.id}`;
}

/**
 * The name and country of one candidate, found by its key as the ranking knows it, without reading
 * every candidate: a gazetteer place (gn:<id>) with the registry's Chinese name when a foreign place
 * stands for it, or a foreign place that stands for none (fp:<id>). Undefined when no candidate has
 * the key, a foreign place that stands for a gazetteer candidate included (its key is gn:).
 */
export async function describeCandidate(
  db: DbOrTx,
  key: string,
): Promise<{ name: string; knownNameZh: string | null; countryIso2: string } | undefined> {
  const [kind, digits] = key.split(':');
  const id = Number(digits);
  // The ranking's keys are written one way only: gn:012 or gn:12:3 is none of them.
  if (!Number.isSafeInteger(id) || key !== `${kind}:${id}`) return undefined;
  const base = await gazetteerCandidates(db);
  if (kind === 'gn') {
    const place = base.byGeonames.get(id);
    if (!place) return undefined;
    const known = await selectRegistryPlaceOfGeonames(db, id);
    return { name: place.name, knownNameZh: known?.name_zh ?? null, countryIso2: place.countryIso2 };
  }
  if (kind !== 'fp') return undefined;
  const row = await selectRegistryPlaceNames(db, id);
  if (!row || (row.geonames_id !== null && base.byGeonames.has(row.geonames_id))) return undefined;
  return { name: registryName(row), knownNameZh: null, countryIso2: row.country_iso2 };
}

let divisionPlaces: Map<string, DivisionPlace> | undefined;
let coordinates: Record<string, [number, number]> | undefined;

function placeOfDivision(code: string): DivisionPlace | undefined {
  divisionPlaces ??= readDivisionPlaces();
  return divisionPlaces.get(code);
}

function coordinatesOf(division: Division): [number, number] | undefined {
  coordinates ??= JSON.parse(
    readFileSync(new URL('../../../src/shared/map/cn-coordinates.json', import.meta.url), 'utf8'),
  ) as Record<string, [number, number]>;
  for (const code of [division.code, division.prefectureCode, division.provinceCode]) {
    if (code && coordinates[code]) return coordinates[code];
  }
  return undefined;
}

/** What an office's own request adds to its division's profile. */
export type OwnRequest = {
  id: number;
  profile: RequestProfile;
  fields: readonly string[];
  wishedCountries: readonly string[];
  wishedRegions: readonly string[];
  sizeWished: Size | null;
};

export type TargetProfile = Target & { populationSource: string | null; lng: number | null };

export function targetOf(division: Division, province: Division, request: OwnRequest | undefined): TargetProfile {
  const place = placeOfDivision(division.code);
  const point = coordinatesOf(division);
  const fromRequest = request?.profile.population ?? null;
  const population = fromRequest ?? place?.population ?? null;
  const populationSource = fromRequest
    ? `request #${request?.id}${request?.profile.populationAsOf ? ` (${request.profile.populationAsOf})` : ''}`
    : place
      ? `GeoNames ${place.geonamesId} (${place.name})`
      : null;
  let role: Role;
  if (division.level === 'province') role = place?.featureCode === 'PPLC' ? 'capital' : 'state';
  else if (place) role = roleOfFeatureCode(place.featureCode);
  else role = division.level === 'prefecture' ? 'local' : 'town';
  return {
    code: division.code,
    nameZh: division.nameZh,
    provinceCode: province.code,
    provinceNameZh: province.nameZh,
    provinceNameEn: province.nameEn,
    population,
    populationSource,
    lat: place?.lat ?? point?.[1] ?? null,
    lng: place?.lng ?? point?.[0] ?? null,
    role,
    features: request?.profile.features ?? [],
    fields: request?.fields ?? [],
    wishedCountries: request?.wishedCountries ?? [],
    wishedRegions: request?.wishedRegions ?? [],
    sizeWished: request?.sizeWished ?? null,
  };
}
