import type { RequestContext } from '../../platform/auth/actor.ts';
import { fieldError } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { budgetRepository } from './budget.repository.ts';
import { auditEconomy } from './economy.helpers.ts';

/** A printed subtotal of the budget document, to be checked against the lines under it. */
export async function createBudgetGroup(
  ctx: RequestContext,
  input: { year: number; parentId: string | null; label: string; printedAmount: number | null; position: number },
): Promise<{ id: string }> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const groups = await budgetRepository.groups(tx, m, input.year);
    if (input.parentId && !groups.some((g) => g.id === input.parentId)) throw fieldError('parentId', 'budget.group.unknown');
    if (groups.some((g) => g.label.toLowerCase() === input.label.toLowerCase())) throw fieldError('label', 'import.duplicate');
    const id = await budgetRepository.insertGroup(tx, m, {
      budget_year: input.year,
      parent_id: input.parentId,
      label: input.label,
      printed_amount: input.printedAmount,
      position: input.position,
      source: null,
    });
    await auditEconomy(tx, ctx, {
      action: 'create',
      recordType: 'budget_group',
      recordId: id,
      details: { label: input.label },
    });
    return { id };
  });
}
