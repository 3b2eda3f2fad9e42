import { deadlineStatus, dueWindow } from '../../../rules/deadlines/deadlines.ts';
import { type Page, type PageQuery, pageOffset } from '../../../shared/api/page.ts';
import type { CaseListItem } from '../../../shared/cases/case.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase } from './case-file.helpers.ts';
import { caseFileRepository } from './case-file.repository.ts';

/** "My cases" (or the team's): overdue deadlines first, then those due within 7 days, then the rest. */
export async function listCases(
  ctx: RequestContext,
  q: PageQuery & { scope: 'mine' | 'team'; due: 'all' | 'overdue' | 'due_soon' },
): Promise<Page<CaseListItem>> {
  return runUseCase(ctx, async (tx) => {
    const caseworkerId = q.scope === 'team' && ctx.actor.role === 'team_leader' ? null : ctx.actor.userId;
    const now = ctx.clock.today();
    const due = q.due === 'all' ? null : dueWindow(q.due, now);
    const { items, total } = await caseFileRepository.list(tx, { caseworkerId, due }, q.pageSize, pageOffset(q));
    await auditCase(tx, ctx, {
      action: 'search',
      recordType: 'case',
      criterion: `cases:${q.scope}:${q.due}`,
      details: { hits: total },
    });
    return {
      items: items.map((i) => ({
        id: i.id,
        citizenName: `${i.first_name} ${i.last_name}`,
        journalNumber: i.journal_number,
        title: i.title,
        status: i.status,
        nextDeadline:
          i.next_due && i.next_kind
            ? { kind: i.next_kind, dueDate: i.next_due as PlainDate, status: deadlineStatus(i.next_due as PlainDate, now) }
            : null,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}
