import { deadlineRulesFor } from '../../../rules/deadlines/deadline-rules.ts';
import { type Page, pageOffset } from '../../../shared/api/page.ts';
import type { ProviderOrderItem } from '../../../shared/follow-up/follow-up.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { audit } from './follow-up.helpers.ts';
import { followUpRepository } from './follow-up.repository.ts';
import { goalViews, hoursView, hoursWindowStart, orderState } from './order-view.ts';

/** The provider's workspace: incoming orders, "our citizens" (active) or ended ones, at the actor's offers; paged. */
export async function listProviderOrders(
  ctx: RequestContext,
  q: { state: 'incoming' | 'active' | 'ended'; page: number; pageSize: number },
): Promise<Page<ProviderOrderItem>> {
  return runUseCase(ctx, async (tx) => {
    const now = ctx.clock.today();
    const { items, total, totalCapped } = await followUpRepository.listForUnits(
      tx,
      ctx.actor.offerUnitIds,
      q.state,
      now,
      q.pageSize,
      pageOffset(q),
    );
    const ids = items.map((i) => i.id);
    // One query each for the whole page: goals, statuses, hours (no N+1).
    const goals = await followUpRepository.goals(tx, ids);
    const statuses = await followUpRepository.statuses(tx, ids);
    const hours = await followUpRepository.hours(tx, ids, hoursWindowStart(now));
    const rules = deadlineRulesFor(ctx.actor.municipalityCode);
    await audit(tx, ctx, {
      action: 'search',
      recordType: 'order',
      criterion: `orders:${q.state}`,
      details: { hits: total, ...(totalCapped ? { hitsCapped: true } : {}) },
    });
    return {
      items: items.map((i) => {
        const views = goalViews(i, goals, [], statuses, rules, now);
        const next = views
          .map((g) => g.nextStatus)
          .filter((n) => n !== null)
          .sort((a, b) => a.due.localeCompare(b.due))[0];
        const weekly = i.weekly_hours === null ? null : Number(i.weekly_hours);
        return {
          id: i.id,
          state: orderState(i, now),
          citizenName: `${i.first_name} ${i.last_name}`,
          offerName: i.offer_name,
          orderedOn: i.ordered_on as PlainDate,
          weeklyHours: weekly,
          profileCode: i.profile_code,
          goals: views.length,
          nextStatus: next ?? null,
          hoursFlag: hoursView(i, weekly, hours, now).flag,
        };
      }),
      total,
      totalCapped,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}
