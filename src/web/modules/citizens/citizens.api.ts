import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../shared/api/page.ts';
import type { AccessLogEntry } from '../../../shared/audit/audit.schema.ts';
import type { CitizenDetail, CitizenSummary } from '../../../shared/citizens/citizen.schema.ts';
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

export function useAccessLog(id: string, page: number, enabled: boolean) {
  return useQuery({
    queryKey: ['citizen-access-log', id, page],
    queryFn: () => api<Page<AccessLogEntry>>(`/api/citizens/${id}/access-log?page=${page}&pageSize=20`),
    enabled,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
}
