import { complaintTimelinessByChannel, isComplaintOpen } from '../../../rules/complaints/complaint-rules.ts';
import { deadlineRulesFor } from '../../../rules/deadlines/deadline-rules.ts';
import { computeDeadline } from '../../../rules/deadlines/deadlines.ts';
import { dateProblems } from '../../../rules/records/date-constraints.ts';
import type { RegisterComplaint } from '../../../shared/cases/complaint.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflictOn, refuseFields } from '../../platform/errors.ts';
import { AuditedDenial, runUseCase } from '../../platform/use-case.ts';
import { auditCase, deadlinesOf, journal, loadCase, markDeadlineMet, storeDeadlines, transition } from '../case-file/index.ts';
import { decisionReads } from '../decisions/index.ts';
import { COMPLAINT_FORM_DA } from '../letters/index.ts';
import { taskWrites } from '../tasks/index.ts';
import { complaintsRepository } from './complaints.repository.ts';

/**
 * A complaint against the latest decision (seed 001 "Klage"; retssikkerhedsloven §§ 66–67), registered against the
 * 4-week deadline; it starts the municipality's reconsideration and the 4 weeks to forward it. From the citizen's
 * own page (`channel` citizen) only on their own case: anything else is a 404, and the attempt is audited.
 */
export async function registerComplaint(
  ctx: RequestContext,
  caseId: string,
  input: RegisterComplaint,
  channel: 'staff' | 'citizen' = 'staff',
): Promise<{ complaintId: string; timeliness: 'in_time' | 'late' }> {
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, caseId);
    if (channel === 'citizen' && c.citizen_id !== ctx.actor.citizenId) {
      throw new AuditedDenial({
        purpose: 'citizen_self_service',
        citizenId: c.citizen_id,
        recordType: 'case',
        recordId: caseId,
      });
    }
    const decision = await decisionReads.latest(tx, caseId);
    if (!decision) throw conflictOn('decision', 'complaint.noDecision');
    transition(c, 'register_complaint');
    refuseFields(
      dateProblems('complaint', input, { today: ctx.clock.today(), 'decision.decidedOn': decision.decided_on as PlainDate }),
    );
    const existing = await complaintsRepository.complaints(tx, [caseId]);
    if (existing.some((x) => isComplaintOpen(x.status))) {
      throw conflictOn('complaint', 'complaint.open');
    }
    const rules = deadlineRulesFor(ctx.actor.municipalityCode);
    // The stored complaint deadline of the decision, or (a full grant carries none) the rule applied now.
    const stored = (await deadlinesOf(tx, caseId)).find((d) => d.kind === 'complaint' && d.from_date === decision.decided_on);
    const due = stored
      ? (stored.due_date as PlainDate)
      : computeDeadline('complaint', decision.decided_on as PlainDate, rules).due;
    // Its last day ends per channel: midnight for a written or digital complaint, whatever the service level says;
    // only an oral complaint at the office can end at the close of office hours (retssikkerhedsloven § 67).
    const timeliness = complaintTimelinessByChannel(
      { on: input.receivedOn, at: input.receivedAt, channel: input.form },
      due,
      rules,
    );
    const complaintId = await complaintsRepository.insert(tx, {
      municipality_id: ctx.actor.municipalityId,
      case_id: caseId,
      decision_id: decision.id,
      form: input.form,
      received_on: input.receivedOn,
      received_at: input.receivedAt,
      text: input.text,
      timeliness,
      status: 'reconsideration',
      registered_by: channel === 'staff' ? ctx.actor.userId : null,
    });
    await markDeadlineMet(tx, caseId, 'complaint', input.receivedOn);
    await storeDeadlines(tx, ctx, caseId, [computeDeadline('forward_to_ankestyrelsen', input.receivedOn, rules)]);
    await journal(
      tx,
      ctx,
      caseId,
      'complaint',
      `Klage modtaget (${COMPLAINT_FORM_DA[input.form]})${timeliness === 'late' ? ' – efter klagefristen' : ''}`,
      input.text,
    );
    // A digital complaint from the citizen's own page lands in the caseworker's inbox; one staff registered is known.
    if (channel === 'citizen') {
      await taskWrites.record(tx, ctx, {
        kind: 'citizen_complaint',
        caseId,
        record: { type: 'complaint', id: complaintId },
        summary: input.text,
      });
    }
    await auditCase(tx, ctx, { action: 'create', citizenId: c.citizen_id, recordType: 'complaint', recordId: complaintId });
    return { complaintId, timeliness };
  });
}
