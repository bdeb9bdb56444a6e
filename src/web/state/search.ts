/**
 * The state held in the address bar, so every view can be bookmarked, shared and reloaded:
 * scope and as-of date (kept across pages), the list's filters, the dashboard's choices.
 * The URL is a plain query string ("level=city,county&q=changsha"); each route validates its part
 * and silently drops what it does not understand.
 */
import { parsePartialDate } from '../../shared/dates';
import { CONTINENTS, KINDS, type Kind, LEVELS, STATUSES } from '../../shared/enums';
import { STAGES } from '../../shared/lifecycle';
import type { PARTNERSHIP_SORTS as SHARED_SORTS } from '../../shared/schemas/partnership';

type Raw = Record<string, unknown>;

/** "a=1&b=x,y" → { a: "1", b: "x,y" }: every value a string; the routes type them. */
export function parseSearch(search: string): Raw {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const out: Raw = {};
  for (const [key, value] of params) out[key] = value;
  return out;
}

/** The reverse: arrays become comma-separated, empty values and defaults left out, keys sorted. */
export function stringifySearch(search: Raw): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(search).sort()) {
    const value = search[key];
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function divisionCode(value: unknown): string | undefined {
  const s = text(value);
  return s && /^\d{6}$/.test(s) ? s : undefined;
}

export function day(value: unknown): string | undefined {
  const s = text(value);
  return s && parsePartialDate(s)?.precision === 'day' && s.length === 10 ? s : undefined;
}

export function integer(value: unknown, min: number, max: number): number | undefined {
  const s = text(value);
  if (s === undefined || !/^-?\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= min && n <= max ? n : undefined;
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  const s = text(value);
  return s !== undefined && (allowed as readonly string[]).includes(s) ? (s as T) : undefined;
}

/** "city,county" or ["city","county"] → the allowed values, in order, without repeats. */
function listOf<T extends string>(allowed: readonly T[] | ((s: string) => boolean), value: unknown): T[] | undefined {
  const parts = Array.isArray(value) ? value.map(String) : (text(value)?.split(',') ?? []);
  const ok = (s: string) => (typeof allowed === 'function' ? allowed(s) : (allowed as readonly string[]).includes(s));
  const out = [...new Set(parts.map((p) => p.trim()).filter((p) => p !== '' && ok(p)))] as T[];
  return out.length > 0 ? out : undefined;
}

/**
 * Kept on every page, together: the scope (a GB/T 2260 code), the as-of day (today when absent)
 * and the year "new since" counts from (five years before the as-of day when absent).
 */
export type GlobalSearch = { scope?: string; asOf?: string; since?: number };

export function validateGlobalSearch(raw: Raw): GlobalSearch {
  return { scope: divisionCode(raw.scope), asOf: day(raw.asOf), since: integer(raw.since, 1900, 9999) };
}

/** The year "new since" counts from when none is chosen: five years before the as-of date. */
export function defaultSinceYear(asOf: string): number {
  return Number(asOf.slice(0, 4)) - 5;
}

/**
 * The search after a new as-of day is chosen: the since-year in force stays (it is written down
 * when it was only the default), unless it falls after the new day's year.
 */
export function withAsOf<T extends GlobalSearch>(prev: T, asOf: string | undefined, today: string = localToday()): T {
  const since = prev.since ?? defaultSinceYear(prev.asOf ?? today);
  const year = Number((asOf ?? today).slice(0, 4));
  return { ...prev, asOf, since: since <= year ? since : undefined };
}

/** The sorts of the list API, repeated here so the first load carries no zod (checked below). */
export const PARTNERSHIP_SORTS = ['name', '-name', 'established', '-established', 'country', 'level', 'id'] as const;
export type PartnershipSort = (typeof PARTNERSHIP_SORTS)[number];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sortsMatch: Same<PartnershipSort, (typeof SHARED_SORTS)[number]> = true;
void sortsMatch;

export type PartnershipSearch = GlobalSearch & {
  q?: string;
  level?: (typeof LEVELS)[number][];
  kind?: (typeof KINDS)[number][];
  status?: (typeof STATUSES)[number][];
  stage?: (typeof STAGES)[number][];
  country?: string[];
  continent?: (typeof CONTINENTS)[number][];
  group?: string;
  /** One foreign place (by id): its pairs with every Chinese partner in the scope. */
  place?: number;
  yearFrom?: number;
  yearTo?: number;
  sort?: PartnershipSort;
  page?: number;
  perPage?: number;
};

export const PER_PAGE_CHOICES = [20, 50, 100, 200] as const;

export function validatePartnershipSearch(raw: Raw): PartnershipSearch {
  const q = text(raw.q)?.slice(0, 200);
  const group = text(raw.group);
  const sort = oneOf(PARTNERSHIP_SORTS, raw.sort);
  const page = integer(raw.page, 1, 1_000_000);
  const perPage = integer(raw.perPage, 1, 500);
  return {
    ...validateGlobalSearch(raw),
    q,
    level: listOf(LEVELS, raw.level),
    kind: listOf(KINDS, raw.kind),
    status: listOf(STATUSES, raw.status),
    stage: listOf(STAGES, raw.stage),
    country: listOf<string>((s) => /^[A-Z]{2}$/.test(s), raw.country),
    continent: listOf(CONTINENTS, raw.continent),
    group: group && /^[a-z0-9_-]{1,40}$/.test(group) ? group : undefined,
    place: integer(raw.place, 1, 2_147_483_647),
    yearFrom: integer(raw.yearFrom, 1000, 9999),
    yearTo: integer(raw.yearTo, 1000, 9999),
    sort: sort === 'name' ? undefined : sort,
    page: page === 1 ? undefined : page,
    perPage: perPage === 50 ? undefined : perPage,
  };
}

/** The API query of a list view: the scope becomes the `cn` filter (the scope and all under it). */
export function partnershipQuery(search: PartnershipSearch, defaultScope: string | undefined) {
  const scope = search.scope ?? defaultScope;
  return {
    cn: scope && scope !== '000000' ? scope : undefined,
    q: search.q,
    level: search.level,
    kind: search.kind,
    status: search.status,
    stage: search.stage,
    country: search.country,
    continent: search.continent,
    group: search.group,
    place: search.place,
    yearFrom: search.yearFrom,
    yearTo: search.yearTo,
    sort: search.sort ?? 'name',
    page: search.page ?? 1,
    perPage: search.perPage ?? 50,
  };
}

/** Does the list have any filter beyond the scope? (The "clear filters" button shows when it has.) */
export function hasFilters(search: PartnershipSearch): boolean {
  return Boolean(
    search.q ||
      search.level ||
      search.kind ||
      search.status ||
      search.stage ||
      search.country ||
      search.continent ||
      search.group ||
      search.place ||
      search.yearFrom ||
      search.yearTo,
  );
}

export type DashboardSearch = GlobalSearch & { kind?: Kind };

export function validateDashboardSearch(raw: Raw): DashboardSearch {
  const kind = oneOf(KINDS, raw.kind);
  return {
    ...validateGlobalSearch(raw),
    since: integer(raw.since, 1900, 9999),
    kind: kind === 'friendship' ? undefined : kind,
  };
}

export type RecordsSearch = DashboardSearch & { page?: number };

export function validateRecordsSearch(raw: Raw): RecordsSearch {
  const page = integer(raw.page, 1, 1_000_000);
  return { ...validateDashboardSearch(raw), page: page === 1 ? undefined : page };
}

export type MapSearch = GlobalSearch & {
  level?: (typeof LEVELS)[number][];
  kind?: (typeof KINDS)[number][];
  status?: (typeof STATUSES)[number][];
  country?: string[];
  group?: string;
  yearFrom?: number;
  yearTo?: number;
};

export function validateMapSearch(raw: Raw): MapSearch {
  const p = validatePartnershipSearch(raw);
  return {
    scope: p.scope,
    asOf: p.asOf,
    level: p.level,
    kind: p.kind,
    status: p.status,
    country: p.country,
    group: p.group,
    yearFrom: p.yearFrom,
    yearTo: p.yearTo,
  };
}

/** The province a division belongs to: 430104 → 430000. */
export function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/** Today as YYYY-MM-DD in the user's own time zone (the as-of date a person means by "today"). */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
