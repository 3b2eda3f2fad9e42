import type { BudgetLineInput } from '../../../shared/economy/economy.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, fieldError } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { resolver } from './budget.helpers.ts';
import { budgetRepository } from './budget.repository.ts';
import { auditEconomy } from './economy.helpers.ts';

/** A line entered in the form. A unit, offer or group the municipality does not have is a 400 naming the field. */
export async function createBudgetLine(ctx: RequestContext, input: BudgetLineInput): Promise<{ id: string }> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const r = await resolver(tx, m);
    if (!r.unit(input.unitId)) throw fieldError('unitId', 'unit.unknown');
    if (input.offerId && !r.offer(input.offerId)) throw fieldError('offerId', 'offer.unknown');
    if (input.groupId && !(await budgetRepository.groups(tx, m, input.year)).some((g) => g.id === input.groupId))
      throw fieldError('groupId', 'budget.group.unknown');
    if (
      await budgetRepository.lineByKey(tx, m, {
        year: input.year,
        unitId: input.unitId,
        kind: input.kind,
        offerId: input.offerId,
      })
    )
      throw conflict('budget line exists');
    const id = await budgetRepository.insertLine(tx, m, {
      budget_year: input.year,
      unit_id: input.unitId,
      line_kind: input.kind,
      offer_id: input.offerId,
      group_id: input.groupId,
      label: input.label,
      amount: input.amount,
      source: null,
      import_id: null,
      updated_by_name: ctx.actor.name,
    });
    await auditEconomy(tx, ctx, {
      action: 'create',
      recordType: 'budget_line',
      recordId: id,
      details: { year: input.year, amount: input.amount },
    });
    return { id };
  });
}
