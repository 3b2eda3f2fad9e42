import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Role } from '../../../shared/access/permissions.ts';
import type { Page } from '../../../shared/api/page.ts';
import type { UserAdminRow } from '../../../shared/users/user-admin.schema.ts';
import { api } from '../../api/client.ts';
import { useCommand } from '../../api/use-command.ts';

export function useAdminUsers(q: string, role: Role | '', page: number) {
  const params = new URLSearchParams({ page: String(page), pageSize: '20' });
  if (q) params.set('q', q);
  if (role) params.set('role', role);
  return useQuery({
    queryKey: ['admin-users', q, role, page],
    queryFn: () => api<Page<UserAdminRow>>(`/api/admin/users?${params}`),
    placeholderData: keepPreviousData,
  });
}

export function useEndSessions() {
  return useCommand<{ userId: string }, { sessionsEnded: number }>(
    ({ userId }) => `/api/admin/users/${userId}/end-sessions`,
    [['admin-users']],
  );
}

export function useSetActive() {
  return useCommand<{ userId: string; active: boolean }, { active: boolean; sessionsEnded: number }>(
    ({ userId }) => `/api/admin/users/${userId}/active`,
    [['admin-users']],
    'PUT',
  );
}
