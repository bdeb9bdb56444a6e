/**
 * The partner places of an import: every place the rows may mean read in one statement, each row's
 * place found the way the place service finds it (same country, and the same English or Chinese
 * name) or planned as a new one, and then the writes — new places with coordinates from the
 * gazetteer, missing names filled in (never overwritten), and the pairs of a renamed place re-keyed.
 */
import type { AdminLevel } from '../../shared/enums.js';
import type { DbOrTx } from '../db/client.js';
import { type Division, getReferenceCache } from '../places/reference-cache.js';
import type { DerivedText } from './derived-text.js';
import { selectPartnershipsOfPlaces, updatePartnershipSearch } from './import.repo.js';
import {
  insertPlaces,
  type NewPlace,
  type PlaceRecord,
  selectGazetteerBest,
  selectPlacesForImport,
  updatePlaces,
} from './place-import.repo.js';
import { nameKeyFast } from './values.js';

/** A partner place as the import sees it: one already stored, or one the import will create. */
export type PlaceRef = {
  uid: number;
  id: number | undefined;
  countryIso2: string;
  nameZh: string | null;
  nameEn: string | null;
  nameLocal: string | null;
  adminLevel: string | null;
  nameKey: string;
};

/** What a row says about its partner place. */
export type PlaceQuery = {
  countryIso2: string;
  nameZh: string | null | undefined;
  nameEn: string | null | undefined;
  /** nameKeyOf() of the two names, '' when absent. */
  enKey: string;
  zhKey: string;
  nameLocal: string | null | undefined;
  adminLevel: AdminLevel | null | undefined;
};

/** Every stored place the rows may mean, in one read, ready to resolve each row's. */
export async function readPartnerPlaces(tx: DbOrTx, rows: readonly PlaceQuery[]): Promise<PlaceResolver> {
  const byKey: [string, string][] = [];
  const byZh: [string, string][] = [];
  const byEn: [string, string][] = [];
  for (const r of rows) {
    if (r.nameEn) {
      byKey.push([r.countryIso2, r.enKey]);
      byEn.push([r.countryIso2, r.nameEn]);
    }
    if (r.nameZh) {
      byKey.push([r.countryIso2, r.zhKey]);
      byZh.push([r.countryIso2, r.nameZh]);
    }
  }
  return new PlaceResolver(
    await selectPlacesForImport(tx, {
      byKey: distinctPairs(byKey),
      byZh: distinctPairs(byZh),
      byEn: distinctPairs(byEn),
    }),
  );
}

/** Writes the places an import planned: new ones (with gazetteer coordinates), names filled in. */
export async function writePartnerPlaces(tx: DbOrTx, resolver: PlaceResolver, text: DerivedText): Promise<void> {
  const geoPairs = resolver.created
    .filter((p) => p.nameEn)
    .map((p) => [p.countryIso2, nameKeyFast(p.nameEn as string)] as [string, string]);
  const geo = new Map(
    (await selectGazetteerBest(tx, geoPairs)).map((g) => [`${g.countryIso2}|${g.nameKey}`, g] as const),
  );
  const newPlaces: NewPlace[] = resolver.created.map((p) => {
    const hit = p.nameEn ? geo.get(`${p.countryIso2}|${nameKeyFast(p.nameEn)}`) : undefined;
    return {
      countryIso2: p.countryIso2,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      nameLocal: p.nameLocal,
      adminLevel: p.adminLevel,
      nameKey: p.nameKey,
      lat: hit?.lat ?? null,
      lng: hit?.lng ?? null,
      population: hit?.population ?? null,
      geonamesId: hit?.geonamesId ?? null,
      placeSearch: text.placeSearch(p),
      countrySearch: text.countrySearch(p.countryIso2),
      sortKey: text.sortKey(p.nameZh || p.nameEn),
    };
  });
  const ids = await insertPlaces(tx, newPlaces);
  for (const p of resolver.created) p.id = ids.get(`${p.countryIso2}|${p.nameKey}`);

  const patched = [...resolver.patched];
  if (patched.length) {
    await updatePlaces(
      tx,
      patched.map((p) => ({
        id: p.id as number,
        nameZh: p.nameZh,
        nameEn: p.nameEn,
        nameLocal: p.nameLocal,
        adminLevel: p.adminLevel,
        search: text.place(p),
      })),
    );
    // Every pair of a renamed place is found by its new names too.
    const byId = new Map(patched.map((p) => [p.id as number, p]));
    const cache = getReferenceCache();
    const pairs = await selectPartnershipsOfPlaces(tx, [...byId.keys()]);
    await updatePartnershipSearch(
      tx,
      pairs.map((pair) => {
        const derived = text.partnership(
          cache.divisions.get(pair.cnCode) as Division,
          byId.get(pair.foreignPlaceId) as PlaceRef,
        );
        return { id: pair.id, search: derived.search, sortKey: derived.sortKey };
      }),
    );
  }
}

/** Finds or plans the partner place of every row: existing places come from one bulk read. */
export class PlaceResolver {
  private readonly byKey = new Map<string, PlaceRef>();
  private readonly byEn = new Map<string, PlaceRef[]>();
  private readonly byZh = new Map<string, PlaceRef[]>();
  readonly created: PlaceRef[] = [];
  /** Existing places whose missing names the import fills in. */
  readonly patched = new Set<PlaceRef>();
  private nextUid = 1;

  constructor(existing: readonly PlaceRecord[]) {
    for (const p of existing) {
      this.register({ ...p, uid: this.nextUid++, id: p.id });
    }
  }

  private register(ref: PlaceRef): void {
    const keyed = `${ref.countryIso2}|${ref.nameKey}`;
    if (!this.byKey.has(keyed)) this.byKey.set(keyed, ref);
    this.index(ref);
  }

  private index(ref: PlaceRef): void {
    if (ref.nameEn) push(this.byEn, `${ref.countryIso2}|${nameKeyFast(ref.nameEn)}`, ref);
    if (ref.nameZh) push(this.byZh, `${ref.countryIso2}|${ref.nameZh}`, ref);
  }

  /** The place a row means, or the places it could mean when its Chinese name alone fits several. */
  resolve(row: PlaceQuery): PlaceRef | { ambiguous: PlaceRef[] } {
    const c = row.countryIso2;
    const { enKey, zhKey } = row;
    // A place found by its Chinese name is not this one when both have English names that differ
    // (two Springfields may share 斯普林菲尔德).
    const sameEnglish = (ref: PlaceRef | undefined) =>
      ref && (!enKey || !ref.nameEn || nameKeyFast(ref.nameEn) === enKey) ? ref : undefined;
    const found =
      (enKey ? this.byKey.get(`${c}|${enKey}`) : undefined) ??
      (enKey ? only(this.byEn.get(`${c}|${enKey}`)) : undefined) ??
      (zhKey ? sameEnglish(this.byKey.get(`${c}|${zhKey}`)) : undefined) ??
      (row.nameZh ? sameEnglish(only(this.byZh.get(`${c}|${row.nameZh}`))) : undefined);
    if (!found && !enKey && row.nameZh) {
      const candidates = this.byZh.get(`${c}|${row.nameZh}`) ?? [];
      if (candidates.length > 1) return { ambiguous: candidates };
    }
    if (!found) {
      const ref: PlaceRef = {
        uid: this.nextUid++,
        id: undefined,
        countryIso2: c,
        nameZh: row.nameZh ?? null,
        nameEn: row.nameEn ?? null,
        nameLocal: row.nameLocal ?? null,
        adminLevel: row.adminLevel ?? null,
        // placeKeyOf(): the English name's key, else the Chinese name's.
        nameKey: enKey || zhKey,
      };
      this.register(ref);
      this.created.push(ref);
      return ref;
    }
    let filled = false;
    if (!found.nameZh && row.nameZh) {
      found.nameZh = row.nameZh;
      filled = true;
    }
    if (!found.nameEn && row.nameEn) {
      found.nameEn = row.nameEn;
      filled = true;
    }
    if (!found.nameLocal && row.nameLocal) {
      found.nameLocal = row.nameLocal;
      filled = true;
    }
    if (!found.adminLevel && row.adminLevel) {
      found.adminLevel = row.adminLevel;
      filled = true;
    }
    if (filled) {
      if (found.id !== undefined) this.patched.add(found);
      this.index(found);
    }
    return found;
  }
}

function distinctPairs(pairs: [string, string][]): [string, string][] {
  const seen = new Set<string>();
  return pairs.filter(([a, b]) => {
    const key = `${a}|${b}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function only<T>(list: T[] | undefined): T | undefined {
  return list?.length === 1 ? list[0] : undefined;
}
