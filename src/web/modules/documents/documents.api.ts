import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseDocument } from '../../../shared/cases/document.schema.ts';
import { api, apiUpload } from '../../api/client.ts';

export function useCaseDocuments(caseId: string) {
  return useQuery({
    queryKey: ['case-documents', caseId],
    queryFn: () => api<CaseDocument[]>(`/api/cases/${caseId}/documents`),
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}

/** Fields first, then the file: the server stops reading at a file over the limit. */
export function useUploadDocument(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { subject: string; documentDate: string; file: File | null }) => {
      const form = new FormData();
      form.append('subject', input.subject);
      form.append('documentDate', input.documentDate);
      if (input.file) form.append('file', input.file);
      return apiUpload<{ id: string }>(`/api/cases/${caseId}/documents`, form);
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['case-documents', caseId] });
      qc.invalidateQueries({ queryKey: ['case', caseId] });
    },
  });
}
