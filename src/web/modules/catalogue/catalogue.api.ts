import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/api/page.ts';
import type {
  CatalogueContent,
  FfbCode,
  ServiceDescriptionDetail,
  ServiceDescriptionSummary,
} from '../../../shared/catalogue/catalogue.schema.ts';
import type { LegalBasis } from '../../../shared/catalogue/legal-bases.ts';
import type { OfferDetail, OfferSummary } from '../../../shared/catalogue/offer.schema.ts';
import { api } from '../../api/client.ts';

export type CatalogueFilters = {
  municipality?: string;
  legalBasis?: string;
  q?: string;
  targetGroup?: string;
  ffb?: string;
  page?: number;
};

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  return q.toString();
}

export function useDescriptions(f: CatalogueFilters, pageSize = 20) {
  return useQuery({
    queryKey: ['catalogue', 'descriptions', f, pageSize],
    queryFn: () =>
      api<Page<ServiceDescriptionSummary>>(`/api/public/catalogue/service-descriptions?${query({ ...f, pageSize })}`),
    placeholderData: keepPreviousData,
  });
}

export function useDescription(id: string, version?: number, enabled = true) {
  return useQuery({
    queryKey: ['catalogue', 'description', id, version],
    queryFn: () => api<ServiceDescriptionDetail>(`/api/public/catalogue/service-descriptions/${id}?${query({ version })}`),
    enabled,
    retry: false,
  });
}

export function useDiff(id: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: ['catalogue', 'diff', id, from, to],
    queryFn: () =>
      api<{ changes: { path: string; before: unknown; after: unknown }[] }>(
        `/api/public/catalogue/service-descriptions/${id}/diff?${query({ from, to })}`,
      ),
    enabled: from !== undefined && to !== undefined && from !== to,
  });
}

export function useOffers(f: { municipality?: string; legalBasis?: string; page?: number }, pageSize = 20) {
  return useQuery({
    queryKey: ['catalogue', 'offers', f, pageSize],
    queryFn: () => api<Page<OfferSummary>>(`/api/public/catalogue/offers?${query({ ...f, pageSize })}`),
    placeholderData: keepPreviousData,
  });
}

export function useOffer(id: string) {
  return useQuery({
    queryKey: ['catalogue', 'offer', id],
    queryFn: () => api<OfferDetail>(`/api/public/catalogue/offers/${id}`),
    retry: false,
  });
}

export function useLegalBases() {
  return useQuery({
    queryKey: ['catalogue', 'legal-bases'],
    queryFn: () => api<LegalBasis[]>('/api/public/catalogue/legal-bases'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** FFB ydelser (the services), for the catalogue filter. */
export function useFfbServices() {
  return useQuery({
    queryKey: ['catalogue', 'ffb-services'],
    queryFn: () =>
      api<Page<FfbCode>>(`/api/public/catalogue/ffb-codes?${query({ under: 'Social indsats > Ydelse', pageSize: 100 })}`),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useAdminDescription(id: string) {
  return useQuery({
    queryKey: ['catalogue', 'admin', id],
    queryFn: () => api<ServiceDescriptionDetail>(`/api/catalogue/service-descriptions/${id}`),
  });
}

export function useCatalogueAdmin(id: string) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ['catalogue'] });
  return {
    newDraft: useMutation({
      mutationFn: () => api<{ versionId: string }>(`/api/catalogue/service-descriptions/${id}/drafts`, { method: 'POST' }),
      onSuccess: refresh,
    }),
    save: useMutation({
      mutationFn: (v: { versionId: string; content: CatalogueContent; changeNote: string | null; lockVersion: number }) =>
        api<{ lockVersion: number }>(`/api/catalogue/versions/${v.versionId}`, {
          method: 'PUT',
          body: { content: v.content, changeNote: v.changeNote, lockVersion: v.lockVersion },
        }),
      onSuccess: refresh,
    }),
    approve: useMutation({
      mutationFn: (v: { versionId: string; inForceFrom: string; approvedByBody: string; lockVersion: number }) =>
        api<{ number: number }>(`/api/catalogue/versions/${v.versionId}/approve`, {
          method: 'POST',
          body: { inForceFrom: v.inForceFrom, approvedByBody: v.approvedByBody, lockVersion: v.lockVersion },
        }),
      onSuccess: refresh,
    }),
  };
}
