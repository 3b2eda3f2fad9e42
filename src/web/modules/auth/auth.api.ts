import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DemoUser, MeResponse } from '../../../shared/auth/auth.schema.ts';
import { api, setCsrfToken } from '../../api/client.ts';

/** Another user must never see the previous user's cached data; 'me' stays observed and is replaced. */
function forgetEverythingButMe(qc: QueryClient): void {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
}

export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      const me = await api<MeResponse>('/api/auth/me');
      setCsrfToken(me.csrfToken);
      return me;
    },
    staleTime: 60_000,
  });
}

export function useDemoUsers(enabled: boolean) {
  return useQuery({ queryKey: ['demo-users'], queryFn: () => api<DemoUser[]>('/api/auth/demo-users'), enabled });
}

export function useDemoLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api<MeResponse>('/api/auth/demo-login', { method: 'POST', body: { userId } }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      forgetEverythingButMe(qc);
      qc.setQueryData(['me'], me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST' }),
    onSuccess: async () => {
      forgetEverythingButMe(qc);
      await qc.invalidateQueries({ queryKey: ['me'] });
    },
  });
}
