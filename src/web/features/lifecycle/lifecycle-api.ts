/** The life cycle and documents of a partnership over /api: types and query hooks of the panel. */
import { useQuery } from '@tanstack/react-query';
import type { DocumentView as AttachedDocument } from '../../../shared/schemas/document-view';
import type {
  LifecycleView as Lifecycle,
  SnapshotView as Snapshot,
  StageEventView as StageEvent,
} from '../../../shared/schemas/lifecycle-view';
import { api, request } from '../../api/client';

export type { AttachedDocument, Lifecycle, Snapshot, StageEvent };

export const lifecycleKeys = {
  lifecycle: (id: number) => ['lifecycle', id] as const,
  documents: (id: number) => ['documents', id] as const,
};

export function useLifecycle(id: number) {
  return useQuery({
    queryKey: lifecycleKeys.lifecycle(id),
    queryFn: ({ signal }) => api.get<Lifecycle>(`/partnerships/${id}/lifecycle`, undefined, signal),
  });
}

export function useDocuments(id: number) {
  return useQuery({
    queryKey: lifecycleKeys.documents(id),
    queryFn: ({ signal }) => api.get<{ data: AttachedDocument[] }>(`/partnerships/${id}/documents`, undefined, signal),
  });
}

export function uploadDocument(partnershipId: number, file: File, fields: { category: string; title?: string }) {
  const body = new FormData();
  body.set('file', file);
  body.set('category', fields.category);
  if (fields.title) body.set('title', fields.title);
  return request<AttachedDocument>('POST', `/partnerships/${partnershipId}/documents`, { body });
}
