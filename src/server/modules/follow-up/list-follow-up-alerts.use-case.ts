import { addDays } from '../../../rules/calendar/date-arithmetic.ts';
import { deadlineRulesFor } from '../../../rules/deadlines/deadline-rules.ts';
import { timeLimitAlert } from '../../../rules/follow-up/fko-schedule.ts';
import { type Page, type PageQuery, pageOffset } from '../../../shared/api/page.ts';
import type { FollowUpAlert } from '../../../shared/follow-up/follow-up.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { audit } from './follow-up.helpers.ts';
import { followUpRepository } from './follow-up.repository.ts';
import { goalViews, hoursView, hoursWindowStart } from './order-view.ts';

/**
 * The alerts for "my cases" (or the team's): an FKO status overdue from the provider, delivered hours off the
 * frame, a time-limited grant within 30 days of its end or past it, a follow-up due within 7 days. Paged; one
 * query each for goals, statuses and hours of the page.
 */
export async function listFollowUpAlerts(
  ctx: RequestContext,
  q: PageQuery & { scope: 'mine' | 'team' },
): Promise<Page<FollowUpAlert>> {
  return runUseCase(ctx, async (tx) => {
    const now = ctx.clock.today();
    const caseworkerId = q.scope === 'team' && ctx.actor.role === 'team_leader' ? null : ctx.actor.userId;
    const { items, total, totalCapped } = await followUpRepository.runningForCaseworker(
      tx,
      caseworkerId,
      now,
      q.pageSize,
      pageOffset(q),
    );
    const ids = items.map((i) => i.id);
    const goals = await followUpRepository.goals(tx, ids);
    const statuses = await followUpRepository.statuses(tx, ids);
    const hours = await followUpRepository.hours(tx, ids, hoursWindowStart(now));
    const rules = deadlineRulesFor(ctx.actor.municipalityCode);
    await audit(tx, ctx, {
      action: 'search',
      recordType: 'order',
      criterion: `follow-up-alerts:${q.scope}`,
      details: { hits: total, ...(totalCapped ? { hitsCapped: true } : {}) },
    });
    return {
      items: items.map((i) => {
        const weekly = i.weekly_hours === null ? null : Number(i.weekly_hours);
        const views = goalViews(i, goals, [], statuses, rules, now);
        const limit = timeLimitAlert(i.time_limit_until as PlainDate | null, now);
        const alerts: FollowUpAlert['alerts'] = [
          ...(views.some((g) => g.nextStatus?.overdue) ? (['fko_overdue'] as const) : []),
          ...(hoursView(i, weekly, hours, now).flag ? (['hours_deviation'] as const) : []),
          ...(limit === 'expired'
            ? (['time_limit_expired'] as const)
            : limit === 'expiring'
              ? (['time_limit_expiring'] as const)
              : []),
          ...(i.first_follow_up <= addDays(now, 7) ? (['follow_up_due'] as const) : []),
        ];
        return {
          caseId: i.case_id,
          citizenName: `${i.first_name} ${i.last_name}`,
          nextFollowUp: i.first_follow_up as PlainDate,
          timeLimitUntil: i.time_limit_until as PlainDate | null,
          alerts,
        };
      }),
      total,
      totalCapped,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}
