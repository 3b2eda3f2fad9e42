import { useQuery } from '@tanstack/react-query';
import type { Agreement, AgreementSummary, GoalDetail, Report } from '../../../shared/agreements/agreements.schema.ts';
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
