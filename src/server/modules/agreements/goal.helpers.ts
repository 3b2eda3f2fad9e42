import { targetConsistent } from '../../../rules/agreements/goal-status.ts';
import type { GoalInput } from '../../../shared/agreements/agreements.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { fieldError } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { subtree } from './agreements.helpers.ts';
import { type GoalWrite, agreementsRepository as repo } from './agreements.repository.ts';

/**
 * Checks a goal as entered against what cannot be true, naming the field: a target given both as a value and as a
 * change must agree with the baseline; a measured goal is a share; a target year lies in or after the baseline's;
 * the offers sharing it are units under the agreement's center.
 */
export async function checkedGoal(
  tx: Tx,
  ctx: RequestContext,
  agreement: { unit_id: string; period_from: string; period_to: string },
  input: GoalInput,
): Promise<GoalWrite> {
  const direction = input.direction;
  if (input.targetValue === null && input.targetChangePp === null && input.unit !== 'text')
    throw fieldError('targetValue', 'agreement.targetRequired');
  if (
    !targetConsistent({
      baselineValue: input.baselineValue,
      targetValue: input.targetValue,
      targetChangePp: input.targetChangePp,
      direction,
    })
  )
    throw fieldError('targetChangePp', 'agreement.targetMismatch');
  if (input.unit === 'percent') {
    for (const f of ['baselineValue', 'targetValue'] as const) {
      const v = input[f];
      if (v !== null && (v < 0 || v > 100)) throw fieldError(f, 'agreement.percent');
    }
  }
  if (input.measureKey !== null && input.unit !== 'percent') throw fieldError('measureKey', 'agreement.measureUnit');
  const startYear = Number(String(agreement.period_from).slice(0, 4));
  if (input.targetYear !== null && input.targetYear < startYear) throw fieldError('targetYear', 'agreement.targetYear');
  if (input.baselineN !== null && input.baselineValue === null) throw fieldError('baselineValue', 'agreement.baselineForN');
  const units = await repo.units(tx, ctx.actor.municipalityId);
  const allowed = new Set(subtree(units, [agreement.unit_id]));
  if (input.unitIds.some((u) => !allowed.has(u) || u === agreement.unit_id)) throw fieldError('unitIds', 'agreement.unit');
  if (input.level === 'offer' && input.unitIds.length === 0) throw fieldError('unitIds', 'agreement.offerUnits');
  return {
    level: input.level,
    theme: input.theme,
    heading: input.heading || null,
    title: input.title,
    value_unit: input.unit,
    direction,
    baseline_value: input.baselineValue === null ? null : String(input.baselineValue),
    baseline_period: input.baselinePeriod || null,
    baseline_n: input.baselineN,
    baseline_n_label: input.baselineNLabel || null,
    target_value: input.targetValue === null ? null : String(input.targetValue),
    target_change_pp: input.targetChangePp === null ? null : String(input.targetChangePp),
    target_year: input.targetYear,
    data_source: input.dataSource,
    measure_key: input.measureKey,
    definition: input.definition,
    source_ref: input.sourceRef,
  };
}
