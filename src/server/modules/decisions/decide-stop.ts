import { deadlineRulesFor } from '../../../rules/deadlines/deadline-rules.ts';
import { computeDeadline } from '../../../rules/deadlines/deadlines.ts';
import { supportEndsAfterStop } from '../../../rules/follow-up/fko-schedule.ts';
import { catalogueContentSchema } from '../../../shared/catalogue/catalogue.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflictOn } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { type CaseRow, storeDeadlines } from '../case-file/index.ts';
import { stopLetter } from '../letters/index.ts';
import { letterheadOf } from '../organisation/index.ts';
import { complaintGuidanceOf } from './complaint-guidance.ts';
import { decisionsRepository } from './decisions.repository.ts';
import { partyHearingOf, recordDecision } from './record-decision.ts';

export type StopInput = {
  /** The running support: its legal basis and where it is delivered. */
  legalBasis: string;
  offerName: string;
  stoppedOn: PlainDate;
  reasons: string;
  partyHearing: 'done' | 'not_needed';
  partyHearingNote: string;
  /** Ended because another service is needed (a new decision follows), or simply ended. */
  referred: boolean;
};

/**
 * A stop decision (ophør), inside the caller's transaction: a decision refusing further support under the granted
 * service level, with a letter carrying complaint guidance (support is reduced). Housing support (SEL § 85)
 * continues 4 weeks from the decision (seed 001); the continuation and the complaint deadline are stored. Returns
 * the last day of support, on which the caller ends the order.
 */
export async function decideStop(
  tx: Tx,
  ctx: RequestContext,
  c: CaseRow,
  input: StopInput,
): Promise<{ decisionId: string; documentId: string; endsOn: PlainDate }> {
  const rules = deadlineRulesFor(ctx.actor.municipalityCode);
  const { endsOn, continuation } = supportEndsAfterStop(input.legalBasis, input.stoppedOn, rules);
  const complaint = computeDeadline('complaint', input.stoppedOn, rules);
  const granted = (await decisionsRepository.decisions(tx, [c.id])).find((d) => d.outcome !== 'refused');
  if (!granted) throw conflictOn('order', 'followUp.noOrder');
  const letterhead = await letterheadOf(tx, ctx.actor.municipalityId);
  // The stop ends the grant, so it applies the grant's service-level version and names it in the letter.
  const sv = await decisionsRepository.serviceVersion(tx, granted.service_description_version_id);
  const content = sv ? catalogueContentSchema.parse(sv.content) : null;
  const { decisionId, documentId } = await recordDecision(
    tx,
    ctx,
    c,
    {
      kind: 'stop',
      outcome: 'refused',
      legal_basis: input.legalBasis,
      service_description_version_id: granted.service_description_version_id,
      weekly_hours: null,
      profile_code: null,
      module_days: null,
      start_date: null,
      time_limit_until: null,
      applied_for: null,
      refused_part: null,
      reasons: input.reasons,
      party_hearing: input.partyHearing,
      party_hearing_note: input.partyHearingNote || null,
      decided_on: input.stoppedOn,
    },
    stopLetter({
      serviceTitle: granted.service_title,
      legalBasis: input.legalBasis,
      offerName: input.offerName,
      serviceLevel: {
        municipalityName: letterhead.name,
        legalBasis: sv?.legal_basis ?? input.legalBasis,
        versionNumber: sv?.number ?? 0,
        inForceFrom: (sv?.in_force_from ?? input.stoppedOn) as PlainDate,
      },
      continuesUntil: continuation?.counted ?? null,
      endsOn,
      reasons: input.reasons,
      partyHearing: partyHearingOf(input),
      referred: input.referred,
      complaint: complaintGuidanceOf({ content, letterhead, due: complaint.due, rules, caseworker: ctx.actor.name }),
    }),
  );
  await storeDeadlines(tx, ctx, c.id, [...(continuation ? [continuation] : []), complaint]);
  return { decisionId, documentId, endsOn };
}
