import type { PlainDate } from '../../shared/plain-date.ts';
import { addDays, addMonths } from '../calendar/date-arithmetic.ts';

/**
 * Outreach advice (fremskudt rådgivning, Randers, seed 003 "Fremskudt indsats"): up to 3 clarifying talks
 * (afklaringssamtaler), or an advice course (råd- og vejledningsforløb) of up to ½ year with a citizen plan.
 */
export const OUTREACH_LIMITS = {
  clarifyingTalks: { max: 3, source: 'Seed 003, "Fremskudt indsats": op til 3 afklaringssamtaler' },
  adviceCourseMonths: { max: 6, source: 'Seed 003, "Fremskudt indsats": råd- og vejledningsforløb op til ½ år med borgerplan' },
} as const;

export type OutreachWarning = 'talks_at_limit' | 'talks_over_limit' | 'course_ends_soon' | 'course_over_limit';

/**
 * The counts and warnings for one case: the talks held, and the course's last day (start + 6 months) against
 * `today`. Warns at the limit (the third talk; the last 30 days of the course) and past it.
 */
export function outreachStatus(
  input: { talks: number; courseStartedOn: PlainDate | null },
  today: PlainDate,
  warnDays = 30,
): { talks: number; talksLeft: number; courseEndsOn: PlainDate | null; warnings: OutreachWarning[] } {
  const max = OUTREACH_LIMITS.clarifyingTalks.max;
  const warnings: OutreachWarning[] = [];
  if (input.talks > max) warnings.push('talks_over_limit');
  else if (input.talks === max) warnings.push('talks_at_limit');
  const courseEndsOn = input.courseStartedOn ? addMonths(input.courseStartedOn, OUTREACH_LIMITS.adviceCourseMonths.max) : null;
  if (courseEndsOn) {
    if (today > courseEndsOn) warnings.push('course_over_limit');
    else if (today >= addDays(courseEndsOn, -warnDays)) warnings.push('course_ends_soon');
  }
  return { talks: input.talks, talksLeft: Math.max(0, max - input.talks), courseEndsOn, warnings };
}
