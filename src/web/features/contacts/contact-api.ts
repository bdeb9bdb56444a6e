/** Types, search parameters and data hooks of contacts (TanStack Query over /api/contacts). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CONTACT_CATEGORIES, type ContactCategory } from '../../../shared/schemas/contact';
import { api, type Params } from '../../api/client';
import type { ListEnvelope } from '../../api/types';

export type ContactRole = {
  id: number;
  organisation: string;
  post: string;
  from: string;
  to: string | null;
  isCurrent: boolean;
};

export type ContactSummary = {
  id: number;
  cnCode: string;
  cnNameZh: string;
  cnNameEn: string;
  category: ContactCategory;
  nameZh: string | null;
  nameEn: string | null;
  nameOriginal: string | null;
  countryIso2: string | null;
  city: string | null;
  organisation: string | null;
  currentRoles: ContactRole[];
  lastContact: string | null;
  isDemo: boolean;
  version: number;
};

export type ContactTouch = {
  id: number;
  contactId: number;
  touchedOn: string;
  channel: string;
  note: string | null;
  isDemo: boolean;
};

export type Contact = ContactSummary & {
  languages: string[];
  email: string | null;
  phone: string | null;
  notes: string | null;
  roles: ContactRole[];
  partnershipIds: number[];
  partnerships: {
    id: number;
    cnCode: string;
    cnNameZh: string;
    cnNameEn: string;
    countryIso2: string;
    partnerNameZh: string | null;
    partnerNameEn: string | null;
  }[];
  activityIds: number[];
  activities: {
    id: number;
    partnershipId: number;
    type: string;
    occurredOn: string;
    titleZh: string | null;
    titleEn: string | null;
  }[];
  touches: ContactTouch[];
};

export type SilentList = ListEnvelope<ContactSummary> & { asOf: string; months: number; cutoff: string };

/** The address of the contact list: search text, categories and page. */
export type ContactSearch = { scope?: string; asOf?: string; q?: string; category?: ContactCategory[]; page?: number };
export type SilentSearch = { scope?: string; asOf?: string; months?: number; category?: ContactCategory[]; page?: number };

type Raw = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const int = (v: unknown, min: number, max: number) => {
  const n = typeof v === 'number' ? v : Number(str(v));
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};
const categories = (v: unknown) => {
  const list = (Array.isArray(v) ? v.map(String) : (str(v)?.split(',') ?? [])).filter((c): c is ContactCategory =>
    (CONTACT_CATEGORIES as readonly string[]).includes(c),
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

export const PER_PAGE = 50;

export const contactKeys = {
  all: ['contacts'] as const,
  list: (params: Params) => ['contacts', 'list', params] as const,
  silent: (params: Params) => ['contacts', 'silent', params] as const,
  one: (id: number) => ['contacts', 'one', id] as const,
  holders: (params: Params) => ['contacts', 'holders', params] as const,
};

export function useContactList(params: Params, enabled = true) {
  return useQuery({
    queryKey: contactKeys.list(params),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<ListEnvelope<ContactSummary>>('/contacts', params, signal),
    retry: (count, error) => (error as { status?: number }).status !== 403 && count < 2,
  });
}

export function useSilentContacts(params: Params, enabled = true) {
  return useQuery({
    queryKey: contactKeys.silent(params),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<SilentList>('/contacts/silent', params, signal),
    retry: (count, error) => (error as { status?: number }).status !== 403 && count < 2,
  });
}

export function useContact(id: number) {
  return useQuery({
    queryKey: contactKeys.one(id),
    queryFn: ({ signal }) => api.get<Contact>(`/contacts/${id}`, undefined, signal),
    retry: (count, error) => ![403, 404].includes((error as { status?: number }).status ?? 0) && count < 2,
  });
}

export type PostHolder = { role: ContactRole; contact: Pick<ContactSummary, 'id' | 'category' | 'nameZh' | 'nameEn' | 'nameOriginal' | 'isDemo'> };

export function usePostHolders(params: { post?: string; at?: string; cn?: string }) {
  return useQuery({
    queryKey: contactKeys.holders(params),
    enabled: Boolean(params.post),
    queryFn: ({ signal }) => api.get<{ at: string | null; data: PostHolder[] }>('/contacts/post-holders', params, signal),
  });
}

/** The name to show first: Chinese in Chinese, English in English, else whichever there is. */
export function contactName(
  c: Pick<ContactSummary, 'nameZh' | 'nameEn' | 'nameOriginal'>,
  lang: string,
): string {
  const first = lang === 'zh-CN' ? (c.nameZh ?? c.nameEn) : (c.nameEn ?? c.nameZh);
  return first ?? c.nameOriginal ?? '—';
}
