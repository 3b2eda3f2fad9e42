import type { PlainDate } from '../../shared/plain-date.ts';
import { daysBetween } from '../calendar/date-arithmetic.ts';

/**
 * Management figures (issue 14, "Dashboards for management"; the figures the field uses, shared/DOMAIN.md): deadlines
 * kept as a share and in days (median and 90th percentile), and the strategy indicators seed 001 asks for: the share
 * of citizens supported in their own home against those in housing offers, split as Danmarks Statistik splits them.
 */

/** The nearest-rank percentile (p in 0–100) of whole days; null without values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

export type DeadlineRow = { fromDate: PlainDate; dueDate: PlainDate; metOn: PlainDate | null };

export type DeadlineStats = {
  /** Deadlines met in the period. */
  met: number;
  metInTime: number;
  /** Share met in time, per cent with one decimal; null without any met. */
  keptPct: number | null;
  /** Days from the deadline's start to its being met. */
  medianDays: number | null;
  p90Days: number | null;
  /** Not met and past due on the given day. */
  overdue: number;
};

/** A deadline kind's figures: those met in the period, and those open and overdue on `today`. */
export function deadlineStats(
  rows: readonly DeadlineRow[],
  period: { from: PlainDate; to: PlainDate },
  today: PlainDate,
): DeadlineStats {
  const met = rows.filter((r) => r.metOn !== null && r.metOn >= period.from && r.metOn <= period.to);
  const inTime = met.filter((r) => (r.metOn as PlainDate) <= r.dueDate).length;
  const days = met.map((r) => daysBetween(r.fromDate, r.metOn as PlainDate));
  return {
    met: met.length,
    metInTime: inTime,
    keptPct: met.length ? Math.round((1000 * inTime) / met.length) / 10 : null,
    medianDays: percentile(days, 50),
    p90Days: percentile(days, 90),
    overdue: rows.filter((r) => r.metOn === null && r.dueDate < today).length,
  };
}

/**
 * Where a grant places the citizen on the intervention ladder, as Danmarks Statistik splits housing support
 * ("Handicap og udsatte (voksne)", shared/DOMAIN.md): § 85 in the citizen's own home; § 107 temporary housing;
 * § 108 long-term housing and § 85 in housing-like offers (an offer with homes under ABL § 105).
 */
export type HousingKind = 'own_home' | 'temporary' | 'long_term' | 'other';

export const HOUSING_RUNG: Record<HousingKind, number> = { own_home: 1, temporary: 2, long_term: 3, other: 0 };

export function housingKind(legalBasis: string, offerLegalBases: readonly string[]): HousingKind {
  const p = legalBasis.replace(/\s+/g, ' ');
  if (/§ ?108\b/.test(p)) return 'long_term';
  if (/§ ?107\b/.test(p)) return 'temporary';
  if (/§ ?85\b/.test(p)) return offerLegalBases.some((b) => /ABL § ?105/.test(b)) ? 'long_term' : 'own_home';
  return 'other';
}

/** A move down the ladder: a later grant on a lower rung, or support ended without a new one. */
export function movedDown(from: HousingKind, to: HousingKind | null): boolean {
  if (from === 'other') return false;
  return to === null || (to !== 'other' && HOUSING_RUNG[to] < HOUSING_RUNG[from]);
}

/** The quarter of a date, as "2026 K3". */
export function quarterOf(d: PlainDate): string {
  return `${d.slice(0, 4)} K${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
}
