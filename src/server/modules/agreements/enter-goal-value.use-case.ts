import type { ExternalValueInput } from '../../../shared/agreements/agreements.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditAgreements } from './agreements.helpers.ts';
import { agreementsRepository as repo } from './agreements.repository.ts';

/**
 * A value from an outside source (Danmarks Statistik's registers, VIVE's homeless count, the treatment registers)
 * with its source and date. A goal Visitator measures is measured, not typed (400).
 */
export async function enterGoalValue(ctx: RequestContext, id: string, input: ExternalValueInput): Promise<{ id: string }> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const g = await repo.goal(tx, m, id);
    if (!g) throw notFound();
    if (g.measure_key) throw fieldError('value', 'agreement.measuredGoal');
    if (input.periodTo < input.periodFrom) throw fieldError('periodTo', 'dates.order');
    const today = ctx.clock.today();
    if (input.sourceDate > today) throw fieldError('sourceDate', 'agreement.future');
    if (g.value_unit === 'percent' && (input.value < 0 || input.value > 100)) throw fieldError('value', 'agreement.percent');
    if (g.value_unit === 'count' && (input.value < 0 || !Number.isInteger(input.value)))
      throw fieldError('value', 'agreement.count');
    const mid = await repo.insertMeasurement(tx, m, {
      goal_id: id,
      period_from: input.periodFrom,
      period_to: input.periodTo,
      value: String(input.value),
      numerator: null,
      denominator: input.denominator,
      origin: 'entered',
      measure_key: null,
      definition_version: g.definition_version,
      breakdown: '[]',
      source: input.source,
      source_date: input.sourceDate,
      computed_at: ctx.clock.now().toISOString(),
      recorded_by_name: ctx.actor.name,
    });
    await auditAgreements(tx, ctx, { action: 'create', recordType: 'goal_measurement', recordId: mid, details: { goalId: id } });
    return { id: mid };
  });
}
