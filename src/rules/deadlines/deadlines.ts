import type { PlainDate } from '../../shared/plain-date.ts';
import { onOrNextDeadlineDay } from '../calendar/closed-days.ts';
import { addDays, addMonths, addWeeks, addYears } from '../calendar/date-arithmetic.ts';
import type { ComplaintChannel, CountUnit, DeadlineKind, DeadlineRule, DeadlineRuleSet } from './deadline-rules.ts';

export type ComputedDeadline = {
  kind: DeadlineKind;
  from: PlainDate;
  /** The counted date before any move to a working day. */
  counted: PlainDate;
  due: PlainDate;
  /** Local time on `due` when the deadline runs out. */
  endsAtTime: string;
  ruleVersion: string;
  source: string;
};

const COUNT: Record<CountUnit, (date: PlainDate, amount: number) => PlainDate> = {
  days: addDays,
  weeks: addWeeks,
  months: addMonths,
  years: addYears,
};

export const END_OF_DAY = '23:59:59';

/** The local time a deadline runs out on its last day, for a channel where the rule sets one per channel. */
export function endsAtTimeOf(rule: DeadlineRule, ruleSet: DeadlineRuleSet, channel?: ComplaintChannel): string {
  const endsAt = (channel && rule.endsAtByChannel?.[channel]) || rule.endsAt;
  return endsAt === 'close_of_office_hours' ? ruleSet.officeHoursClose : END_OF_DAY;
}

/**
 * The deadline of `kind` counted from `from`: the start day is day 0, so 14 days from Monday the 2nd is
 * Monday the 16th; weeks are 7 days; months follow the month-end rule in addMonths. A deadline for acting that
 * lands on a Saturday, Sunday or public holiday moves to the next working day; one the citizen must meet also
 * passes over Grundlovsdag, 24 and 31 December (`closedDays`). `endsAtTime` is the general end (for the complaint
 * deadline: a written or digital complaint); `endsAtTimeOf` gives it per channel.
 */
export function computeDeadline(
  kind: DeadlineKind,
  from: PlainDate,
  ruleSet: DeadlineRuleSet,
  channel?: ComplaintChannel,
): ComputedDeadline {
  const rule = ruleSet.rules[kind];
  const counted = COUNT[rule.unit](from, rule.amount);
  const due = rule.rollForward ? onOrNextDeadlineDay(counted, rule.closedDays) : counted;
  return {
    kind,
    from,
    counted,
    due,
    endsAtTime: endsAtTimeOf(rule, ruleSet, channel),
    ruleVersion: ruleSet.version,
    source: rule.source,
  };
}

export type DeadlineStatus = 'overdue' | 'due_soon' | 'open';

/** For "my cases": past due, due within `soonDays` (7 by default), or later. `today` is an argument, never the clock. */
export function deadlineStatus(due: PlainDate, today: PlainDate, soonDays = 7): DeadlineStatus {
  if (due < today) return 'overdue';
  if (due <= addDays(today, soonDays)) return 'due_soon';
  return 'open';
}

export type DeadlineState = DeadlineStatus | 'met' | 'met_late';

/** A stored deadline's state: met on time, met late (the step came after the due day), or still running. */
export function deadlineState(due: PlainDate, metOn: PlainDate | null, today: PlainDate, soonDays = 7): DeadlineState {
  if (metOn) return metOn > due ? 'met_late' : 'met';
  return deadlineStatus(due, today, soonDays);
}

/**
 * The due-date window behind the "my cases" filters, the same windows `deadlineStatus` uses: overdue is before
 * today; due soon is today up to `soonDays` ahead.
 */
export function dueWindow(
  filter: 'overdue' | 'due_soon',
  today: PlainDate,
  soonDays = 7,
): { from: PlainDate | null; to: PlainDate } {
  return filter === 'overdue' ? { from: null, to: addDays(today, -1) } : { from: today, to: addDays(today, soonDays) };
}
