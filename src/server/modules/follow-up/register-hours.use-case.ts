import { isoWeekStart } from '../../../rules/calendar/date-arithmetic.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflictOn, fieldError } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { audit, loadOrderFor, requireAccepted } from './follow-up.helpers.ts';
import { followUpRepository } from './follow-up.repository.ts';

/** ATA hours for one week: not for a week not yet begun, not before the start, not after the order ended. */
export async function registerHours(
  ctx: RequestContext,
  orderId: string,
  input: { weekStart: PlainDate; hours: number },
): Promise<void> {
  await runUseCase(ctx, async (tx) => {
    const o = await loadOrderFor(tx, ctx, orderId);
    requireAccepted(o);
    const week = isoWeekStart(input.weekStart);
    if (week > isoWeekStart(ctx.clock.today())) throw fieldError('weekStart', 'hours.future');
    if (o.actual_start && week < isoWeekStart(o.actual_start as PlainDate)) throw fieldError('weekStart', 'hours.beforeStart');
    if (o.ends_on && week > o.ends_on) throw conflictOn('weekStart', 'order.ended');
    await followUpRepository.upsertHours(tx, {
      municipality_id: ctx.actor.municipalityId,
      order_id: o.id,
      week_start: week,
      hours: input.hours,
      registered_by_name: ctx.actor.name,
    });
    await audit(tx, ctx, {
      action: 'update',
      citizenId: o.citizen_id,
      recordType: 'delivered_hours',
      recordId: o.id,
      details: { week, hours: input.hours },
    });
  });
}
