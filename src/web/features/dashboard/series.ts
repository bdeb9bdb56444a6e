/**
 * Series for the dashboard's charts, from the partnerships of a scope. They follow the counting
 * rules of the figures API (src/server/figures/figure.service.ts): a pair counts from its
 * established date (a partial date from its first day) until its ended date (exclusive); a pair
 * without a date counts as existing but is never "new" in a year.
 */
import type { Partnership } from '../../api/types';

type Dated = Pick<Partnership, 'establishedOn' | 'endedOn'>;

/** "2018" → "2018-01-01", "2018-06" → "2018-06-01". */
export function startOf(partial: string): string {
  if (partial.length === 4) return `${partial}-01-01`;
  if (partial.length === 7) return `${partial}-01`;
  return partial;
}

export function existsOn(p: Dated, asOf: string): boolean {
  if (p.establishedOn && startOf(p.establishedOn) > asOf) return false;
  if (p.endedOn && p.endedOn <= asOf) return false;
  return true;
}

export type YearSeries = {
  years: number[];
  /** Established in that year (on or before asOf), whatever happened later. */
  added: number[];
  /** In force at the end of that year (or on asOf for its own year). */
  inForce: number[];
  /** Pairs in force on asOf without a date: counted in no year. */
  undated: number;
};

export function perYear(partnerships: readonly Dated[], asOf: string): YearSeries {
  const lastYear = Number(asOf.slice(0, 4));
  const dated = partnerships.filter((p) => p.establishedOn && startOf(p.establishedOn) <= asOf);
  const undated = partnerships.filter((p) => !p.establishedOn && existsOn(p, asOf)).length;
  if (dated.length === 0) return { years: [], added: [], inForce: [], undated };
  const firstYear = Math.min(...dated.map((p) => Number((p.establishedOn as string).slice(0, 4))));
  const years: number[] = [];
  const added: number[] = [];
  const inForce: number[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const end = year === lastYear ? asOf : `${year}-12-31`;
    years.push(year);
    added.push(dated.filter((p) => (p.establishedOn as string).startsWith(String(year))).length);
    inForce.push(dated.filter((p) => existsOn(p, end)).length);
  }
  return { years, added, inForce, undated };
}

export type CountryCount = { iso2: string; nameZh: string; nameEn: string; count: number };

/** Partner countries by the number of pairs in force on asOf, most first (ties by code). */
export function topCountries(partnerships: readonly Partnership[], asOf: string, limit = 10): CountryCount[] {
  const counts = new Map<string, CountryCount>();
  for (const p of partnerships) {
    if (!existsOn(p, asOf)) continue;
    const c = p.partner.country;
    const entry = counts.get(c.iso2) ?? { iso2: c.iso2, nameZh: c.nameZh, nameEn: c.nameEn, count: 0 };
    entry.count += 1;
    counts.set(c.iso2, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.iso2.localeCompare(b.iso2)).slice(0, limit);
}
