import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../shared/api/page.ts';
import type {
  FollowUpEntry,
  OrderJournalEntry,
  ProviderOrder,
  ProviderOrderItem,
} from '../../../shared/follow-up/follow-up.schema.ts';
import type { MyAccessEntry, MyOverview } from '../../../shared/self-service/self-service.schema.ts';
import { api } from '../../api/client.ts';
import { useCommand } from '../../api/use-command.ts';

export type FollowUpView = {
  order: ProviderOrder;
  /** The newest follow-ups; `followUpsTotal` counts them all (the rest: useFollowUps, a page at a time). */
  followUps: FollowUpEntry[];
  followUpsTotal: number;
  timeLimit: 'expired' | 'expiring' | null;
};

export function useProviderOrders(state: 'incoming' | 'active' | 'ended', page: number) {
  return useQuery({
    queryKey: ['provider-orders', state, page],
    queryFn: () => api<Page<ProviderOrderItem>>(`/api/provider/orders?state=${state}&page=${page}&pageSize=20`),
    placeholderData: keepPreviousData,
  });
}

export function useProviderOrder(id: string) {
  return useQuery({
    queryKey: ['provider-order', id],
    queryFn: () => api<ProviderOrder>(`/api/provider/orders/${id}`),
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/** A write on a provider order; refreshes the order and the lists. */
export function useOrderCommand<B>(id: string, path: string, method: 'POST' | 'PUT' = 'POST') {
  return useCommand<B>(() => `/api/provider/orders/${id}/${path}`, [['provider-order', id], ['provider-orders']], method);
}

/** Entries of the provider's journal a page shows. */
export const ORDER_JOURNAL_PAGE_SIZE = 20;

/**
 * A page of the provider's journal on an order beyond the newest the order view carries: the provider's staff read
 * it through their route, the authority through its own (the same entries). Under the order's key, so a new entry
 * refreshes it.
 */
export function useOrderJournal(id: string, side: 'provider' | 'authority', page: number) {
  return useQuery({
    queryKey: ['provider-order', id, 'journal', side, page],
    queryFn: () =>
      api<Page<OrderJournalEntry>>(
        `/api/${side === 'provider' ? 'provider/orders' : 'orders'}/${id}/journal?page=${page}&pageSize=${ORDER_JOURNAL_PAGE_SIZE}`,
      ),
    enabled: page > 1,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
}

/** Follow-ups a page of the case's history shows. */
export const FOLLOW_UPS_PAGE_SIZE = 20;

/** A page of the case's follow-ups beyond the first (the follow-up view carries the newest), under the case's key. */
export function useFollowUps(caseId: string, page: number) {
  return useQuery({
    queryKey: ['case', caseId, 'follow-up', 'history', page],
    queryFn: () => api<Page<FollowUpEntry>>(`/api/cases/${caseId}/follow-ups?page=${page}&pageSize=${FOLLOW_UPS_PAGE_SIZE}`),
    enabled: page > 1,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
}

export function useFollowUp(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['case', caseId, 'follow-up'],
    queryFn: () => api<FollowUpView>(`/api/cases/${caseId}/follow-up`),
    enabled,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/** A page of the citizen's own cases (MY_CASES_PAGE_SIZE a page, newest first), under the overview's key. */
export function useMyOverview(page = 1) {
  return useQuery({
    queryKey: ['me', 'overview', page],
    queryFn: () => api<MyOverview>(`/api/me/overview?page=${page}`),
    placeholderData: keepPreviousData,
  });
}

export function useMyAccessLog(page: number) {
  return useQuery({
    queryKey: ['me', 'access-log', page],
    queryFn: () => api<Page<MyAccessEntry>>(`/api/me/access-log?page=${page}&pageSize=10`),
    placeholderData: keepPreviousData,
  });
}

export function useMyCommand<B>(path: (body: B) => string) {
  return useCommand<B>(path, [['me']]);
}
