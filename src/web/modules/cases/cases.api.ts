import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/api/page.ts';
import type {
  CaseDetail,
  CaseListItem,
  CaseListQuery,
  Caseload,
  OpenCase,
  ReassignCase,
} from '../../../shared/cases/case.schema.ts';
import type { LetterView, ProposalView } from '../../../shared/cases/complaint.schema.ts';
import { api } from '../../api/client.ts';
import { useCommand } from '../../api/use-command.ts';

/** The work list's query as the URL and the server take it (shared/cases/case.schema.ts, caseListQuerySchema). */
export type WorklistParams = Partial<Record<keyof CaseListQuery, string>>;

export function useCases(params: WorklistParams) {
  const query = new URLSearchParams(
    Object.entries({ pageSize: '20', ...params }).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString();
  return useQuery({
    queryKey: ['cases', query],
    queryFn: () => api<Page<CaseListItem>>(`/api/cases?${query}`),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
}

/** The team leader's caseload per caseworker (also the choices for filtering and reassigning). */
export function useCaseload(enabled: boolean) {
  return useQuery({
    queryKey: ['cases', 'caseload'],
    queryFn: () => api<Caseload>('/api/cases/caseload'),
    enabled,
    refetchOnWindowFocus: false,
  });
}

/** Gives a case to another caseworker of the team; refreshes the lists and the case. */
export function useReassignCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { caseId: string } & ReassignCase) =>
      api<{ version: number }>(`/api/cases/${input.caseId}/caseworker`, {
        method: 'POST',
        body: { caseworkerId: input.caseworkerId, version: input.version },
      }),
    onSettled: async (_r, _e, input) => {
      await qc.invalidateQueries({ queryKey: ['cases'] });
      await qc.invalidateQueries({ queryKey: ['case', input.caseId] });
    },
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

/** How many journal entries and deadlines the case page's pagers show at a time. */
export const CASE_LIST_PAGE_SIZE = 50;

/** A page of the case's journal, newest first (the case page itself carries the newest 200). */
export function useCaseEvents(id: string, page: number) {
  return useQuery({
    queryKey: ['case', id, 'events', page],
    queryFn: () =>
      api<Page<CaseDetail['events'][number]>>(`/api/cases/${id}/events?page=${page}&pageSize=${CASE_LIST_PAGE_SIZE}`),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
}

/** A page of the case's deadlines by due date: only asked for when the case has more than the case page carries. */
export function useCaseDeadlines(id: string, page: number, enabled: boolean) {
  return useQuery({
    queryKey: ['case', id, 'deadlines', page],
    queryFn: () =>
      api<Page<CaseDetail['deadlines'][number]>>(`/api/cases/${id}/deadlines?page=${page}&pageSize=${CASE_LIST_PAGE_SIZE}`),
    enabled,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
}

/** The one-click steps of the case page, each a write that refreshes the case and the lists. */
export function useCaseActions(id: string) {
  return {
    sendReceipt: useCaseCommand<{ version: number }, { documentId: string }>(id, 'receipt'),
    startAssessment: useCaseCommand<{ version: number }, { version: number }>(id, 'assessment/start'),
    addNote: useCaseCommand<{ subject: string; body: string }>(id, 'notes'),
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
export function useCaseCommand<B, R = unknown>(id: string, path: string) {
  return useCommand<B, R>(() => `/api/cases/${id}/${path}`, [['case', id], ['cases']]);
}

/** A complaint still under way: one with actions left (reconsideration, or waiting for Ankestyrelsen). */
export function hasOpenComplaint(c: CaseDetail): boolean {
  return c.complaints.some((x) => x.allowedActions.length > 0);
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

/**
 * The letter a write on a case would send, previewed (`POST …/<path>/preview`): the server runs the sending with
 * every check and rolls back. Refusals come back as from the sending itself.
 */
export function useLetterDraft<B>(id: string, path: string) {
  return useMutation({
    mutationFn: (body: B) => api<{ letter: LetterView | null }>(`/api/cases/${id}/${path}/preview`, { method: 'POST', body }),
  });
}
