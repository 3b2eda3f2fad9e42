import type { GoalInput } from '../../../shared/agreements/agreements.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditAgreements } from './agreements.helpers.ts';
import { agreementsRepository as repo } from './agreements.repository.ts';
import { checkedGoal } from './goal.helpers.ts';

/** A new goal at the end of an agreement (400 naming the field on a target that cannot be true). */
export async function createGoal(ctx: RequestContext, agreementId: string, input: GoalInput): Promise<{ id: string }> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const a = await repo.agreement(tx, m, agreementId);
    if (!a) throw notFound();
    const row = await checkedGoal(tx, ctx, a, input);
    const id = await repo.insertGoal(tx, m, agreementId, row);
    await repo.replaceGoalUnits(tx, m, id, input.unitIds);
    await auditAgreements(tx, ctx, { action: 'create', recordType: 'agreement_goal', recordId: id, details: { agreementId } });
    return { id };
  });
}
