import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

/** A write to the API that, on success, refreshes the queries it changes (by key prefix). */
export function useCommand<B, R = unknown>(
  url: (body: B) => string,
  invalidate: readonly (readonly unknown[])[],
  method: 'POST' | 'PUT' = 'POST',
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api<R>(url(body), { method, body }),
    onSuccess: async () => {
      for (const queryKey of invalidate) await qc.invalidateQueries({ queryKey });
    },
  });
}
