import { APPEAL_OUTCOMES } from '../../../rules/complaints/complaint-rules.ts';
import { dateProblems } from '../../../rules/records/date-constraints.ts';
import type { AppealResult } from '../../../shared/cases/complaint.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, refuseFields } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase, journal, loadCase, setStatus, transition } from '../case-file/index.ts';
import { complaintTransition, loadComplaint } from './complaint-track.ts';
import { complaintsRepository } from './complaints.repository.ts';

/** Ankestyrelsen's result; a changed or remitted decision sends the case back for a new decision. */
export async function recordAppealResult(
  ctx: RequestContext,
  caseId: string,
  complaintId: string,
  input: AppealResult,
): Promise<void> {
  await runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, caseId);
    const complaint = await loadComplaint(tx, caseId, complaintId);
    const next = complaintTransition(complaint.status, 'record_appeal_result');
    refuseFields(
      dateProblems('appeal_result', input, {
        today: ctx.clock.today(),
        'complaint.forwardedOn': complaint.forwarded_on as PlainDate | null,
      }),
    );
    const effect = APPEAL_OUTCOMES[input.outcome];
    if (effect.newDecision) await setStatus(tx, caseId, c.version, transition(c, 'reopen_for_new_decision'));
    const saved = await complaintsRepository.update(tx, complaintId, input.version, {
      status: next,
      appeal_outcome: input.outcome,
      appeal_decided_on: input.decidedOn,
      appeal_note: input.note || null,
    });
    if (!saved) throw conflict();
    await journal(
      tx,
      ctx,
      caseId,
      'appeal_result',
      `Ankestyrelsens afgørelse: ${effect.danish}${effect.newDecision ? ' – kommunen træffer ny afgørelse' : ''}`,
      input.note || null,
    );
    await auditCase(tx, ctx, {
      action: 'update',
      citizenId: c.citizen_id,
      recordType: 'complaint',
      recordId: complaintId,
      details: { change: 'appeal_result', outcome: input.outcome },
    });
  });
}
