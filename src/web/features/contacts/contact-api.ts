/** Types, search parameters and data hooks of contacts (TanStack Query over /api/contacts). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ContactCategory } from '../../../shared/schemas/contact';
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

export type PostHolder = {
  role: ContactRole;
  contact: Pick<ContactSummary, 'id' | 'category' | 'nameZh' | 'nameEn' | 'nameOriginal' | 'isDemo'>;
};

export function usePostHolders(params: { post?: string; at?: string; cn?: string }) {
  return useQuery({
    queryKey: contactKeys.holders(params),
    enabled: Boolean(params.post),
    queryFn: ({ signal }) =>
      api.get<{ at: string | null; data: PostHolder[] }>('/contacts/post-holders', params, signal),
  });
}

/** The name to show first: Chinese in Chinese, English in English, else whichever there is. */
export function contactName(c: Pick<ContactSummary, 'nameZh' | 'nameEn' | 'nameOriginal'>, lang: string): string {
  const first = lang === 'zh-CN' ? (c.nameZh ?? c.nameEn) : (c.nameEn ?? c.nameZh);
  return first ?? c.nameOriginal ?? '—';
}
