import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/api/page.ts';
import type {
  DaySummary,
  DeliveryDetail,
  DeliveryItem,
  DeliveryStatus,
  ReportingSettings,
  ReportingSettingsView,
  RunResult,
} from '../../../shared/ffb-reporting/ffb-reporting.schema.ts';
import type { DstExtractSummary } from '../../../shared/statistics/dst-extract.schema.ts';
import { api } from '../../api/client.ts';

const query = (q: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(q).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]]))).toString();

export function useDeliveries(f: { day?: string; status?: DeliveryStatus | ''; page: number }) {
  return useQuery({
    queryKey: ['ffb-deliveries', f],
    queryFn: () =>
      api<Page<DeliveryItem>>(
        `/api/ffb-reporting/deliveries?${query({ day: f.day, status: f.status || undefined, page: f.page, pageSize: 20 })}`,
      ),
  });
}

export function useDaySummary(day: string) {
  return useQuery({ queryKey: ['ffb-summary', day], queryFn: () => api<DaySummary>(`/api/ffb-reporting/summary?day=${day}`) });
}

export function useDelivery(id: string) {
  return useQuery({ queryKey: ['ffb-delivery', id], queryFn: () => api<DeliveryDetail>(`/api/ffb-reporting/deliveries/${id}`) });
}

export function useReportingSettings() {
  return useQuery({ queryKey: ['ffb-settings'], queryFn: () => api<ReportingSettingsView>('/api/ffb-reporting/settings') });
}

function useInvalidating<B, R>(fn: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      for (const key of ['ffb-deliveries', 'ffb-summary', 'ffb-delivery', 'ffb-settings'])
        await qc.invalidateQueries({ queryKey: [key] });
    },
  });
}

export const useRunNow = () => useInvalidating(() => api<RunResult>('/api/ffb-reporting/run', { method: 'POST' }));
export const useResend = (id: string) =>
  useInvalidating(() => api<{ outcome: string }>(`/api/ffb-reporting/deliveries/${id}/resend`, { method: 'POST' }));
export const useSaveSettings = () =>
  useInvalidating((body: ReportingSettings) => api<{ version: number }>('/api/ffb-reporting/settings', { method: 'PUT', body }));

export function useDstSummary(month: string) {
  return useQuery({
    queryKey: ['dst-summary', month],
    queryFn: () => api<DstExtractSummary>(`/api/reporting/dst-extract/summary?month=${month}`),
    enabled: /^\d{4}-\d{2}$/.test(month),
  });
}
