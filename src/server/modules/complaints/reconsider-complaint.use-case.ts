import { dateProblems } from '../../../rules/records/date-constraints.ts';
import type { Reconsider } from '../../../shared/cases/complaint.schema.ts';
import { letterSchema } from '../../../shared/cases/complaint.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, notFound, refuseFields } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import {
  auditCase,
  caseFileReads,
  journal,
  journaliseLetter,
  lapseDeadlines,
  loadCase,
  markDeadlineMet,
  setStatus,
  transition,
} from '../case-file/index.ts';
import { decisionReads } from '../decisions/index.ts';
import { type ForwardingLetterModel, forwardingLetter } from '../letters/index.ts';
import { complaintTransition, loadComplaint } from './complaint-track.ts';
import { complaintsRepository } from './complaints.repository.ts';

/**
 * Reconsideration (genvurdering). Upheld: the case goes back for a new decision and nothing is forwarded.
 * Maintained: the package (decision, reasons, complaint, reconsideration) is generated as a PDF and forwarded.
 */
export async function reconsiderComplaint(
  ctx: RequestContext,
  caseId: string,
  complaintId: string,
  input: Reconsider,
): Promise<{ documentId: string | null }> {
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, caseId);
    const complaint = await loadComplaint(tx, caseId, complaintId);
    const next = complaintTransition(complaint.status, input.outcome === 'upheld' ? 'uphold' : 'maintain');
    refuseFields(
      dateProblems('reconsideration', input, {
        today: ctx.clock.today(),
        'complaint.receivedOn': complaint.received_on as PlainDate,
      }),
    );
    let documentId: string | null = null;
    if (next === 'upheld') {
      await setStatus(tx, caseId, c.version, transition(c, 'reopen_for_new_decision'));
      await lapseDeadlines(tx, caseId, ['forward_to_ankestyrelsen'], input.decidedOn);
    } else {
      const decision = (await decisionReads.decisions(tx, [caseId])).find((d) => d.id === complaint.decision_id);
      if (!decision) throw notFound();
      const decisionLetter = decision.letter_document_id
        ? await caseFileReads.documentLetter(tx, caseId, decision.letter_document_id)
        : undefined;
      const stored = letterSchema.safeParse(decisionLetter?.letter);
      documentId = await journaliseLetter(tx, ctx, c, {
        kind: 'forwarding_letter',
        on: input.decidedOn,
        body: forwardingLetter({
          municipalityName: ctx.actor.municipalityName,
          citizenName: `${c.first_name} ${c.last_name}`,
          decision: {
            decidedOn: decision.decided_on as PlainDate,
            outcome: decision.outcome as ForwardingLetterModel['decision']['outcome'],
            serviceTitle: decision.service_title,
            legalBasis: decision.legal_basis,
            versionNumber: decision.version_number,
            reasons: decision.reasons,
          },
          complaint: {
            form: complaint.form as ForwardingLetterModel['complaint']['form'],
            receivedOn: complaint.received_on as PlainDate,
            receivedAt: complaint.received_at,
            timeliness: complaint.timeliness as 'in_time' | 'late',
            text: complaint.text,
          },
          reconsideration: { decidedOn: input.decidedOn, reasons: input.reasons },
          decisionLetter: stored.success ? stored.data : null,
        }),
      });
      await markDeadlineMet(tx, caseId, 'forward_to_ankestyrelsen', input.decidedOn);
    }
    const saved = await complaintsRepository.update(tx, complaintId, input.version, {
      status: next,
      reconsidered_on: input.decidedOn,
      reconsideration_reasons: input.reasons,
      ...(next === 'forwarded' ? { forwarded_on: input.decidedOn, forwarding_document_id: documentId } : {}),
    });
    if (!saved) throw conflict();
    await journal(
      tx,
      ctx,
      caseId,
      next === 'upheld' ? 'complaint_upheld' : 'complaint_forwarded',
      next === 'upheld'
        ? 'Genvurdering: klagen gives medhold – ny afgørelse'
        : 'Genvurdering: afgørelsen fastholdes – sendt til Ankestyrelsen',
      input.reasons,
      documentId,
    );
    await auditCase(tx, ctx, {
      action: 'update',
      citizenId: c.citizen_id,
      recordType: 'complaint',
      recordId: complaintId,
      details: { change: next },
    });
    return { documentId };
  });
}
