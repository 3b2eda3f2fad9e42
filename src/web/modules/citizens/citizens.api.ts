import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/api/page.ts';
import type { AccessLogEntry } from '../../../shared/audit/audit.schema.ts';
import {
  CITIZEN_CASES_PAGE_SIZE,
  type CitizenCase,
  type CitizenContactUpdate,
  type CitizenCreate,
  type CitizenDetail,
  type CitizenSummary,
} from '../../../shared/citizens/citizen.schema.ts';
import type {
  ConsentInput,
  ConsentWithdrawal,
  CprLookupView,
  RelativeInput,
  RelativeView,
} from '../../../shared/citizens/relative.schema.ts';
import { api } from '../../api/client.ts';

export function useCitizenSearch(q: string, page: number) {
  return useQuery({
    queryKey: ['citizens', q, page],
    queryFn: () => api<Page<CitizenSummary>>(`/api/citizens?${new URLSearchParams({ q, page: String(page), pageSize: '20' })}`),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
    // A search is audited; do not repeat it behind the user's back.
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}

export function useCitizen(id: string) {
  return useQuery({
    queryKey: ['citizen', id],
    queryFn: () => api<CitizenDetail>(`/api/citizens/${id}`),
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
    retry: false,
  });
}

/** A page of the citizen's cases, newest first: page 1 comes with the citizen, later pages are asked for. */
export function useCitizenCases(id: string, page: number) {
  return useQuery({
    queryKey: ['citizen', id, 'cases', page],
    queryFn: () => api<Page<CitizenCase>>(`/api/citizens/${id}/cases?page=${page}&pageSize=${CITIZEN_CASES_PAGE_SIZE}`),
    enabled: page > 1,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
}

export function useAccessLog(id: string, page: number, enabled: boolean) {
  return useQuery({
    queryKey: ['citizen-access-log', id, page],
    queryFn: () => api<Page<AccessLogEntry>>(`/api/citizens/${id}/access-log?page=${page}&pageSize=20`),
    enabled,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
}

export function useCreateCitizen() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CitizenCreate) => api<{ id: string }>('/api/citizens', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['citizens'] }),
  });
}

/** Asks the CPR register (or finds the citizen already here); audited on the server, so only on the user's click. */
export function useCprLookup() {
  return useMutation({
    mutationFn: (cpr: string) => api<CprLookupView>('/api/citizens/cpr-lookup', { method: 'POST', body: { cpr } }),
  });
}

export function useUpdateContact(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CitizenContactUpdate) =>
      api<{ version: number }>(`/api/citizens/${id}/contact`, { method: 'PUT', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['citizen', id] }),
  });
}

export function useRelatives(citizenId: string) {
  return useQuery({
    queryKey: ['relatives', citizenId],
    queryFn: () => api<RelativeView[]>(`/api/citizens/${citizenId}/relatives`),
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}

function useRelativesCommand<B>(citizenId: string, path: (b: B) => string, body: (b: B) => unknown = (b) => b) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: B) => api<unknown>(`/api/citizens/${citizenId}/relatives${path(b)}`, { method: 'POST', body: body(b) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['relatives', citizenId] }),
  });
}

export function useAddRelative(citizenId: string) {
  return useRelativesCommand<RelativeInput>(citizenId, () => '');
}

export function useRecordConsent(citizenId: string) {
  return useRelativesCommand<ConsentInput & { relativeId: string }>(
    citizenId,
    (b) => `/${b.relativeId}/consents`,
    ({ relativeId: _, ...consent }) => consent,
  );
}

export function useWithdrawConsent(citizenId: string) {
  return useRelativesCommand<ConsentWithdrawal & { relativeId: string; consentId: string }>(
    citizenId,
    (b) => `/${b.relativeId}/consents/${b.consentId}/withdraw`,
    (b) => ({ withdrawnOn: b.withdrawnOn }),
  );
}
