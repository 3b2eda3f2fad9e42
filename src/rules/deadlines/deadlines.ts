import type { PlainDate } from '../../shared/plain-date.ts';
import { addDays, addMonths, addWeeks, addYears } from '../calendar/date-arithmetic.ts';
import { onOrNextWorkingDay } from '../calendar/working-days.ts';
import type { CountUnit, DeadlineKind, DeadlineRuleSet } from './deadline-rules.ts';

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

/**
 * The deadline of `kind` counted from `from`: the start day is day 0, so 14 days from Monday the 2nd is
 * Monday the 16th; weeks are 7 days; months follow the month-end rule in addMonths. A deadline for acting that
 * lands on a Saturday, Sunday or public holiday moves to the next working day.
 */
export function computeDeadline(kind: DeadlineKind, from: PlainDate, ruleSet: DeadlineRuleSet): ComputedDeadline {
  const rule = ruleSet.rules[kind];
  const counted = COUNT[rule.unit](from, rule.amount);
  const due = rule.rollForward ? onOrNextWorkingDay(counted) : counted;
  return {
    kind,
    from,
    counted,
    due,
    endsAtTime: rule.endsAt === 'close_of_office_hours' ? ruleSet.officeHoursClose : '23:59:59',
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
