/**
 * The search texts and sort keys of imported places and pairs, built exactly as the services build
 * them but with each part (a name, a division, a country) computed once per import.
 */
import { LEVEL_OF_DIVISION } from '../../shared/enums.js';
import { buildSearchText, sortKeyOf } from '../../shared/text.js';
import { type Division, getReferenceCache } from '../places/reference-cache.js';
import { normalizeFast, PRINTABLE_ASCII } from './values.js';

/** Search text and sort keys exactly as the services build them, with each part computed once. */
export class DerivedText {
  private readonly parts = new Map<string, string>();
  private readonly sortKeys = new Map<string, string>();
  private readonly divisions = new Map<string, string>();
  private readonly countries = new Map<string, string>();

  part(text: string | null | undefined): string {
    if (!text) return '';
    let hit = this.parts.get(text);
    if (hit === undefined) {
      hit = PRINTABLE_ASCII.test(text) ? normalizeFast(text) : buildSearchText([text]);
      this.parts.set(text, hit);
    }
    return hit;
  }

  search(parts: readonly (string | null | undefined)[]): string {
    let out = '';
    for (const p of parts) {
      const text = this.part(p);
      if (!text) continue;
      out = out ? `${out} | ${text}` : text;
    }
    return out;
  }

  sortKey(text: string | null | undefined): string {
    const key = text ?? '';
    let hit = this.sortKeys.get(key);
    if (hit === undefined) {
      hit = text && PRINTABLE_ASCII.test(text) ? normalizeFast(text) : sortKeyOf(text);
      this.sortKeys.set(key, hit);
    }
    return hit;
  }

  /** The division's share of a pair's search text: its names and its province's. */
  divisionSearch(division: Division): string {
    let hit = this.divisions.get(division.code);
    if (hit === undefined) {
      const province = getReferenceCache().divisions.get(division.provinceCode);
      hit = this.search([
        division.nameZh,
        division.nameEn,
        province && province.code !== division.code ? province.nameZh : undefined,
      ]);
      this.divisions.set(division.code, hit);
    }
    return hit;
  }

  placeSearch(place: { nameZh: string | null; nameEn: string | null; nameLocal: string | null }): string {
    return this.search([place.nameZh, place.nameEn, place.nameLocal]);
  }

  countrySearch(iso2: string): string {
    let hit = this.countries.get(iso2);
    if (hit === undefined) {
      const country = getReferenceCache().countries.get(iso2);
      hit = this.search([country?.nameZh, country?.nameEn]);
      this.countries.set(iso2, hit);
    }
    return hit;
  }

  /** Same as derivedColumns() of the partnership service. */
  partnership(
    division: Division,
    place: { countryIso2: string; nameZh: string | null; nameEn: string | null; nameLocal: string | null },
  ) {
    return {
      level: LEVEL_OF_DIVISION[division.level],
      provinceCode: division.provinceCode,
      prefectureCode: division.prefectureCode,
      countryIso2: place.countryIso2,
      search: joinParts([
        this.divisionSearch(division),
        this.placeSearch(place),
        this.countrySearch(place.countryIso2),
      ]),
      sortKey: `${this.sortKey(division.nameZh)} / ${this.sortKey(place.nameZh || place.nameEn)}`,
    };
  }

  /** Same as placeSearchText() of the place service. */
  place(place: { countryIso2: string; nameZh: string | null; nameEn: string | null; nameLocal: string | null }) {
    return joinParts([this.placeSearch(place), this.countrySearch(place.countryIso2)]);
  }
}

/** Search texts join their parts' tokens with " | ", so a text can be put together from parts. */
export function joinParts(parts: readonly string[]): string {
  return parts.filter(Boolean).join(' | ');
}
