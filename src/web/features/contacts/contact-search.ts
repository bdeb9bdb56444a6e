/**
 * The address parameters of the contact lists. Kept apart from the API module and free of zod, as
 * the router (in the first chunk) validates them.
 */
import type { ContactCategory } from '../../../shared/schemas/contact';

/** CONTACT_CATEGORIES of the shared schema, repeated here so that zod stays out of the first chunk. */
export const CATEGORIES = [
  'partner_official',
  'overseas_chinese',
  'international_friend',
  'expert',
  'other',
] as const satisfies readonly ContactCategory[];

/** The address of the contact list: search text, categories and page. */
export type ContactSearch = { scope?: string; asOf?: string; q?: string; category?: ContactCategory[]; page?: number };
export type SilentSearch = {
  scope?: string;
  asOf?: string;
  months?: number;
  category?: ContactCategory[];
  page?: number;
};

type Raw = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const int = (v: unknown, min: number, max: number) => {
  const n = typeof v === 'number' ? v : Number(str(v));
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};
const categories = (v: unknown) => {
  const list = (Array.isArray(v) ? v.map(String) : (str(v)?.split(',') ?? [])).filter((c): c is ContactCategory =>
    (CATEGORIES as readonly string[]).includes(c),
  );
  return list.length ? list : undefined;
};

export function validateContactSearch(raw: Raw): ContactSearch {
  const page = int(raw.page, 1, 1_000_000);
  return {
    scope: str(raw.scope),
    asOf: str(raw.asOf),
    q: str(raw.q)?.slice(0, 200),
    category: categories(raw.category),
    page: page === 1 ? undefined : page,
  };
}

export function validateSilentSearch(raw: Raw): SilentSearch {
  const page = int(raw.page, 1, 1_000_000);
  const months = int(raw.months, 1, 600);
  return {
    scope: str(raw.scope),
    asOf: str(raw.asOf),
    months: months === 12 ? undefined : months,
    category: categories(raw.category),
    page: page === 1 ? undefined : page,
  };
}
