/** Foreign places: found by country and name, created when new, enriched from the gazetteer. */
import { type FieldIssue, notFound, validationFailed } from '../../shared/errors.js';
import type { ForeignPlaceInput } from '../../shared/schemas/partnership.js';
import { buildSearchText, nameKeyOf, sortKeyOf } from '../../shared/text.js';
import type { DbOrTx } from '../db/client.js';
import { findGazetteer } from '../reference/reference.repo.js';
import {
  type ForeignPlaceRow,
  insertForeignPlace,
  type NewForeignPlace,
  selectForeignPlace,
  selectForeignPlaceByKey,
  selectForeignPlacesByZh,
  updateForeignPlaceRow,
} from './place.repo.js';
import { getReferenceCache, type ReferenceCache } from './reference-cache.js';

/** The identity of a place within its country: its English name, else its Chinese name. */
export function placeKeyOf(place: { nameEn?: string | null; nameZh?: string | null }): string {
  return nameKeyOf(place.nameEn || place.nameZh || '');
}

export function placeSearchText(
  place: Pick<NewForeignPlace, 'nameZh' | 'nameEn' | 'nameLocal' | 'countryIso2'>,
  cache: ReferenceCache,
): string {
  const country = cache.countries.get(place.countryIso2);
  return buildSearchText([place.nameZh, place.nameEn, place.nameLocal, country?.nameZh, country?.nameEn]);
}

export type ResolvedPlace = { place: ForeignPlaceRow; created: boolean };

/**
 * Finds the foreign place a partner names (same country, same English or Chinese name), or
 * creates it with coordinates and population from the gazetteer when the name is found there.
 * Names missing on an existing place are filled in; names it has are never overwritten.
 */
export async function resolveForeignPlace(tx: DbOrTx, input: ForeignPlaceInput): Promise<ResolvedPlace> {
  const cache = getReferenceCache();
  if (!cache.countries.has(input.countryIso2)) {
    throw validationFailed([unknownCountryIssue('partner.countryIso2', input.countryIso2)]);
  }
  const existing = await findExistingPlace(tx, input);
  if (existing) {
    const patch: Partial<NewForeignPlace> = {};
    if (!existing.nameZh && input.nameZh) patch.nameZh = input.nameZh;
    if (!existing.nameEn && input.nameEn) patch.nameEn = input.nameEn;
    if (!existing.nameLocal && input.nameLocal) patch.nameLocal = input.nameLocal;
    if (!existing.adminLevel && input.adminLevel) patch.adminLevel = input.adminLevel;
    if (Object.keys(patch).length === 0) return { place: existing, created: false };
    const merged = { ...existing, ...patch };
    patch.search = placeSearchText(merged, cache);
    const updated = await updateForeignPlaceRow(tx, existing.id, patch);
    return { place: updated ?? merged, created: false };
  }
  const geo = input.nameEn ? (await findGazetteer(tx, input.countryIso2, [nameKeyOf(input.nameEn)]))[0] : undefined;
  const row: NewForeignPlace = {
    countryIso2: input.countryIso2,
    nameZh: input.nameZh ?? null,
    nameEn: input.nameEn ?? null,
    nameLocal: input.nameLocal ?? null,
    adminLevel: input.adminLevel ?? null,
    nameKey: placeKeyOf(input),
    lat: geo?.lat ?? null,
    lng: geo?.lng ?? null,
    population: geo?.population ?? null,
    geonamesId: geo?.geonamesId ?? null,
    search: '',
    sortKey: sortKeyOf(input.nameZh || input.nameEn),
  };
  row.search = placeSearchText(row, cache);
  return { place: await insertForeignPlace(tx, row), created: true };
}

async function findExistingPlace(tx: DbOrTx, input: ForeignPlaceInput): Promise<ForeignPlaceRow | undefined> {
  for (const name of [input.nameEn, input.nameZh]) {
    if (!name) continue;
    const found = await selectForeignPlaceByKey(tx, input.countryIso2, nameKeyOf(name));
    if (found) return found;
  }
  if (input.nameZh) {
    const byZh = await selectForeignPlacesByZh(tx, input.countryIso2, input.nameZh);
    if (byZh.length === 1) return byZh[0];
  }
  return undefined;
}

export async function getForeignPlace(db: DbOrTx, id: number): Promise<ForeignPlaceRow> {
  const place = await selectForeignPlace(db, id);
  if (!place) throw notFound('foreign place', id);
  return place;
}

export function unknownCountryIssue(path: string, value: string): FieldIssue {
  return {
    path,
    rule: 'unknown_country',
    value,
    message: `${value} is not a foreign country known to Amity`,
    fix: 'use an ISO 3166 alpha-2 code such as GH, or the country name in Chinese or English',
  };
}
