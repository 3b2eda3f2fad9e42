import { mentionsParagraph } from '../../shared/catalogue/paragraphs.ts';
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

/**
 * The last day of support after a stop decision on `stoppedOn`: housing support under SEL § 85 continues 4 weeks
 * from the decision date (seed 001, `housing_support_continuation`, an end date that does not move); other support
 * ends on the decision date.
 */
export function supportEndsAfterStop(
  legalBasis: string,
  stoppedOn: PlainDate,
  rules: DeadlineRuleSet,
): { endsOn: PlainDate; continuation: ReturnType<typeof computeDeadline> | null } {
  if (!mentionsParagraph(legalBasis, '85')) return { endsOn: stoppedOn, continuation: null };
  const continuation = computeDeadline('housing_support_continuation', stoppedOn, rules);
  return { endsOn: continuation.due, continuation };
}

/**
 * An order's state on `today`: ordered (not yet accepted), on hold (the provider asked a question), declined,
 * accepted (running), or ended (past its last day). See order-actions.ts for the actions between them.
 */
export function orderState(
  o: { status: string; endsOn: string | null },
  today: PlainDate,
): 'ordered' | 'on_hold' | 'declined' | 'accepted' | 'ended' {
  if (o.status === 'declined') return 'declined';
  if (o.status === 'ended' || (o.endsOn !== null && o.endsOn < today)) return 'ended';
  if (o.status === 'accepted' || o.status === 'on_hold') return o.status;
  return 'ordered';
}
