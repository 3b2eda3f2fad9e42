/**
 * A goal's target and where a value stands against its baseline and target (seed 003, afsnit 3.1: targets are given
 * as a value by a year, often with the change in percentage points that gives it, e.g. »øges med 3 procentpoint …
 * Målsætning 2020: 63 %«). Pure: the direction comes from the goal (fewer homeless, more goals kept or gained).
 */
export type Direction = 'increase' | 'decrease';

export type GoalTarget = {
  baselineValue: number | null;
  targetValue: number | null;
  targetChangePp: number | null;
  direction: Direction;
};

/** The target value: as given, else the baseline moved by the change in percentage points in the goal's direction. */
export function targetValueOf(g: GoalTarget): number | null {
  if (g.targetValue !== null) return g.targetValue;
  if (g.targetChangePp === null || g.baselineValue === null) return null;
  return g.direction === 'increase' ? g.baselineValue + g.targetChangePp : g.baselineValue - g.targetChangePp;
}

/** A target given both ways must agree (a transcription check: 60 % + 3 pp is 63 %). */
export function targetConsistent(g: GoalTarget): boolean {
  if (g.targetValue === null || g.targetChangePp === null || g.baselineValue === null) return true;
  const derived = g.direction === 'increase' ? g.baselineValue + g.targetChangePp : g.baselineValue - g.targetChangePp;
  return Math.abs(derived - g.targetValue) < 1e-9;
}

export type Trend = 'better' | 'worse' | 'unchanged' | 'unknown';

/** Better or worse than before, in the goal's direction; within half a point counts as unchanged. */
export function trendOf(before: number | null, now: number | null, direction: Direction, tolerance = 0.5): Trend {
  if (before === null || now === null) return 'unknown';
  const diff = direction === 'increase' ? now - before : before - now;
  if (Math.abs(diff) <= tolerance) return 'unchanged';
  return diff > 0 ? 'better' : 'worse';
}

export type Attainment = 'met' | 'on_way' | 'not_met' | 'unknown';

/** Met when the value has reached the target; on the way when it moved from the baseline towards it. */
export function attainmentOf(g: GoalTarget, now: number | null): Attainment {
  const target = targetValueOf(g);
  if (now === null || target === null) return 'unknown';
  const reached = g.direction === 'increase' ? now >= target : now <= target;
  if (reached) return 'met';
  if (g.baselineValue !== null && trendOf(g.baselineValue, now, g.direction, 0) === 'better') return 'on_way';
  return 'not_met';
}

export const TREND_LABELS: Record<Trend, { da: string; en: string }> = {
  better: { da: 'Bedre', en: 'Better' },
  worse: { da: 'Dårligere', en: 'Worse' },
  unchanged: { da: 'Uændret', en: 'Unchanged' },
  unknown: { da: 'Ikke målt', en: 'Not measured' },
};

export const ATTAINMENT_LABELS: Record<Attainment, { da: string; en: string }> = {
  met: { da: 'Nået', en: 'Met' },
  on_way: { da: 'På vej', en: 'On the way' },
  not_met: { da: 'Ikke nået', en: 'Not met' },
  unknown: { da: 'Kan ikke vurderes', en: 'Cannot be judged' },
};
