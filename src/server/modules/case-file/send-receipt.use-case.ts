import type { Receipt } from '../../../shared/cases/case.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { receiptLetter } from '../letters/index.ts';
import { auditCase, journal, journaliseLetter, loadCase, markDeadlineMet, setStatus, transition } from './case-file.helpers.ts';
import { caseFileRepository } from './case-file.repository.ts';

/**
 * The receipt letter, from its template with the request as the caseworker describes it (the recorded request by
 * default) and an optional personal note, both seen in the preview first; journalised on the case, it meets the
 * receipt deadline.
 */
export async function sendReceipt(
  ctx: RequestContext,
  id: string,
  input: Receipt,
): Promise<{ documentId: string; version: number }> {
  const { version } = input;
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, id);
    const next = transition(c, 'send_receipt');
    const deadlines = await caseFileRepository.deadlines(tx, id);
    const decision = deadlines.find((d) => d.kind === 'decision' || d.kind === 'decision_day_offer');
    const on = ctx.clock.today();
    const documentId = await journaliseLetter(tx, ctx, c, {
      kind: 'receipt_letter',
      on,
      body: receiptLetter({
        receivedOn: c.received_on as PlainDate,
        what: input.what ?? c.what,
        handledBy: ctx.actor.unitName ?? ctx.actor.municipalityName,
        dayOffer: c.day_offer,
        decisionDue: (decision?.due_date ?? null) as PlainDate | null,
        note: input.note,
      }),
    });
    await markDeadlineMet(tx, id, 'receipt', on);
    await setStatus(tx, id, version, next);
    await journal(tx, ctx, id, 'receipt', 'Kvittering sendt', null, documentId);
    await auditCase(tx, ctx, { action: 'create', citizenId: c.citizen_id, recordType: 'case_document', recordId: documentId });
    return { documentId, version: version + 1 };
  });
}
