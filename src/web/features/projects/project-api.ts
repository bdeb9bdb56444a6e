/** Types and data hooks of projects, outcomes and programmes (TanStack Query over /api). */
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type {
  AreaDetailView as Area,
  ProgrammeEvidenceView as Evidence,
  MeasureView as Measure,
  ProgrammeView as Programme,
  ProgrammeDetailView as ProgrammeDetail,
} from '../../../shared/schemas/programme-view';
import type {
  OutcomeView as Outcome,
  ProjectView as Project,
  ProjectDetailView as ProjectDetail,
} from '../../../shared/schemas/project-view';
import { api, type Params } from '../../api/client';
import type { ListEnvelope } from '../../api/types';

export type { Area, Evidence, Measure, Outcome, Programme, ProgrammeDetail, Project, ProjectDetail };

export const projectKeys = {
  all: ['projects'] as const,
  list: (params: Params) => ['projects', 'list', params] as const,
  one: (id: number) => ['projects', 'one', id] as const,
  programmes: ['programmes'] as const,
  programme: (id: number) => ['programmes', 'one', id] as const,
  evidence: (id: number) => ['programmes', 'evidence', id] as const,
};

const notFoundRetry = (count: number, error: unknown) => (error as { status?: number }).status !== 404 && count < 2;

export function useProjectList(params: Params, enabled = true) {
  return useQuery({
    queryKey: projectKeys.list(params),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<ListEnvelope<Project>>('/projects', params, signal),
  });
}

export function useProject(id: number) {
  return useQuery({
    queryKey: projectKeys.one(id),
    retry: notFoundRetry,
    queryFn: ({ signal }) => api.get<ProjectDetail>(`/projects/${id}`, undefined, signal),
  });
}

export function useProgrammeList(cn: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...projectKeys.programmes, 'list', cn],
    enabled,
    queryFn: ({ signal }) =>
      api.get<ListEnvelope<Programme>>('/programmes', { cn: cn === '000000' ? undefined : cn, perPage: 100 }, signal),
  });
}

export function useProgramme(id: number) {
  return useQuery({
    queryKey: projectKeys.programme(id),
    retry: notFoundRetry,
    queryFn: ({ signal }) => api.get<ProgrammeDetail>(`/programmes/${id}`, undefined, signal),
  });
}

/** Several programmes at once (the measures a project form offers). */
export function useProgrammes(ids: number[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: projectKeys.programme(id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<ProgrammeDetail>(`/programmes/${id}`, undefined, signal),
    })),
  });
}

export function useEvidence(id: number) {
  return useQuery({
    queryKey: projectKeys.evidence(id),
    queryFn: ({ signal }) => api.get<Evidence>(`/programmes/${id}/evidence`, undefined, signal),
  });
}
