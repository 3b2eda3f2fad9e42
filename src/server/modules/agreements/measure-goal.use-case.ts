import type { Measurement } from '../../../shared/agreements/agreements.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditAgreements, measureGoal, toMeasurement } from './agreements.helpers.ts';
import { agreementsRepository as repo } from './agreements.repository.ts';

/** Measures a goal from the cases over a period and stores the value (a goal from an outside source has no measure). */
export async function measureGoalNow(
  ctx: RequestContext,
  id: string,
  q: { periodFrom: PlainDate; periodTo: PlainDate },
): Promise<Measurement> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const g = await repo.goal(tx, m, id);
    if (!g) throw notFound();
    if (!g.measure_key) throw fieldError('measureKey', 'agreement.notMeasured');
    if (q.periodTo < q.periodFrom) throw fieldError('periodTo', 'dates.order');
    if (q.periodTo > ctx.clock.today()) throw fieldError('periodTo', 'agreement.future');
    const a = await repo.agreement(tx, m, g.agreement_id);
    if (!a) throw notFound();
    const mid = await measureGoal(tx, ctx, g, a.unit_id, { from: q.periodFrom, to: q.periodTo });
    await auditAgreements(tx, ctx, { action: 'create', recordType: 'goal_measurement', recordId: mid, details: { goalId: id } });
    const row = await repo.measurement(tx, m, mid);
    if (!row) throw notFound();
    return toMeasurement(row);
  });
}
