import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../shared/api/page.ts';
import type {
  Budget,
  Capacity,
  EconomyOffer,
  Forecast,
  ForecastGrant,
  LadderPrice,
  PlaceSale,
  WaitingList,
  WhatIf,
} from '../../../shared/economy/economy.schema.ts';
import { api } from '../../api/client.ts';
import { useCommand } from '../../api/use-command.ts';

export type ForecastView = 'line' | 'unit' | 'offer';

export function useForecast(year: number, asOf: string | null, by: ForecastView) {
  return useQuery({
    queryKey: ['economy', 'forecast', year, asOf, by],
    queryFn: () => api<Forecast>(`/api/economy/forecast?year=${year}&by=${by}${asOf ? `&asOf=${asOf}` : ''}`),
    placeholderData: keepPreviousData,
  });
}

export function useForecastGrants(
  q: {
    year: number;
    asOf: string | null;
    unitId?: string | null;
    kind?: string | null;
    offerId?: string | null;
    page: number;
  } | null,
) {
  const params = q
    ? new URLSearchParams({
        year: String(q.year),
        page: String(q.page),
        pageSize: '20',
        ...(q.asOf ? { asOf: q.asOf } : {}),
        ...(q.unitId ? { unitId: q.unitId } : {}),
        ...(q.kind ? { kind: q.kind } : {}),
        ...(q.offerId ? { offerId: q.offerId } : {}),
      })
    : null;
  return useQuery({
    queryKey: ['economy', 'forecast-grants', params?.toString()],
    queryFn: () => api<Page<ForecastGrant>>(`/api/economy/forecast/grants?${params?.toString()}`),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}

export function useBudget(year: number) {
  return useQuery({ queryKey: ['economy', 'budget', year], queryFn: () => api<Budget>(`/api/economy/budget?year=${year}`) });
}

export function useEconomyOffers(enabled = true) {
  return useQuery({ queryKey: ['economy', 'offers'], queryFn: () => api<EconomyOffer[]>('/api/economy/offers'), enabled });
}

export function useCapacity(on: string | null) {
  return useQuery({
    queryKey: ['economy', 'capacity', on],
    queryFn: () => api<Capacity>(`/api/economy/capacity${on ? `?on=${on}` : ''}`),
    placeholderData: keepPreviousData,
  });
}

export function useWaitingList(status: 'open' | 'closed' | 'all', page: number, enabled: boolean, offerId?: string | null) {
  return useQuery({
    queryKey: ['economy', 'waiting-list', status, page, offerId ?? ''],
    queryFn: () =>
      api<WaitingList>(`/api/waiting-list?status=${status}&page=${page}&pageSize=20${offerId ? `&offerId=${offerId}` : ''}`),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function usePlaceSales(year: number) {
  return useQuery({
    queryKey: ['economy', 'place-sales', year],
    queryFn: () => api<PlaceSale[]>(`/api/economy/place-sales?year=${year}`),
  });
}

export type Trade = {
  direction: 'purchase' | 'sale';
  offerId: string;
  offerName: string;
  owner: string;
  counterpart: string;
  places: number;
  annualCost: number;
  yearCost: number;
};
export function useTrades(year: number) {
  return useQuery({
    queryKey: ['economy', 'trades', year],
    queryFn: () => api<{ year: number; items: Trade[] }>(`/api/economy/trades?year=${year}`),
  });
}

export function useLadderPrice(
  q: { legalBasis: string; weeklyHours: number | null; moduleDays: number | null; start: string | null } | null,
) {
  const params = q
    ? new URLSearchParams({
        legalBasis: q.legalBasis,
        ...(q.weeklyHours !== null ? { weeklyHours: String(q.weeklyHours) } : {}),
        ...(q.moduleDays !== null ? { moduleDays: String(q.moduleDays) } : {}),
        ...(q.start ? { start: q.start } : {}),
      })
    : null;
  return useQuery({
    queryKey: ['economy', 'ladder', params?.toString()],
    queryFn: () => api<LadderPrice>(`/api/economy/prices/ladder?${params?.toString()}`),
    enabled: params !== null,
  });
}

/** Writes that change what the economy pages show; each refreshes the economy's queries. */
export const useEconomyCommand = <B, R = unknown>(url: (b: B) => string, method: 'POST' | 'PUT' = 'POST') =>
  useCommand<B, R>(url, [['economy']], method);

export function useWhatIfCommand() {
  return useCommand<Record<string, unknown>, WhatIf>(() => '/api/economy/what-if', []);
}
