/** Data hooks over /api (TanStack Query): one key per resource, so a save refreshes what shows it. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Kind } from '../../shared/enums';
import { NATIONAL_CODE } from '../../shared/enums';
import type { ConfigView } from '../../shared/schemas/config-view';
import { provinceOf } from '../state/search';
import { api, type Params } from './client';
import type {
  Activity,
  Benchmark,
  Country,
  CountryGroup,
  Division,
  FigureRecord,
  Figures,
  ListEnvelope,
  Partnership,
  RankRecord,
} from './types';

const REFERENCE = { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY } as const;

export const keys = {
  partnerships: ['partnerships'] as const,
  partnershipList: (params: Params) => ['partnerships', 'list', params] as const,
  partnershipAll: (params: Params) => ['partnerships', 'all', params] as const,
  partnership: (id: number) => ['partnerships', 'one', id] as const,
  activities: (partnershipId: number) => ['activities', partnershipId] as const,
  figures: ['figures'] as const,
  benchmarks: ['benchmarks'] as const,
};

/**
 * The scope shown when the address names none: the deployment's home scope (AMITY_HOME_SCOPE, from
 * /api/config); when none is configured, the province whose partnerships the registry holds (a
 * deployment serves one office), or the whole country when it holds none yet.
 */
const HOME_SCOPE_KEY = 'amity.homeScope';

export const defaultScopeQuery = () =>
  queryOptions({
    queryKey: ['defaultScope'],
    staleTime: 5 * 60 * 1000,
    gcTime: Number.POSITIVE_INFINITY,
    queryFn: async ({ signal }) => {
      const config = await api.get<ConfigView>('/config', {}, signal);
      let scope: string = config.homeScope?.code ?? NATIONAL_CODE;
      for (const params of config.homeScope
        ? []
        : [
            { level: 'provincial', perPage: 1, sort: 'id' },
            { perPage: 1, sort: 'id' },
          ]) {
        const page = await api.get<ListEnvelope<Partnership>>('/partnerships', params, signal);
        const first = page.data[0];
        if (first) {
          scope = provinceOf(first.cn.code);
          break;
        }
      }
      try {
        localStorage.setItem(HOME_SCOPE_KEY, scope);
      } catch {
        // Not remembered: it is found again next time.
      }
      return scope;
    },
    // The last answer is shown at once on the next visit, and checked in the background.
    initialData: () => {
      try {
        return localStorage.getItem(HOME_SCOPE_KEY) ?? undefined;
      } catch {
        return undefined;
      }
    },
    initialDataUpdatedAt: 0,
  });

/**
 * The scope shown when the address names none: the province whose partnerships the registry
 * holds (a deployment serves one office), or the whole country when it holds none yet.
 */
export function useDefaultScope() {
  return useQuery(defaultScopeQuery());
}

/** One division by its code (the list endpoint matches codes too). */
export function useDivision(code: string | undefined) {
  return useQuery({
    queryKey: ['division', code],
    enabled: Boolean(code) && code !== NATIONAL_CODE,
    ...REFERENCE,
    queryFn: async ({ signal }) => {
      const page = await api.get<ListEnvelope<Division>>('/divisions', { q: code, perPage: 5 }, signal);
      return page.data.find((d) => d.code === code) ?? null;
    },
  });
}

export function useDivisionSearch(
  params: { q?: string; parent?: string; level?: string; perPage?: number },
  enabled = true,
) {
  return useQuery({
    queryKey: ['divisions', params],
    enabled,
    staleTime: 60 * 60 * 1000,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<ListEnvelope<Division>>('/divisions', { perPage: 50, ...params }, signal),
  });
}

export function useCountries() {
  return useQuery({
    queryKey: ['countries'],
    ...REFERENCE,
    queryFn: ({ signal }) => api.get<{ data: Country[] }>('/countries', undefined, signal).then((r) => r.data),
  });
}

export function useGroups() {
  return useQuery({
    queryKey: ['groups'],
    staleTime: 60 * 60 * 1000,
    queryFn: ({ signal }) => api.get<{ data: CountryGroup[] }>('/groups', undefined, signal).then((r) => r.data),
  });
}

export function usePartnershipList(params: Params) {
  return useQuery({
    queryKey: keys.partnershipList(params),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<ListEnvelope<Partnership>>('/partnerships', params, signal),
  });
}

/** Every partnership matching a filter, page by page (charts and the map aggregate them). */
export async function fetchAllPartnerships(params: Params, signal?: AbortSignal): Promise<Partnership[]> {
  const perPage = 500;
  const first = await api.get<ListEnvelope<Partnership>>('/partnerships', { ...params, perPage, page: 1 }, signal);
  const pages = Math.ceil(first.total / perPage);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, pages - 1) }, (_, i) =>
      api.get<ListEnvelope<Partnership>>('/partnerships', { ...params, perPage, page: i + 2 }, signal),
    ),
  );
  return [first, ...rest].flatMap((p) => p.data);
}

export const allPartnershipsQuery = (params: Params) =>
  queryOptions({
    queryKey: keys.partnershipAll(params),
    queryFn: ({ signal }) => fetchAllPartnerships(params, signal),
  });

export function useAllPartnerships(params: Params, enabled = true) {
  return useQuery({ ...allPartnershipsQuery(params), enabled });
}

export function partnershipQuery(id: number) {
  return queryOptions({
    queryKey: keys.partnership(id),
    queryFn: ({ signal }) => api.get<Partnership>(`/partnerships/${id}`, undefined, signal),
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2,
  });
}

export function usePartnership(id: number) {
  return useQuery(partnershipQuery(id));
}

export function useActivities(partnershipId: number) {
  return useQuery({
    queryKey: keys.activities(partnershipId),
    queryFn: ({ signal }) =>
      api.get<ListEnvelope<Activity>>('/activities', { partnership: partnershipId, perPage: 200 }, signal),
  });
}

export type FiguresParams = { scope: string; asOf?: string; since?: string; kind?: Kind };

export const figuresQuery = (params: FiguresParams | undefined) =>
  queryOptions({
    queryKey: ['figures', params],
    enabled: Boolean(params),
    queryFn: ({ signal }) => api.get<Figures>('/figures', params, signal),
  });

export function useFigures(params: FiguresParams | undefined) {
  return useQuery({ ...figuresQuery(params), placeholderData: keepPreviousData });
}

export function useFigureRecords(params: (FiguresParams & { figure: string; page: number; perPage: number }) | null) {
  return useQuery({
    queryKey: ['figures', 'records', params],
    enabled: Boolean(params),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.get<ListEnvelope<FigureRecord | RankRecord>>('/figures/records', params ?? undefined, signal),
  });
}

/** The latest published figures of a scope (for the "held / published" gap). */
export const benchmarksQuery = (scope: string | undefined, kind: Kind) =>
  queryOptions({
    queryKey: ['benchmarks', scope, kind],
    enabled: Boolean(scope),
    queryFn: ({ signal }) =>
      api.get<ListEnvelope<Benchmark>>('/benchmarks', { scope, kind, perPage: 500 }, signal).then((r) => r.data),
  });

export function useBenchmarks(scope: string | undefined, kind: Kind) {
  return useQuery(benchmarksQuery(scope, kind));
}
