import { assessmentCompleteness } from '../../../rules/assessment/completeness.ts';
import { type ApprovalNeed, approvalNeeded } from '../../../rules/cases/decision-approval.ts';
import { decisionFrameProblems, reducesSupport } from '../../../rules/cases/decision-rules.ts';
import { versionInForce } from '../../../rules/catalogue/version-lifecycle.ts';
import { deadlineRulesFor } from '../../../rules/deadlines/deadline-rules.ts';
import { computeDeadline } from '../../../rules/deadlines/deadlines.ts';
import { profileInBands } from '../../../rules/profiles/citizen-profiles.ts';
import { dateProblems, legalTimeLimit } from '../../../rules/records/date-constraints.ts';
import type { Decide } from '../../../shared/cases/decision.schema.ts';
import { catalogueContentSchema } from '../../../shared/catalogue/catalogue.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { AppError, fieldError, refuseFields } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { assessmentOfCase } from '../assessment/index.ts';
import {
  auditCase,
  type CaseRow,
  journal,
  lapseDeadlines,
  loadCase,
  markDeadlineMet,
  setStatus,
  storeDeadlines,
  transition,
} from '../case-file/index.ts';
import { decisionLetter } from '../letters/index.ts';
import { letterheadOf } from '../organisation/index.ts';
import { complaintGuidanceOf } from './complaint-guidance.ts';
import { decisionApprovalsRepository } from './decision-approvals.repository.ts';
import { decisionsRepository } from './decisions.repository.ts';
import { partyHearingOf, recordDecision } from './record-decision.ts';

const OUTCOME_DA = { granted: 'bevilget', partly_granted: 'delvist bevilget', refused: 'afslag' } as const;

export type DecideResult = {
  /** The decision and its letter; null while the decision awaits a team leader's approval. */
  decisionId: string | null;
  documentId: string | null;
  /** The proposal waiting for approval (hours above the highest citizen profile), else null. */
  approvalId: string | null;
  version: number;
};

/**
 * The decision: a person decides, against the service-level version in force on the decision date. It refuses
 * an incomplete assessment (409, naming what is missing), writes the letter (with complaint guidance unless
 * fully granted, or when a revisitation reduces support), meets the decision deadline and starts the start and
 * complaint deadlines. A grant a rule holds for approval (src/rules/cases/decision-approval.ts: hours above the
 * highest citizen profile) is not made yet: it waits, with the caseworker's justification, for the team leader
 * (./approve-decision.use-case.ts), and no letter goes out. A preview shows the letter it would become.
 */
export async function decide(
  ctx: RequestContext,
  id: string,
  input: Decide,
  mode: 'send' | 'preview' = 'send',
): Promise<DecideResult> {
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, id);
    const next = transition(c, input.outcome === 'refused' ? 'decide_refuse' : 'decide_grant');
    const checked = await checkDecision(tx, ctx, c, input);
    if (checked.approval && mode === 'send') {
      const waiting = transition(c, 'request_approval');
      const approvalId = await decisionApprovalsRepository.insert(tx, {
        municipality_id: ctx.actor.municipalityId,
        case_id: id,
        rule: checked.approval.rule,
        threshold_hours: checked.approval.thresholdHours,
        proposal: proposalOf(input),
        justification: input.hoursJustification,
        requested_by: ctx.actor.userId,
        unit_id: ctx.actor.unitId,
      });
      await setStatus(tx, id, input.version, waiting);
      await journal(
        tx,
        ctx,
        id,
        'decision_approval_requested',
        `Afgørelse (${OUTCOME_DA[input.outcome]}, ${input.weeklyHours} timer om ugen) sendt til teamlederens godkendelse`,
        `Over den højeste borgerprofil (${checked.approval.thresholdHours} timer). Begrundelse: ${input.hoursJustification}`,
      );
      await auditCase(tx, ctx, {
        action: 'create',
        citizenId: c.citizen_id,
        recordType: 'decision_approval',
        recordId: approvalId,
      });
      return { decisionId: null, documentId: null, approvalId, version: input.version + 1 };
    }
    const made = await makeDecision(tx, ctx, c, input, checked);
    await setStatus(tx, id, input.version, next);
    return { ...made, approvalId: null, version: input.version + 1 };
  });
}

/** The fields of the form a proposal keeps; the case version and the date are those of the approval. */
function proposalOf(input: Decide) {
  const { version: _version, ...proposal } = input;
  return proposal;
}

export type CheckedDecision = Awaited<ReturnType<typeof checkDecision>>;

/**
 * Every check a decision passes before it is made (also when a team leader approves it, with that day's date):
 * a complete assessment, the service level in force, dates that can be true, a frame inside the profiles or, above
 * the highest one, a written justification for the approval it then needs.
 */
export async function checkDecision(tx: Tx, ctx: RequestContext, c: CaseRow, input: Decide) {
  const { assessment: a, themes } = await assessmentOfCase(tx, c.id);
  const completeness = assessmentCompleteness(
    themes.map((t) => ({ themeCode: t.theme_code, levelCode: t.level_code })),
    a?.support_need_code ?? null,
  );
  if (!completeness.complete) {
    throw new AppError(
      'invalid_transition',
      completeness.missing.map((m) => ({
        code: 'custom',
        message: m.themeCode ? 'assessment.levelMissing' : 'assessment.supportNeedMissing',
        path: ['assessment', m.themeCode ?? 'supportNeed'],
      })),
      'the assessment is incomplete',
    );
  }
  const sv = await decisionsRepository.serviceVersion(tx, input.serviceDescriptionVersionId);
  const inForce =
    sv &&
    versionInForce(
      sv.siblings.map((x) => ({ number: x.number, status: x.status, inForceFrom: x.in_force_from as PlainDate | null })),
      input.decidedOn,
    );
  if (!sv || sv.municipality_id !== ctx.actor.municipalityId || inForce?.number !== sv.number) {
    throw fieldError('serviceDescriptionVersionId', 'decision.version.notInForce');
  }
  const content = catalogueContentSchema.parse(sv.content);
  const rules = deadlineRulesFor(ctx.actor.municipalityCode);
  // Dates that cannot be true are refused at their fields, with the law's maximum for time-limited support.
  refuseFields(
    dateProblems('decision', input, {
      today: ctx.clock.today(),
      'request.receivedOn': c.received_on as PlainDate,
      'law.maximumEnd':
        input.outcome !== 'refused' && input.startDate ? legalTimeLimit(sv.legal_basis, input.startDate, rules) : null,
    }),
  );
  const problems = decisionFrameProblems({ ...input, legalBasis: sv.legal_basis }, content.profileBands);
  const first = problems[0];
  if (first) throw fieldError(first.path, first.key);
  const approval: ApprovalNeed | null = approvalNeeded(input, content.profileBands);
  if (approval && !input.hoursJustification) throw fieldError('hoursJustification', 'decision.hours.justification');
  const profile = input.weeklyHours !== null ? profileInBands(content.profileBands, input.weeklyHours) : null;
  return { sv, content, rules, approval, profile };
}

/**
 * Makes the decision: its letter, the decision row, the deadlines it meets and starts, the journal and the audit.
 * The caller moves the case's status. `approved` names the caseworker whose proposal a team leader approved (they
 * decide and sign) and the team leader (named in the letter).
 */
export async function makeDecision(
  tx: Tx,
  ctx: RequestContext,
  c: CaseRow,
  input: Decide,
  { sv, content, rules, approval, profile }: CheckedDecision,
  approved?: { decider: { userId: string; name: string }; approverName: string },
): Promise<{ decisionId: string; documentId: string }> {
  const id = c.id;
  // A new decision on a case with an order is a revisitation; one that lowers the frame reduces support and so
  // carries complaint guidance even when "granted" (forvaltningsloven § 25). A grant alongside the running support
  // (e.g. a day offer beside housing support) is a revisitation only of an order under the same paragraph.
  const revisitation = await decisionsRepository.hasOrder(tx, id, input.alongside ? sv.legal_basis : undefined);
  const previous = (await decisionsRepository.decisions(tx, [id])).find((d) => d.outcome !== 'refused');
  const reduces =
    revisitation &&
    reducesSupport(
      previous
        ? {
            outcome: previous.outcome,
            weeklyHours: previous.weekly_hours === null ? null : Number(previous.weekly_hours),
            moduleDays: previous.module_days,
          }
        : null,
      input,
    );
  const complaint = input.outcome !== 'granted' || reduces ? computeDeadline('complaint', input.decidedOn, rules) : null;
  const letterhead = await letterheadOf(tx, ctx.actor.municipalityId);
  const { decisionId, documentId } = await recordDecision(
    tx,
    ctx,
    c,
    {
      kind: revisitation ? 'revisitation' : 'application',
      alongside: input.alongside,
      outcome: input.outcome,
      legal_basis: sv.legal_basis,
      service_description_version_id: sv.id,
      weekly_hours: input.weeklyHours,
      profile_code: profile?.code ?? null,
      module_days: input.moduleDays,
      start_date: input.startDate,
      time_limit_until: input.timeLimitUntil,
      applied_for: input.outcome === 'partly_granted' ? input.appliedFor : null,
      refused_part: input.outcome === 'partly_granted' ? input.refusedPart : null,
      reasons: input.reasons,
      party_hearing: input.partyHearing,
      party_hearing_note: input.partyHearingNote || null,
      decided_on: input.decidedOn,
    },
    decisionLetter({
      outcome: input.outcome,
      municipalityName: letterhead.name,
      service: {
        title: sv.title,
        legalBasis: sv.legal_basis,
        versionNumber: sv.number,
        inForceFrom: (sv.in_force_from ?? input.decidedOn) as PlainDate,
      },
      frame: {
        weeklyHours: input.weeklyHours,
        profileCode: profile?.code ?? null,
        moduleDays: input.moduleDays,
        startsOn: input.startDate ?? input.decidedOn,
        timeLimitUntil: input.timeLimitUntil,
        ...(approval
          ? { aboveProfiles: { justification: input.hoursJustification, approvedBy: approved?.approverName ?? null } }
          : {}),
      },
      partial: input.outcome === 'partly_granted' ? { appliedFor: input.appliedFor, refused: input.refusedPart } : null,
      reasons: input.reasons,
      partyHearing: partyHearingOf(input),
      complaint: complaint
        ? complaintGuidanceOf({
            content,
            letterhead,
            due: complaint.due,
            rules,
            caseworker: approved?.decider.name ?? ctx.actor.name,
          })
        : null,
    }),
    approved?.decider,
  );
  await markDeadlineMet(tx, id, c.day_offer ? 'decision_day_offer' : 'decision', input.decidedOn);
  // A new decision (after an upheld complaint or a remitted appeal) replaces the old one's start and complaint.
  await lapseDeadlines(tx, id, ['start', 'complaint'], input.decidedOn);
  await storeDeadlines(tx, ctx, id, [
    ...(input.outcome !== 'refused' ? [computeDeadline('start', input.decidedOn, rules)] : []),
    ...(complaint ? [complaint] : []),
  ]);
  await journal(tx, ctx, id, 'decision', `Afgørelse: ${OUTCOME_DA[input.outcome]}`, input.reasons, documentId);
  await auditCase(tx, ctx, { action: 'create', citizenId: c.citizen_id, recordType: 'decision', recordId: decisionId });
  return { decisionId, documentId };
}
