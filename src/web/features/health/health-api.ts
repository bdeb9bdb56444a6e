/** Data hooks of health and the activity figures (TanStack Query over /api). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ActivityFigures } from '../../../shared/schemas/activity-figures';
import type { HealthList, PartnershipHealth } from '../../../shared/schemas/health';
import { api, type Params } from '../../api/client';

export type { ActivityFigures, HealthList, PartnershipHealth };

export function usePartnershipHealth(id: number, asOf: string | undefined) {
  return useQuery({
    queryKey: ['health', 'one', id, asOf],
    queryFn: ({ signal }) => api.get<PartnershipHealth>(`/partnerships/${id}/health`, { asOf }, signal),
  });
}

export function useHealthList(params: Params | undefined) {
  return useQuery({
    queryKey: ['health', 'list', params],
    enabled: Boolean(params),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<HealthList>('/health', params, signal),
  });
}

export function useActivityFigures(params: { scope: string; asOf: string; years?: number } | undefined) {
  return useQuery({
    queryKey: ['figures', 'activities', params],
    enabled: Boolean(params),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<ActivityFigures>('/figures/activities', params, signal),
  });
}
