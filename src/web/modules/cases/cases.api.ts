import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/api/page.ts';
import type { CaseDetail, CaseListItem, OpenCase } from '../../../shared/cases/case.schema.ts';
import type { LetterView, ProposalView } from '../../../shared/cases/complaint.schema.ts';
import { api } from '../../api/client.ts';

export function useCases(scope: 'mine' | 'team', page: number, due: 'all' | 'overdue' | 'due_soon' = 'all') {
  return useQuery({
    queryKey: ['cases', scope, page, due],
    queryFn: () => api<Page<CaseListItem>>(`/api/cases?scope=${scope}&due=${due}&page=${page}&pageSize=20`),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: ['case', id],
    queryFn: () => api<CaseDetail>(`/api/cases/${id}`),
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useCaseActions(id: string) {
  const qc = useQueryClient();
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['case', id] });
    await qc.invalidateQueries({ queryKey: ['cases'] });
  };
  return {
    sendReceipt: useMutation({
      mutationFn: (version: number) =>
        api<{ documentId: string }>(`/api/cases/${id}/receipt`, { method: 'POST', body: { version } }),
      onSuccess: refresh,
    }),
    startAssessment: useMutation({
      mutationFn: (version: number) =>
        api<{ version: number }>(`/api/cases/${id}/assessment/start`, { method: 'POST', body: { version } }),
      onSuccess: refresh,
    }),
    addNote: useMutation({
      mutationFn: (note: { subject: string; body: string }) =>
        api<void>(`/api/cases/${id}/notes`, { method: 'POST', body: note }),
      onSuccess: refresh,
    }),
  };
}

export function useOpenCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: OpenCase) => api<{ id: string }>('/api/cases', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cases'] }),
  });
}

/** A write on a case: POST to a path under the case, then refresh the case and the lists. */
export function useCaseCommand<B, R = unknown>(id: string, path: string | ((body: B) => string)) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) =>
      api<R>(`/api/cases/${id}/${typeof path === 'function' ? path(body) : path}`, { method: 'POST', body }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['case', id] });
      await qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

export function useProposal(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['case', id, 'proposal'],
    queryFn: () => api<ProposalView>(`/api/cases/${id}/proposal`),
    enabled,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useLetter(caseId: string, documentId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['case', caseId, 'letter', documentId],
    queryFn: () => api<LetterView>(`/api/cases/${caseId}/documents/${documentId}/letter`),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
