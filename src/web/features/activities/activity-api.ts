/** Activities, office rules and reminders over /api: types and query hooks of these pages. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ActivityView as ActivityRecord } from '../../../shared/schemas/activity-view';
import type { RemindersView as Reminders } from '../../../shared/schemas/reminders-view';
import type { RulesView } from '../../../shared/schemas/rules-view';
import { api, type Params } from '../../api/client';
import type { ListEnvelope } from '../../api/types';

export type {
  ActivityView as ActivityRecord,
  FlagView as ActivityFlag,
  PartnershipRefView as ActivityPartnership,
} from '../../../shared/schemas/activity-view';
export type {
  ReminderPartnershipView as ReminderPartnership,
  RemindersView as Reminders,
} from '../../../shared/schemas/reminders-view';
export type { OwnRulesView as OwnRules, RulesView } from '../../../shared/schemas/rules-view';

export const activityKeys = {
  all: ['activities'] as const,
  list: (params: Params) => ['activities', 'list', params] as const,
  one: (id: number) => ['activities', 'one', id] as const,
  rules: (scope: string) => ['rules', scope] as const,
  reminders: (params: Params) => ['reminders', params] as const,
};

export function useActivityList(params: Params, enabled = true) {
  return useQuery({
    queryKey: activityKeys.list(params),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<ListEnvelope<ActivityRecord>>('/activities', params, signal),
  });
}

export function useActivity(id: number) {
  return useQuery({
    queryKey: activityKeys.one(id),
    queryFn: ({ signal }) => api.get<ActivityRecord>(`/activities/${id}`, undefined, signal),
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2,
  });
}

export function useRules(scope: string | undefined) {
  return useQuery({
    queryKey: activityKeys.rules(scope ?? ''),
    enabled: Boolean(scope),
    queryFn: ({ signal }) => api.get<RulesView>(`/rules/${scope}`, undefined, signal),
  });
}

export function useReminders(params: Params, enabled = true) {
  return useQuery({
    queryKey: activityKeys.reminders(params),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<Reminders>('/reminders', params, signal),
  });
}
