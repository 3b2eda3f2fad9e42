import type { GoalDetail } from '../../../shared/agreements/agreements.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { toGoal, toMeasurement } from './agreements.helpers.ts';
import { agreementsRepository as repo } from './agreements.repository.ts';

/** A goal with every value it has had (newest first), each with its breakdown per theme and offer as disclosed. */
export async function readGoal(ctx: RequestContext, id: string): Promise<GoalDetail> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const g = await repo.goal(tx, m, id);
    if (!g) throw notFound();
    const a = await repo.agreement(tx, m, g.agreement_id);
    if (!a) throw notFound();
    const values = await repo.measurements(tx, m, [id]);
    const units = (await repo.goalUnits(tx, m, [id])).map((u) => ({ id: u.id, name: u.name }));
    return {
      agreementTitle: a.title,
      agreementPeriodFrom: String(a.period_from).slice(0, 10) as PlainDate,
      agreementPeriodTo: String(a.period_to).slice(0, 10) as PlainDate,
      goal: toGoal(g, units, values),
      values: values.map(toMeasurement),
    };
  });
}
