import {
  APPEAL_OUTCOMES,
  type ComplaintAction,
  type ComplaintStatus,
  complaintTimeliness,
  isComplaintOpen,
  nextComplaintStatus,
} from '../../../rules/complaints/complaint-rules.ts';
import { deadlineRulesFor } from '../../../rules/deadlines/deadline-rules.ts';
import { computeDeadline } from '../../../rules/deadlines/deadlines.ts';
import {
  type AppealResult,
  letterSchema,
  type Reconsider,
  type RegisterComplaint,
} from '../../../shared/cases/complaint.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, fieldError, invalidTransition, notFound } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { AuditedDenial, runUseCase } from '../../platform/use-case.ts';
import {
  audit,
  conflictOn,
  danishDate,
  journal,
  journaliseLetter,
  loadCase,
  storeDeadlines,
  transition,
} from './cases.helpers.ts';
import { casesRepository } from './cases.repository.ts';

const OUTCOME_DA = { granted: 'bevilling', partly_granted: 'delvis bevilling', refused: 'afslag' } as const;
const FORM_DA = { written: 'skriftlig', oral: 'mundtlig', digital: 'digital (selvbetjening)' } as const;

async function loadComplaint(tx: Tx, caseId: string, complaintId: string) {
  const complaint = await casesRepository.complaintById(tx, caseId, complaintId);
  if (!complaint) throw notFound();
  return complaint;
}

function complaintTransition(status: string, action: ComplaintAction): ComplaintStatus {
  const next = nextComplaintStatus(status as ComplaintStatus, action);
  if (!next) throw invalidTransition(`${action} is not allowed for a complaint in ${status}`);
  return next;
}

/**
 * The complaint's own track (seed 001 "Klage"; retssikkerhedsloven §§ 66–67): registered against the 4-week
 * deadline, reconsidered by the municipality, forwarded to Ankestyrelsen with a generated package when the decision
 * is maintained, and closed with Ankestyrelsen's result.
 */
export const complaintsService = {
  async register(
    ctx: RequestContext,
    caseId: string,
    input: RegisterComplaint,
    channel: 'staff' | 'citizen' = 'staff',
  ): Promise<{ complaintId: string; timeliness: 'in_time' | 'late' }> {
    return runUseCase(ctx, async (tx) => {
      const c = await loadCase(tx, caseId);
      // A citizen complains only about their own case; anything else is a 404, and the attempt is audited.
      if (channel === 'citizen' && c.citizen_id !== ctx.actor.citizenId) {
        throw new AuditedDenial({
          purpose: 'citizen_self_service',
          citizenId: c.citizen_id,
          recordType: 'case',
          recordId: caseId,
        });
      }
      const decision = await casesRepository.latestDecision(tx, caseId);
      if (!decision) throw conflictOn('decision', 'complaint.noDecision');
      transition(c, 'register_complaint');
      if (input.receivedOn < decision.decided_on) throw fieldError('receivedOn', 'complaint.beforeDecision');
      const existing = await casesRepository.complaints(tx, [caseId]);
      if (existing.some((x) => isComplaintOpen(x.status))) {
        throw conflictOn('complaint', 'complaint.open');
      }
      const rules = deadlineRulesFor(ctx.actor.municipalityCode);
      // The stored complaint deadline of the decision, or (a full grant carries none) the rule applied now.
      const stored = (await casesRepository.deadlines(tx, caseId)).find(
        (d) => d.kind === 'complaint' && d.from_date === decision.decided_on,
      );
      const deadline = stored
        ? { due: stored.due_date as PlainDate, endsAtTime: stored.ends_at_time }
        : computeDeadline('complaint', decision.decided_on as PlainDate, rules);
      const timeliness = complaintTimeliness({ on: input.receivedOn, at: input.receivedAt }, deadline);
      const complaintId = await casesRepository.insertComplaint(tx, {
        municipality_id: ctx.actor.municipalityId,
        case_id: caseId,
        decision_id: decision.id,
        form: input.form,
        received_on: input.receivedOn,
        received_at: input.receivedAt,
        text: input.text,
        timeliness,
        status: 'reconsideration',
        reconsidered_on: null,
        reconsideration_reasons: null,
        forwarded_on: null,
        forwarding_document_id: null,
        appeal_outcome: null,
        appeal_decided_on: null,
        appeal_note: null,
        registered_by: channel === 'staff' ? ctx.actor.userId : null,
      });
      await casesRepository.markDeadlineMet(tx, caseId, 'complaint', input.receivedOn);
      await storeDeadlines(tx, ctx, caseId, [computeDeadline('forward_to_ankestyrelsen', input.receivedOn, rules)]);
      await journal(
        tx,
        ctx,
        caseId,
        'complaint',
        `Klage modtaget (${FORM_DA[input.form]})${timeliness === 'late' ? ' – efter klagefristen' : ''}`,
        input.text,
      );
      await audit(tx, ctx, { action: 'create', citizenId: c.citizen_id, recordType: 'complaint', recordId: complaintId });
      return { complaintId, timeliness };
    });
  },

  /**
   * Reconsideration (genvurdering). Upheld: the case goes back for a new decision and nothing is forwarded.
   * Maintained: the package (decision, reasons, complaint, reconsideration) is generated as a PDF and forwarded.
   */
  async reconsider(
    ctx: RequestContext,
    caseId: string,
    complaintId: string,
    input: Reconsider,
  ): Promise<{ documentId: string | null }> {
    return runUseCase(ctx, async (tx) => {
      const c = await loadCase(tx, caseId);
      const complaint = await loadComplaint(tx, caseId, complaintId);
      const next = complaintTransition(complaint.status, input.outcome === 'upheld' ? 'uphold' : 'maintain');
      if (input.decidedOn < complaint.received_on) throw fieldError('decidedOn', 'complaint.beforeReceived');
      let documentId: string | null = null;
      if (next === 'upheld') {
        const status = transition(c, 'reopen_for_new_decision');
        if (!(await casesRepository.setStatus(tx, caseId, c.version, status))) throw conflict();
        await casesRepository.lapseDeadlines(tx, caseId, ['forward_to_ankestyrelsen'], input.decidedOn);
      } else {
        const decision = (await casesRepository.decisions(tx, [caseId])).find((d) => d.id === complaint.decision_id);
        if (!decision) throw notFound();
        const decisionLetter = decision.letter_document_id
          ? await casesRepository.documentLetter(tx, caseId, decision.letter_document_id)
          : undefined;
        const stored = letterSchema.safeParse(decisionLetter?.letter);
        documentId = await journaliseLetter(tx, ctx, c, {
          kind: 'forwarding_letter',
          title: 'Oversendelse til Ankestyrelsen',
          on: input.decidedOn,
          subject: `Oversendelse af klage – ${c.first_name} ${c.last_name}`,
          recipient: { name: 'Ankestyrelsen', address: 'Teglholmsgade 3', postalCode: '2450', city: 'København SV' },
          paragraphs: [
            `${ctx.actor.municipalityName} har genvurderet afgørelsen af ${danishDate(decision.decided_on)} og fastholder den. Klagen oversendes hermed til Ankestyrelsen (retssikkerhedsloven § 66, stk. 2).`,
            `Afgørelsen: ${OUTCOME_DA[decision.outcome as keyof typeof OUTCOME_DA]} af ${decision.service_title.toLowerCase()} efter ${decision.legal_basis} (serviceniveau version ${decision.version_number}).`,
            `Afgørelsens begrundelse: ${decision.reasons}`,
            `Klagen (${FORM_DA[complaint.form as keyof typeof FORM_DA]}, modtaget ${danishDate(complaint.received_on)}${complaint.received_at ? ` kl. ${complaint.received_at}` : ''}${complaint.timeliness === 'late' ? ', efter klagefristens udløb' : ', inden for klagefristen'}): ${complaint.text}`,
            `Genvurdering ${danishDate(input.decidedOn)}: ${input.reasons}`,
            'Afgørelsesbrevet er vedlagt som bilag 1. Borgeren har fået kopi af denne oversendelse.',
          ],
          appendices: stored.success
            ? [
                {
                  title: `Bilag 1: ${stored.data.subject} (${stored.data.date})`,
                  paragraphs: [`Til ${stored.data.recipient.name}`, ...stored.data.paragraphs],
                },
              ]
            : [],
        });
        await casesRepository.markDeadlineMet(tx, caseId, 'forward_to_ankestyrelsen', input.decidedOn);
      }
      const saved = await casesRepository.updateComplaint(tx, complaintId, input.version, {
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
      await audit(tx, ctx, {
        action: 'update',
        citizenId: c.citizen_id,
        recordType: 'complaint',
        recordId: complaintId,
        details: { change: next },
      });
      return { documentId };
    });
  },

  /** Ankestyrelsen's result; a changed or remitted decision sends the case back for a new decision. */
  async appealResult(ctx: RequestContext, caseId: string, complaintId: string, input: AppealResult): Promise<void> {
    await runUseCase(ctx, async (tx) => {
      const c = await loadCase(tx, caseId);
      const complaint = await loadComplaint(tx, caseId, complaintId);
      const next = complaintTransition(complaint.status, 'record_appeal_result');
      if (complaint.forwarded_on && input.decidedOn < complaint.forwarded_on) {
        throw fieldError('decidedOn', 'complaint.beforeReceived');
      }
      const effect = APPEAL_OUTCOMES[input.outcome];
      if (effect.newDecision) {
        const status = transition(c, 'reopen_for_new_decision');
        if (!(await casesRepository.setStatus(tx, caseId, c.version, status))) throw conflict();
      }
      const saved = await casesRepository.updateComplaint(tx, complaintId, input.version, {
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
      await audit(tx, ctx, {
        action: 'update',
        citizenId: c.citizen_id,
        recordType: 'complaint',
        recordId: complaintId,
        details: { change: 'appeal_result', outcome: input.outcome },
      });
    });
  },
};
