import { mentionsParagraph } from '../../shared/catalogue/paragraphs.ts';
import type { PlainDate } from '../../shared/plain-date.ts';
import { addDays } from '../calendar/date-arithmetic.ts';
import type { DeadlineRuleSet } from '../deadlines/deadline-rules.ts';
import { supportEndsAfterStop } from '../follow-up/fko-schedule.ts';
import { legalTimeLimit } from '../records/date-constraints.ts';

/** The dates of a running grant as the decision and the order record them. */
export type GrantDates = {
  legalBasis: string;
  /** First day of delivery: the order's actual start, else the decision's start, else the order date. */
  start: PlainDate;
  /** The order's last day: a stop decision (for SEL § 85 already four weeks on) or a replacing order. */
  endsOn: PlainDate | null;
  /** The decision's own time limit. */
  timeLimitUntil: PlainDate | null;
};

export type EndReason = 'ended' | 'time_limit' | 'legal_limit' | 'continuation';

/**
 * The last day a grant is expected to run, for committing its cost:
 * - the order's end when it has one (a stop decision, whose § 85 continuation is already in it; a replacing order);
 * - the decision's time limit, or the law's: SEL § 82 six months (seed 004), SEL § 107 three years (seed 001);
 * - for SEL § 85 support ending on a time limit, support is expected to go on four weeks more, because ending it
 *   takes a stop decision and housing support continues four weeks from that decision (seed 001). Inference: the
 *   stop decision is assumed made on the day the time limit runs out, the earliest it can end support.
 * Whichever comes first; null when nothing ends the grant (it runs to the end of any period asked for).
 */
export function plannedEnd(g: GrantDates, rules: DeadlineRuleSet): { end: PlainDate | null; reason: EndReason | null } {
  const limits: { end: PlainDate; reason: EndReason }[] = [];
  if (g.timeLimitUntil) limits.push({ end: g.timeLimitUntil, reason: 'time_limit' });
  const legal = legalTimeLimit(g.legalBasis, g.start, rules);
  if (legal) limits.push({ end: legal, reason: 'legal_limit' });
  let limit = limits.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0))[0] ?? null;
  if (limit && mentionsParagraph(g.legalBasis, '85')) {
    limit = { end: supportEndsAfterStop(g.legalBasis, limit.end, rules).endsOn, reason: 'continuation' };
  }
  if (g.endsOn && (!limit || g.endsOn <= limit.end)) return { end: g.endsOn, reason: 'ended' };
  return limit ? { end: limit.end, reason: limit.reason } : { end: null, reason: null };
}

/**
 * The part of [from, to] a grant runs in: from its start (or `from`) to its planned end (or `to`); null when it does
 * not run in the period at all.
 */
export function runningWithin(
  g: GrantDates,
  from: PlainDate,
  to: PlainDate,
  rules: DeadlineRuleSet,
): { from: PlainDate; to: PlainDate; reason: EndReason | null } | null {
  const { end, reason } = plannedEnd(g, rules);
  const start = g.start > from ? g.start : from;
  const last = end !== null && end < to ? end : to;
  if (last < start) return null;
  return { from: start, to: last, reason: end !== null && end < to ? reason : null };
}

/** The committed part of a grant's cost seen on `asOf`: from the next day to the end of the year (or its end). */
export function committedWithin(g: GrantDates, asOf: PlainDate, yearEnd: PlainDate, rules: DeadlineRuleSet) {
  return runningWithin(g, addDays(asOf, 1), yearEnd, rules);
}
