import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, fieldError, notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { budgetRepository } from './budget.repository.ts';
import { auditEconomy } from './economy.helpers.ts';

export async function updateBudgetLine(
  ctx: RequestContext,
  id: string,
  input: { version: number; amount: number; label: string; groupId: string | null },
): Promise<{ version: number }> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const line = await budgetRepository.lineById(tx, m, id);
    if (!line) throw notFound();
    if (input.groupId && !(await budgetRepository.groups(tx, m, line.budget_year)).some((g) => g.id === input.groupId))
      throw fieldError('groupId', 'budget.group.unknown');
    const ok = await budgetRepository.updateLine(tx, m, id, input.version, {
      amount: input.amount,
      label: input.label,
      group_id: input.groupId,
      updated_by_name: ctx.actor.name,
      import_id: null,
    });
    if (!ok) throw conflict();
    await auditEconomy(tx, ctx, {
      action: 'update',
      recordType: 'budget_line',
      recordId: id,
      details: { from: Number(line.amount), to: input.amount },
    });
    return { version: input.version + 1 };
  });
}
