import { addDays } from '../../../rules/calendar/date-arithmetic.ts';
import {
  canMarkDone,
  DEADLINE_TASK_HORIZON_DAYS,
  deadlineKindsFor,
  TASK_KIND_RULES,
  type TaskKind,
} from '../../../rules/tasks/task-kinds.ts';
import { type Page, type PageQuery, pageOffset } from '../../../shared/api/page.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { TaskItem } from '../../../shared/tasks/task.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditTasks, inboxOwnerOf, summaryOf } from './tasks.helpers.ts';
import { tasksRepository } from './tasks.repository.ts';

/**
 * The actor's inbox, paged: the open tasks events left for them and the deadlines that are theirs (whose duty,
 * rules/deadlines/deadline-duty.ts) within seven days or overdue; a team leader's also the decisions awaiting their
 * approval (done by approving or sending back on the case). The oldest event and the nearest deadline first.
 */
export async function listTasks(ctx: RequestContext, q: PageQuery): Promise<Page<TaskItem>> {
  return runUseCase(ctx, async (tx) => {
    const owner = inboxOwnerOf(ctx);
    const today = ctx.clock.today();
    const { items, total } = await tasksRepository.inbox(
      tx,
      owner,
      {
        deadlineKinds: deadlineKindsFor(owner.audience),
        horizon: addDays(today, DEADLINE_TASK_HORIZON_DAYS),
        today,
      },
      q.pageSize,
      pageOffset(q),
    );
    await auditTasks(tx, ctx, { action: 'search', recordType: 'task', criterion: 'tasks:inbox', details: { hits: total } });
    return {
      items: items.map((i) => {
        const event = i.source === 'event';
        const kind = i.kind as TaskKind;
        return {
          id: i.id,
          source: i.source,
          kind: i.kind,
          caseId: i.case_id,
          orderId: i.order_id,
          citizenName: `${i.first_name} ${i.last_name}`,
          caseTitle: i.title,
          journalNumber: i.journal_number,
          summary: i.source === 'approval' && i.summary ? summaryOf(i.summary) : i.summary,
          at: i.at ? new Date(i.at).toISOString() : null,
          due: (i.due as PlainDate | null) ?? null,
          overdue: i.due !== null && i.due < today,
          version: i.version,
          orderVersion: i.order_version ?? null,
          canMarkDone: event && canMarkDone(kind),
          answerable: event && kind === 'provider_question' && TASK_KIND_RULES[kind].audience === owner.audience,
          approval: i.detail
            ? {
                weeklyHours: i.detail.weeklyHours === null ? null : Number(i.detail.weeklyHours),
                thresholdHours: Number(i.detail.thresholdHours),
                requestedByName: i.detail.requestedByName,
              }
            : null,
        };
      }),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

/** The header's count: every item of the inbox (no personal data, so no audit row). */
export async function countTasks(ctx: RequestContext): Promise<{ open: number }> {
  return runUseCase(ctx, async (tx) => {
    const owner = inboxOwnerOf(ctx);
    const today = ctx.clock.today();
    return {
      open: await tasksRepository.count(tx, owner, {
        deadlineKinds: deadlineKindsFor(owner.audience),
        horizon: addDays(today, DEADLINE_TASK_HORIZON_DAYS),
        today,
      }),
    };
  });
}
