import type { GoalUpdate } from '../../../shared/agreements/agreements.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditAgreements } from './agreements.helpers.ts';
import { agreementsRepository as repo } from './agreements.repository.ts';
import { checkedGoal } from './goal.helpers.ts';

/**
 * Changes a goal (409 if someone changed it meanwhile). A changed definition or measure gets the next definition
 * version, so values measured before keep saying which definition gave them.
 */
export async function updateGoal(ctx: RequestContext, id: string, input: GoalUpdate): Promise<{ version: number }> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const g = await repo.goal(tx, m, id);
    if (!g) throw notFound();
    const a = await repo.agreement(tx, m, g.agreement_id);
    if (!a) throw notFound();
    const row = await checkedGoal(tx, ctx, a, input);
    const redefined = row.definition !== g.definition || row.measure_key !== g.measure_key;
    const definitionVersion = g.definition_version + (redefined ? 1 : 0);
    if (!(await repo.updateGoal(tx, m, id, input.version, row, definitionVersion))) throw conflict();
    await repo.replaceGoalUnits(tx, m, id, input.unitIds);
    await auditAgreements(tx, ctx, {
      action: 'update',
      recordType: 'agreement_goal',
      recordId: id,
      details: { definitionVersion, redefined },
    });
    return { version: input.version + 1 };
  });
}
