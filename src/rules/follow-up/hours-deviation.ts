import type { PlainDate } from '../../shared/plain-date.ts';
import { addWeeks, isoWeekStart } from '../calendar/date-arithmetic.ts';

/**
 * Delivered hours against the granted frame (seed 000, Blommevej: the acting municipality revisits when delivery
 * deviates substantially from what was granted). Substantial is a setting: `weeks` consecutive completed weeks each
 * outside ±`tolerance` of the granted weekly hours. A completed week without a registration counts as 0 hours
 * delivered: no registration is no documented delivery. ATA hours only (seed 001: time with the citizen in person,
 * virtually or by phone; not travel or administration).
 */
export type DeviationSettings = { weeks: number; tolerance: number; source: string };

export const DEFAULT_DEVIATION: DeviationSettings = {
  weeks: 4,
  tolerance: 0.25,
  source: 'Seed 000 (Blommevej): revisitation ved væsentlig afvigelse; "væsentlig" sat til 4 uger i træk uden for ±25 %',
};

export type WeekDelivery = { weekStart: PlainDate; hours: number | null; ratio: number | null; outside: boolean };

export function hoursDeviation(
  registered: readonly { weekStart: PlainDate; hours: number }[],
  grantedWeekly: number,
  from: PlainDate,
  today: PlainDate,
  settings: DeviationSettings = DEFAULT_DEVIATION,
): { flag: boolean; streak: number; weeks: WeekDelivery[] } {
  const byWeek = new Map(registered.map((r) => [r.weekStart, r.hours]));
  const weeks: WeekDelivery[] = [];
  // Completed weeks only: from the order's first week up to the week before the current one.
  const current = isoWeekStart(today);
  for (let w = isoWeekStart(from); w < current; w = addWeeks(w, 1)) {
    const hours = byWeek.get(w) ?? null;
    const delivered = hours ?? 0;
    const ratio = grantedWeekly > 0 ? delivered / grantedWeekly : null;
    const outside = ratio === null ? false : Math.abs(ratio - 1) > settings.tolerance;
    weeks.push({ weekStart: w, hours, ratio, outside });
  }
  let streak = 0;
  for (let i = weeks.length - 1; i >= 0 && weeks[i]?.outside; i--) streak++;
  return { flag: streak >= settings.weeks, streak, weeks };
}
