import type { PlainDate } from '../../shared/plain-date.ts';
import { daysBetween } from '../calendar/date-arithmetic.ts';

/**
 * The waiting list (venteliste) of an offer or offer type: a citizen granted a place that is not yet available. The
 * process is a typed table (status → allowed actions), like the case flow: a place is offered; the citizen accepts
 * (placed: the entry ends) or declines (back to waiting, the decline counted); an entry can be withdrawn (the need is
 * gone or met elsewhere).
 */
export const WAITING_STATUSES = ['waiting', 'offered', 'accepted', 'withdrawn'] as const;
export type WaitingStatus = (typeof WAITING_STATUSES)[number];

export const WAITING_ACTIONS = ['offer', 'accept', 'decline', 'withdraw', 'reprioritise'] as const;
export type WaitingAction = (typeof WAITING_ACTIONS)[number];

export const WAITING_TRANSITIONS: Record<WaitingStatus, Partial<Record<WaitingAction, WaitingStatus>>> = {
  waiting: { offer: 'offered', withdraw: 'withdrawn', reprioritise: 'waiting' },
  offered: { accept: 'accepted', decline: 'waiting', withdraw: 'withdrawn', reprioritise: 'offered' },
  accepted: {},
  withdrawn: {},
};

export function nextWaitingStatus(status: WaitingStatus, action: WaitingAction): WaitingStatus | null {
  return WAITING_TRANSITIONS[status][action] ?? null;
}

/** Priority 1 is urgent (akut), 2 high, 3 normal; a setting of the municipality's practice, not of the law. */
export const PRIORITIES = [1, 2, 3] as const;
export type Priority = (typeof PRIORITIES)[number];

export type WaitingEntry = {
  status: WaitingStatus;
  priority: Priority;
  decidedOn: PlainDate;
  neededFrom: PlainDate;
  /** The day the citizen accepted a place (the wait ends), or the entry was withdrawn. */
  closedOn: PlainDate | null;
};

/**
 * Waiting time in days: from the date of need (a grant for a later date does not wait before that date) to the day the
 * wait ended, or to `today` while it lasts. Never negative.
 */
export function waitingDays(e: Pick<WaitingEntry, 'neededFrom' | 'closedOn'>, today: PlainDate): number {
  const end = e.closedOn ?? today;
  return Math.max(0, daysBetween(e.neededFrom, end));
}

/** The order a team leader fills places in: priority, then the longest wait (earliest need), then decision date. */
export function waitingOrder(a: WaitingEntry, b: WaitingEntry): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  if (a.neededFrom !== b.neededFrom) return a.neededFrom < b.neededFrom ? -1 : 1;
  return a.decidedOn < b.decidedOn ? -1 : a.decidedOn > b.decidedOn ? 1 : 0;
}

/** Average and longest wait of the open entries, and the median of the closed ones (the measured waiting time). */
export function waitingStats(entries: readonly WaitingEntry[], today: PlainDate) {
  const open = entries.filter((e) => e.status === 'waiting' || e.status === 'offered');
  const placed = entries.filter((e) => e.status === 'accepted');
  const openDays = open.map((e) => waitingDays(e, today));
  const placedDays = placed.map((e) => waitingDays(e, today)).sort((a, b) => a - b);
  const mid = Math.floor(placedDays.length / 2);
  const median =
    placedDays.length === 0
      ? null
      : placedDays.length % 2
        ? (placedDays[mid] ?? null)
        : ((placedDays[mid - 1] ?? 0) + (placedDays[mid] ?? 0)) / 2;
  return {
    open: open.length,
    averageOpenDays: openDays.length ? Math.round(openDays.reduce((s, d) => s + d, 0) / openDays.length) : null,
    longestOpenDays: openDays.length ? Math.max(...openDays) : null,
    placed: placed.length,
    medianPlacedDays: median,
  };
}
