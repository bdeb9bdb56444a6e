/**
 * 友城匹配 over /api/match: the query hooks and the writes of the page. The types are the shared
 * schemas' (src/shared/schemas/match.ts), never repeated here.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CandidateExplained,
  Dismissal,
  MatchPolicyPut,
  MatchPolicyView,
  MatchRequest,
  MatchRequestCreate,
  MatchRequestUpdate,
  MutualMatch,
  Promoted,
  PromoteMatch,
  RequestStatusMove,
  ShortlistEntry,
  Suggestions,
} from '../../../shared/schemas/match';
import { ApiError, api, type Params, request } from '../../api/client';
import type { ListEnvelope } from '../../api/types';

export type { CandidateExplained, Promoted };

export const matchKeys = {
  all: ['match'] as const,
  requests: (params: Params) => ['match', 'requests', params] as const,
  mutual: (scope: string | undefined) => ['match', 'mutual', scope ?? ''] as const,
  suggestions: (params: Params) => ['match', 'suggestions', params] as const,
  candidate: (params: Params) => ['match', 'candidate', params] as const,
  shortlist: (cn: string) => ['match', 'shortlist', cn] as const,
  dismissals: (cn: string) => ['match', 'dismissals', cn] as const,
  policy: (scope: string) => ['match', 'policy', scope] as const,
};

export function useRequests(params: Params, enabled = true) {
  return useQuery({
    queryKey: matchKeys.requests(params),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<ListEnvelope<MatchRequest>>('/match/requests', params, signal),
  });
}

export function useMutualMatches(scope: string | undefined) {
  return useQuery({
    queryKey: matchKeys.mutual(scope),
    enabled: Boolean(scope),
    queryFn: ({ signal }) => api.get<MutualMatch[]>('/match/mutual', { scope }, signal),
  });
}

export function useSuggestions(params: Params | undefined) {
  return useQuery({
    queryKey: matchKeys.suggestions(params ?? {}),
    enabled: Boolean(params),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<Suggestions>('/match/suggestions', params, signal),
  });
}

/**
 * One candidate explained. A place of the registry is a candidate under its GeoNames id when the
 * gazetteer has it and under its own id otherwise, so the keys are tried in turn until one is known.
 */
export function useCandidate(keys: readonly string[], params: Params) {
  return useQuery({
    queryKey: matchKeys.candidate({ keys: keys.join(','), ...params }),
    enabled: keys.length > 0,
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2,
    queryFn: async ({ signal }) => {
      let missing: unknown;
      for (const key of keys) {
        try {
          return await api.get<CandidateExplained>(`/match/candidates/${key}`, params, signal);
        } catch (error) {
          if (!(error instanceof ApiError && error.isNotFound)) throw error;
          missing = error;
        }
      }
      throw missing;
    },
  });
}

export function useShortlist(cn: string | undefined) {
  return useQuery({
    queryKey: matchKeys.shortlist(cn ?? ''),
    enabled: Boolean(cn),
    queryFn: ({ signal }) => api.get<ShortlistEntry[]>('/match/shortlist', { cn }, signal),
  });
}

export function useDismissals(cn: string | undefined) {
  return useQuery({
    queryKey: matchKeys.dismissals(cn ?? ''),
    enabled: Boolean(cn),
    queryFn: ({ signal }) => api.get<Dismissal[]>('/match/dismissals', { cn }, signal),
  });
}

export function usePolicy(scope: string | undefined) {
  return useQuery({
    queryKey: matchKeys.policy(scope ?? ''),
    enabled: Boolean(scope),
    queryFn: ({ signal }) => api.get<MatchPolicyView>(`/match/policy/${scope}`, undefined, signal),
  });
}

/** The writes of the page; each refreshes everything of 友城匹配 it can change. */
export function useMatchWrites() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: matchKeys.all });
  const after = async <T>(write: Promise<T>): Promise<T> => {
    const result = await write;
    void refresh();
    return result;
  };
  return {
    createRequest: (body: MatchRequestCreate) => after(api.post<MatchRequest>('/match/requests', body)),
    updateRequest: (id: number, body: MatchRequestUpdate) =>
      after(api.patch<MatchRequest>(`/match/requests/${id}`, body)),
    moveRequest: (id: number, body: RequestStatusMove) =>
      after(api.post<MatchRequest>(`/match/requests/${id}/status`, body)),
    deleteRequest: (id: number, version: number) => after(api.delete(`/match/requests/${id}`, { version })),
    promote: (body: PromoteMatch) => {
      // The new pair shows in the registry's lists too.
      void queryClient.invalidateQueries({ queryKey: ['partnerships'] });
      return after(api.post<Promoted>('/match/mutual/promote', body));
    },
    shortlist: (cn: string, key: string, note: string | null) =>
      after(api.post<ShortlistEntry>('/match/shortlist', { cn, key, note })),
    updateShortlistNote: (id: number, note: string | null, version: number) =>
      after(api.patch<ShortlistEntry>(`/match/shortlist/${id}`, { note, version })),
    unshortlist: (id: number) => after(api.delete(`/match/shortlist/${id}`)),
    dismiss: (cn: string, key: string, reason: string) =>
      after(api.post<Dismissal>('/match/dismissals', { cn, key, reason })),
    restore: (id: number) => after(api.delete(`/match/dismissals/${id}`)),
    putPolicy: (scope: string, body: MatchPolicyPut) =>
      after(request<MatchPolicyView>('PUT', `/match/policy/${scope}`, { json: body })),
  };
}
