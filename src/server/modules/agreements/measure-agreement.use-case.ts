import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditAgreements, measureGoal } from './agreements.helpers.ts';
import { agreementsRepository as repo } from './agreements.repository.ts';

/** Measures every goal of an agreement that Visitator measures, over one period, and stores the values. */
export async function measureAgreement(
  ctx: RequestContext,
  id: string,
  q: { periodFrom: PlainDate; periodTo: PlainDate },
): Promise<{ measured: number }> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const a = await repo.agreement(tx, m, id);
    if (!a) throw notFound();
    if (q.periodTo < q.periodFrom) throw fieldError('periodTo', 'dates.order');
    if (q.periodTo > ctx.clock.today()) throw fieldError('periodTo', 'agreement.future');
    const goals = (await repo.goals(tx, m, id)).filter((g) => g.measure_key);
    for (const g of goals) await measureGoal(tx, ctx, g, a.unit_id, { from: q.periodFrom, to: q.periodTo });
    await auditAgreements(tx, ctx, {
      action: 'create',
      recordType: 'goal_measurement',
      recordId: id,
      details: { goals: goals.length },
    });
    return { measured: goals.length };
  });
}
