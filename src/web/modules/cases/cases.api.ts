import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/api/page.ts';
import type { CaseDetail, CaseListItem, OpenCase } from '../../../shared/cases/case.schema.ts';
import { api } from '../../api/client.ts';

export function useCases(scope: 'mine' | 'team', page: number) {
  return useQuery({
    queryKey: ['cases', scope, page],
    queryFn: () => api<Page<CaseListItem>>(`/api/cases?scope=${scope}&page=${page}&pageSize=20`),
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
