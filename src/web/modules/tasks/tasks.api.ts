import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../shared/api/page.ts';
import type { TaskItem } from '../../../shared/tasks/task.schema.ts';
import { api } from '../../api/client.ts';
import { useCommand } from '../../api/use-command.ts';

export function useTasks(page: number) {
  return useQuery({
    queryKey: ['tasks', 'list', page],
    queryFn: () => api<Page<TaskItem>>(`/api/tasks?page=${page}&pageSize=50`),
    placeholderData: keepPreviousData,
  });
}

/** The header's count; fresh on every page change and every minute. */
export function useTaskCount(enabled: boolean) {
  return useQuery({
    queryKey: ['tasks', 'count'],
    queryFn: () => api<{ open: number }>('/api/tasks/count'),
    enabled,
    staleTime: 15_000,
    refetchInterval: 60_000,
  });
}

export function useCompleteTask() {
  return useCommand<{ id: string; version: number }>((b) => `/api/tasks/${b.id}/done`, [['tasks']]);
}

export function useAnswerQuestion() {
  return useCommand<{ orderId: string; version: number; body: string }>(
    (b) => `/api/orders/${b.orderId}/answer`,
    [['tasks'], ['case']],
  );
}
