import type { DeadlineRuleSet } from '../../../rules/deadlines/deadline-rules.ts';
import { END_OF_DAY, endsAtTimeOf } from '../../../rules/deadlines/deadlines.ts';
import type { CatalogueContent } from '../../../shared/catalogue/catalogue.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { ComplaintGuidanceModel, Letterhead } from '../letters/index.ts';

/**
 * The complaint guidance of a decision letter: the complaint address from the service level the decision applied
 * (seed 001 "Klage"), or the municipality's letterhead when that level names none; the deadline's end per channel
 * (a written or digital complaint to midnight; an oral one to the close of office hours where the municipality says
 * so); the caseworker who takes an oral complaint.
 */
export function complaintGuidanceOf(opts: {
  content: Pick<CatalogueContent, 'complaints'> | null;
  letterhead: Letterhead;
  due: PlainDate;
  rules: DeadlineRuleSet;
  caseworker: string;
}): ComplaintGuidanceModel {
  const oral = endsAtTimeOf(opts.rules.rules.complaint, opts.rules, 'oral');
  const own = opts.content?.complaints;
  return {
    contact: own ?? {
      name: opts.letterhead.name,
      unit: null,
      address: opts.letterhead.address,
      postalCode: null,
      city: null,
      email: opts.letterhead.email,
      digitalPost: null,
    },
    deadline: { due: opts.due, oralEndsAt: oral === END_OF_DAY ? null : oral },
    caseworker: opts.caseworker,
  };
}
