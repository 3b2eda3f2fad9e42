import type { Agreement } from '../../../shared/agreements/agreements.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { subtree, toAgreementSummary, toGoal } from './agreements.helpers.ts';
import { type MeasurementRow, agreementsRepository as repo } from './agreements.repository.ts';
import { toReportSummary } from './report.helpers.ts';

/** An agreement with its goals, each with its latest value, trend and attainment, and its status reports. */
export async function readAgreement(ctx: RequestContext, id: string): Promise<Agreement> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const a = await repo.agreement(tx, m, id);
    if (!a) throw notFound();
    const goals = await repo.goals(tx, m, id);
    const ids = goals.map((g) => g.id);
    const units = await repo.goalUnits(tx, m, ids);
    const values = new Map<string, MeasurementRow[]>();
    for (const v of await repo.measurements(tx, m, ids)) values.set(v.goal_id, [...(values.get(v.goal_id) ?? []), v]);
    const allUnits = await repo.units(tx, m);
    const inCenter = new Set(subtree(allUnits, [a.unit_id]));
    return {
      ...toAgreementSummary(a, goals.length),
      goals: goals.map((g) =>
        toGoal(
          g,
          units.filter((u) => u.goal_id === g.id).map((u) => ({ id: u.id, name: u.name })),
          values.get(g.id) ?? [],
        ),
      ),
      reports: (await repo.reports(tx, m, id)).map(toReportSummary),
      offerUnits: allUnits
        .filter((u) => inCenter.has(u.id) && u.id !== a.unit_id)
        .map((u) => ({ id: u.id, name: u.name }))
        .sort((x, y) => x.name.localeCompare(y.name, 'da')),
    };
  });
}
