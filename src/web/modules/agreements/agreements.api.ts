import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Agreement,
  AgreementSummary,
  DeadlineDashboard,
  GoalDetail,
  Report,
  StrategyDashboard,
} from '../../../shared/agreements/agreements.schema.ts';
import { api } from '../../api/client.ts';
import { useCommand } from '../../api/use-command.ts';

export function useAgreements() {
  return useQuery({ queryKey: ['agreements'], queryFn: () => api<AgreementSummary[]>('/api/agreements') });
}

export function useAgreement(id: string) {
  return useQuery({ queryKey: ['agreements', id], queryFn: () => api<Agreement>(`/api/agreements/${id}`) });
}

export function useGoal(id: string) {
  return useQuery({ queryKey: ['agreements', 'goal', id], queryFn: () => api<GoalDetail>(`/api/agreement-goals/${id}`) });
}

export function useReport(id: string) {
  return useQuery({ queryKey: ['agreements', 'report', id], queryFn: () => api<Report>(`/api/agreement-reports/${id}`) });
}

/** A write to agreements: every agreement query is refreshed after it. */
export function useAgreementCommand<B, R = unknown>(url: (body: B) => string, method: 'POST' | 'PUT' = 'POST') {
  return useCommand<B, R>(url, [['agreements']], method);
}

export type DashboardFilter = { from: string; to: string; unitId?: string; offerId?: string; paragraph?: string };

export function dashboardParams(f: DashboardFilter): string {
  const p = new URLSearchParams({ from: f.from, to: f.to });
  if (f.unitId) p.set('unitId', f.unitId);
  if (f.offerId) p.set('offerId', f.offerId);
  if (f.paragraph) p.set('paragraph', f.paragraph);
  return p.toString();
}

export function useDeadlineDashboard(f: DashboardFilter) {
  return useQuery({
    queryKey: ['dashboards', 'deadlines', dashboardParams(f)],
    queryFn: () => api<DeadlineDashboard>(`/api/dashboards/deadlines?${dashboardParams(f)}`),
    placeholderData: keepPreviousData,
  });
}

export function useStrategyDashboard(f: DashboardFilter) {
  return useQuery({
    queryKey: ['dashboards', 'strategy', dashboardParams(f)],
    queryFn: () => api<StrategyDashboard>(`/api/dashboards/strategy?${dashboardParams(f)}`),
    placeholderData: keepPreviousData,
  });
}
