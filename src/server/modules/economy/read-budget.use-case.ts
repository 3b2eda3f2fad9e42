import { reconcile } from '../../../rules/economy/budget-lines.ts';
import type { Budget } from '../../../shared/economy/economy.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { budgetRepository } from './budget.repository.ts';

/** A year's budget: its lines, the printed subtotals checked against the lines under them, and the years there are. */
export async function readBudget(ctx: RequestContext, year: number): Promise<Budget> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const lines = await budgetRepository.lines(tx, m, year);
    const groups = await budgetRepository.groups(tx, m, year);
    const years = await budgetRepository.years(tx, m);
    const reconciled = reconcile(
      groups.map((g) => ({
        id: g.id,
        parentId: g.parent_id,
        label: g.label,
        printed: g.printed_amount === null ? null : Number(g.printed_amount),
      })),
      lines.map((l) => ({ groupId: l.group_id, amount: Number(l.amount) })),
    );
    return {
      year,
      years,
      total: Math.round(lines.reduce((s, l) => s + Number(l.amount), 0) * 100) / 100,
      lines: lines.map((l) => ({
        id: l.id,
        year: l.budget_year,
        unitId: l.unit_id,
        unitName: l.unit_name,
        kind: l.line_kind,
        offerId: l.offer_id,
        offerName: l.offer_name,
        groupId: l.group_id,
        label: l.label,
        amount: Number(l.amount),
        invented: l.invented,
        source: l.source,
        version: l.version,
      })),
      groups: reconciled.map((g) => ({
        ...g,
        position: groups.find((x) => x.id === g.id)?.position ?? 0,
        source: groups.find((x) => x.id === g.id)?.source ?? null,
      })),
    };
  });
}
