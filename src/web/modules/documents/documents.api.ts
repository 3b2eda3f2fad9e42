import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/api/page.ts';
import type { CaseDocument } from '../../../shared/cases/document.schema.ts';
import { api, apiUpload } from '../../api/client.ts';

/** Documents a page of the case's uploads or letters shows. */
export const CASE_DOCUMENTS_PAGE_SIZE = 20;

/** A page of the case's documents of one kind, newest first (under the case's documents key: an upload refreshes it). */
export function useCaseDocuments(caseId: string, kind: 'upload' | 'letter', page: number, enabled = true) {
  return useQuery({
    queryKey: ['case-documents', caseId, kind, page],
    queryFn: () =>
      api<Page<CaseDocument>>(`/api/cases/${caseId}/documents?kind=${kind}&page=${page}&pageSize=${CASE_DOCUMENTS_PAGE_SIZE}`),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}

export type UploadInput = { subject: string; documentDate: string; file: File | null };

/** Fields first, then the file: the server stops reading at a file over the limit. */
function formOf(input: UploadInput): FormData {
  const form = new FormData();
  form.append('subject', input.subject);
  form.append('documentDate', input.documentDate);
  if (input.file) form.append('file', input.file);
  return form;
}

/** The caseworker lays a document on the case. */
export function useUploadDocument(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UploadInput) => apiUpload<{ id: string }>(`/api/cases/${caseId}/documents`, formOf(input)),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['case-documents', caseId] });
      qc.invalidateQueries({ queryKey: ['case', caseId] });
    },
  });
}

/** The citizen sends a document to their own case from their own page (it lands in the caseworker's inbox). */
export function useSendMyDocument(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UploadInput) => apiUpload<{ id: string }>(`/api/me/cases/${caseId}/documents`, formOf(input)),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['me'] }),
  });
}
