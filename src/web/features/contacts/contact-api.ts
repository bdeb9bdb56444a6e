/** Types, search parameters and data hooks of contacts (TanStack Query over /api/contacts). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  ContactView as Contact,
  ContactRoleView as ContactRole,
  ContactSummaryView as ContactSummary,
  ContactTouchView as ContactTouch,
  PostHolderView as PostHolder,
  PostHoldersView,
  SilentListView as SilentList,
} from '../../../shared/schemas/contact-view';
import { api, type Params } from '../../api/client';
import type { ListEnvelope } from '../../api/types';

export type { Contact, ContactRole, ContactSummary, ContactTouch, PostHolder, SilentList };

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

export function usePostHolders(params: { post?: string; at?: string; cn?: string }) {
  return useQuery({
    queryKey: contactKeys.holders(params),
    enabled: Boolean(params.post),
    queryFn: ({ signal }) => api.get<PostHoldersView>('/contacts/post-holders', params, signal),
  });
}

/** The name to show first: Chinese in Chinese, English in English, else whichever there is. */
export function contactName(c: Pick<ContactSummary, 'nameZh' | 'nameEn' | 'nameOriginal'>, lang: string): string {
  const first = lang === 'zh-CN' ? (c.nameZh ?? c.nameEn) : (c.nameEn ?? c.nameZh);
  return first ?? c.nameOriginal ?? '—';
}
