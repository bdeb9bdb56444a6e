/** Foreign places: found by country and name, created when new, enriched from the gazetteer. */

import { AppError, type FieldIssue, notFound, validationFailed } from '../../shared/errors.js';
import type { ListEnvelope } from '../../shared/list.js';
import type { ForeignPlaceInput } from '../../shared/schemas/partnership.js';
import type { DivisionListQuery, ForeignPlaceListQuery, ForeignPlaceUpdateInput } from '../../shared/schemas/place.js';
import type { CountryGroupView, CountryView, DivisionView, ForeignPlaceView } from '../../shared/schemas/place-view.js';
import { buildSearchText, nameKeyOf, normalizeQuery, sortKeyOf } from '../../shared/text.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type Actor, assertCanAdmin } from '../auth/actor.js';
import type { DbOrTx } from '../db/client.js';
import { findGazetteer, upsertGroup } from '../reference/reference.repo.js';
import { presentForeignPlace } from './place.presenter.js';
import {
  type ForeignPlaceRow,
  insertForeignPlace,
  type NewForeignPlace,
  selectDivisionPage,
  selectForeignPlace,
  selectForeignPlaceByKey,
  selectForeignPlacePage,
  selectForeignPlacesByZh,
  selectGroupsWithMembers,
  updateForeignPlaceRow,
} from './place.repo.js';
import { divisionPath, getReferenceCache, type ReferenceCache } from './reference-cache.js';

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
    // Two places can share a Chinese transliteration (斯普林菲尔德 for several Springfields): a
    // Chinese name matches only a single place, and never one whose English name differs.
    const byZh = await selectForeignPlacesByZh(tx, input.countryIso2, input.nameZh);
    const only = byZh.length === 1 ? byZh[0] : undefined;
    if (only && (!input.nameEn || !only.nameEn)) return only;
  }
  return undefined;
}

/** The place of a country known by this English or Chinese name (its identity key), if any. */
export async function findForeignPlaceByName(
  db: DbOrTx,
  countryIso2: string,
  name: string,
): Promise<ForeignPlaceRow | undefined> {
  return selectForeignPlaceByKey(db, countryIso2, nameKeyOf(name));
}

/** Reference data and places are read by anyone who may read the registry (signed in, or a public deployment). */
function assertReader(_actor: Actor): void {}

/** A foreign place, for whoever may read the registry. */
export async function readForeignPlace({
  db,
  actor,
  id,
}: {
  db: DbOrTx;
  actor: Actor;
  id: number;
}): Promise<ForeignPlaceRow> {
  assertReader(actor);
  return getForeignPlace(db, id);
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

export async function listDivisions({
  db,
  actor,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  query: DivisionListQuery;
}): Promise<ListEnvelope<DivisionView>> {
  assertReader(actor);
  const q = query.q ? normalizeQuery(query.q) : undefined;
  const { rows, total } = await selectDivisionPage(
    db,
    { parentCode: query.parent, level: query.level, q },
    { limit: query.perPage, offset: (query.page - 1) * query.perPage },
  );
  const cache = getReferenceCache();
  const data = rows.map((row) => {
    const division = cache.divisions.get(row.code);
    return {
      code: row.code,
      nameZh: row.nameZh,
      nameEn: row.nameEn,
      level: row.level,
      parentCode: row.parentCode,
      path: division ? divisionPath(cache, division) : row.nameZh,
    };
  });
  return { data, total, page: query.page, perPage: query.perPage };
}

export async function listForeignPlaces({
  db,
  actor,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  query: ForeignPlaceListQuery;
}): Promise<ListEnvelope<ForeignPlaceView>> {
  assertReader(actor);
  const q = query.q ? normalizeQuery(query.q) : undefined;
  const { rows, total } = await selectForeignPlacePage(
    db,
    { countryIso2: query.country, q },
    { limit: query.perPage, offset: (query.page - 1) * query.perPage },
  );
  return { data: rows.map(presentForeignPlace), total, page: query.page, perPage: query.perPage };
}

/**
 * Writes a correction of a place (names, coordinates) inside the caller's transaction, with its
 * audit entry: the place keeps at least one name and is re-keyed by it, and a rename onto another
 * place of the same country is a conflict. Who may do it is the caller's to check (the pairs of the
 * place decide: partnerships/partner-place.service.ts).
 */
export async function correctForeignPlace(
  tx: DbOrTx,
  actor: Actor,
  current: ForeignPlaceRow,
  input: ForeignPlaceUpdateInput,
): Promise<void> {
  const merged = { ...current, ...definedFields(input) };
  if (!merged.nameZh && !merged.nameEn) {
    throw validationFailed([
      { path: 'nameEn', rule: 'required', message: 'a place needs nameZh or nameEn', fix: 'keep at least one name' },
    ]);
  }
  const nameKey = placeKeyOf(merged);
  if (nameKey !== current.nameKey) {
    const clash = await selectForeignPlaceByKey(tx, current.countryIso2, nameKey);
    if (clash && clash.id !== current.id) {
      throw new AppError('conflict', `foreign place #${clash.id} already has this name in this country`, {
        existingId: clash.id,
      });
    }
  }
  await updateForeignPlaceRow(tx, current.id, {
    ...definedFields(input),
    nameKey,
    search: placeSearchText(merged, getReferenceCache()),
    sortKey: sortKeyOf(merged.nameZh || merged.nameEn),
  });
  await writeAudit(tx, actor, {
    entity: 'foreign_place',
    entityId: current.id,
    action: 'update',
    before: current,
    after: { ...current, ...definedFields(input), nameKey },
  });
}

/** The fields of a patch that are set (undefined means: keep). */
export function definedFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function listCountries(actor: Actor): CountryView[] {
  assertReader(actor);
  return [...getReferenceCache().countries.values()];
}

export async function listGroups({ db, actor }: { db: DbOrTx; actor: Actor }): Promise<CountryGroupView[]> {
  assertReader(actor);
  const groups = await selectGroupsWithMembers(db);
  return groups.map((g) => ({
    code: g.code,
    nameZh: g.nameZh,
    nameEn: g.nameEn,
    description: g.description,
    source: g.source,
    members: g.members.map((m) => ({ iso2: m.countryIso2, joinedOn: m.joinedOn, source: m.source })),
  }));
}

export type CountryGroupInput = {
  code: string;
  nameZh: string;
  nameEn: string;
  description: string | null;
  source: string | null;
  members: { iso2: string; joinedOn: string | null; source: string | null }[];
};

/**
 * Writes an office's own country group whole (its members replaced), audited. The shipped group
 * bri is reference data and is never written here.
 */
export async function putCountryGroup({ db, actor, group }: { db: DbOrTx; actor: Actor; group: CountryGroupInput }) {
  assertCanAdmin(actor, actor.scopeCode);
  const cache = getReferenceCache();
  const issues: FieldIssue[] = [];
  if (group.code === 'bri') {
    issues.push({
      path: 'code',
      rule: 'reference_group',
      value: group.code,
      message: 'bri is the shipped Belt and Road group',
      fix: 'give your own group another code',
    });
  }
  group.members.forEach((m, i) => {
    if (!cache.countries.has(m.iso2)) issues.push(unknownCountryIssue(`members.${i}.iso2`, m.iso2));
  });
  if (issues.length) throw validationFailed(issues);
  const { members, ...row } = group;
  await upsertGroup(
    db,
    row,
    members.map((m) => ({ groupCode: group.code, countryIso2: m.iso2, joinedOn: m.joinedOn, source: m.source })),
  );
  await writeAudit(db, actor, { entity: 'country_group', entityId: 0, action: 'update', after: group });
}
