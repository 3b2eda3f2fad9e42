import type { PlainDate } from '../../shared/plain-date.ts';
import { addDays } from '../calendar/date-arithmetic.ts';
import type { DeadlineRuleSet } from '../deadlines/deadline-rules.ts';
import { computeDeadline } from '../deadlines/deadlines.ts';

/**
 * When the next FKO status of a goal is due (seed 003: status every third month; a final status when the plan
 * expires). Counted from the start of delivery, then from each status, by the municipality's `fko_status` rule.
 * When the plan ends before the next quarterly status, the final status is due on the end date instead.
 */
export function nextFkoStatus(
  input: {
    start: PlainDate;
    statuses: readonly { scoredOn: PlainDate; kind: 'quarterly' | 'final' }[];
    endsOn: PlainDate | null;
  },
  rules: DeadlineRuleSet,
): { kind: 'quarterly' | 'final'; due: PlainDate } | null {
  if (input.statuses.some((s) => s.kind === 'final')) return null;
  const last = [...input.statuses].sort((a, b) => a.scoredOn.localeCompare(b.scoredOn)).at(-1);
  const quarterly = computeDeadline('fko_status', last?.scoredOn ?? input.start, rules).due;
  if (input.endsOn && input.endsOn <= quarterly) return { kind: 'final', due: input.endsOn };
  return { kind: 'quarterly', due: quarterly };
}

/** A time-limited grant raises an alert `warnDays` (a setting, 30 by default) before it runs out, and after. */
export function timeLimitAlert(until: PlainDate | null, today: PlainDate, warnDays = 30): 'expired' | 'expiring' | null {
  if (!until) return null;
  if (until < today) return 'expired';
  if (addDays(today, warnDays) >= until) return 'expiring';
  return null;
}
