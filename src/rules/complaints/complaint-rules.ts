import type { PlainDate } from '../../shared/plain-date.ts';
import type { ComplaintChannel, DeadlineRuleSet } from '../deadlines/deadline-rules.ts';
import { endsAtTimeOf } from '../deadlines/deadlines.ts';

/**
 * The complaint's own track (seed 001 "Klage"; retssikkerhedsloven §§ 66–67): the municipality reconsiders
 * (genvurdering) first; it either upholds the complaint (a new decision) or maintains its decision and forwards the
 * complaint to Ankestyrelsen with the decision and its reasons; Ankestyrelsen's result is recorded. The case keeps
 * its own status meanwhile, so support already ordered goes on while a complaint runs.
 */
export const COMPLAINT_STATUSES = ['reconsideration', 'upheld', 'forwarded', 'appeal_decided'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_ACTIONS = ['uphold', 'maintain', 'record_appeal_result'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

export const COMPLAINT_TRANSITIONS: Record<ComplaintStatus, Partial<Record<ComplaintAction, ComplaintStatus>>> = {
  reconsideration: { uphold: 'upheld', maintain: 'forwarded' },
  forwarded: { record_appeal_result: 'appeal_decided' },
  upheld: {},
  appeal_decided: {},
};

export function nextComplaintStatus(status: ComplaintStatus, action: ComplaintAction): ComplaintStatus | null {
  return COMPLAINT_TRANSITIONS[status][action] ?? null;
}

export const OPEN_COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['reconsideration', 'forwarded'];

/**
 * Ankestyrelsen's results and what each means for the case: a changed or remitted decision needs a new decision
 * from the municipality (Ankestyrelsen, "Afgørelsestyper": stadfæstelse, ændring, hjemvisning, afvisning).
 */
export const APPEAL_OUTCOMES = {
  confirmed: { danish: 'stadfæstet', newDecision: false },
  changed: { danish: 'ændret', newDecision: true },
  remitted: { danish: 'hjemvist', newDecision: true },
  dismissed: { danish: 'afvist', newDecision: false },
} as const satisfies Record<string, { danish: string; newDecision: boolean }>;
export type AppealOutcome = keyof typeof APPEAL_OUTCOMES;

/**
 * Was the complaint in time? It runs to the end of its last day, or to the close of office hours where the
 * municipality says so (`endsAtTime`, "HH:MM"). An oral complaint at the counter carries its time; a written one
 * without a time counts as received within the day.
 */
export function complaintTimeliness(
  received: { on: PlainDate; at: string | null },
  deadline: { due: PlainDate; endsAtTime: string },
): 'in_time' | 'late' {
  if (received.on < deadline.due) return 'in_time';
  if (received.on > deadline.due) return 'late';
  if (received.at === null || deadline.endsAtTime === '23:59:59') return 'in_time';
  return received.at <= deadline.endsAtTime ? 'in_time' : 'late';
}

/**
 * Was a complaint through `channel` in time against the deadline's last day? The end on that day depends on the
 * channel: a written or digital complaint runs to midnight; only an oral complaint at the office can end at the close
 * of office hours, where the municipality says so (retssikkerhedsloven § 67; seed 001 "Klage").
 */
export function complaintTimelinessByChannel(
  received: { on: PlainDate; at: string | null; channel: ComplaintChannel },
  due: PlainDate,
  ruleSet: DeadlineRuleSet,
): 'in_time' | 'late' {
  return complaintTimeliness(received, { due, endsAtTime: endsAtTimeOf(ruleSet.rules.complaint, ruleSet, received.channel) });
}

/** A complaint still under way: in reconsideration, or with Ankestyrelsen. One at a time per case. */
export function isComplaintOpen(status: string): boolean {
  return (OPEN_COMPLAINT_STATUSES as readonly string[]).includes(status);
}
