/** The life cycle and documents of a partnership over /api: types and query hooks of the panel. */
import { useQuery } from '@tanstack/react-query';
import type { ApprovalLevel, Move, Phase, RecordedMove, Stage } from '../../../shared/lifecycle';
import type { DocumentView as AttachedDocument } from '../../../shared/schemas/document-view';
import { api, request } from '../../api/client';

export type { AttachedDocument };

export type Snapshot = { stage: Stage; status: string; kind: string; phase: Phase };

export type StageEvent = {
  id: number;
  move: RecordedMove;
  from: Snapshot;
  to: Snapshot;
  occurredOn: string;
  approvalLevel: ApprovalLevel | null;
  approver: string | null;
  reference: string | null;
  reason: string | null;
  place: string | null;
  sourceUrl: string | null;
  actorName: string;
  isDemo: boolean;
  recordedAt: string;
};

export type Lifecycle = {
  partnershipId: number;
  version: number;
  level: string;
  kind: string;
  stage: Stage;
  status: string;
  phase: Phase;
  allowedMoves: Move[];
  requiredApprovals: ApprovalLevel[];
  approvalsDone: ApprovalLevel[];
  nextApproval: ApprovalLevel | null;
  approvals: {
    id: number;
    eventId: number;
    level: ApprovalLevel;
    approver: string;
    approvedOn: string;
    reference: string | null;
    isDemo: boolean;
  }[];
  history: StageEvent[];
  isConsistent: boolean;
};

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
