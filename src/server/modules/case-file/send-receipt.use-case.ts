import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { receiptLetter } from '../letters/index.ts';
import { auditCase, journal, journaliseLetter, loadCase, markDeadlineMet, setStatus, transition } from './case-file.helpers.ts';
import { caseFileRepository } from './case-file.repository.ts';

/** The receipt letter is generated, not typed, journalised on the case, and meets the receipt deadline. */
export async function sendReceipt(
  ctx: RequestContext,
  id: string,
  version: number,
): Promise<{ documentId: string; version: number }> {
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
        what: c.what,
        handledBy: ctx.actor.unitName ?? ctx.actor.municipalityName,
        dayOffer: c.day_offer,
        decisionDue: (decision?.due_date ?? null) as PlainDate | null,
      }),
    });
    await markDeadlineMet(tx, id, 'receipt', on);
    await setStatus(tx, id, version, next);
    await journal(tx, ctx, id, 'receipt', 'Kvittering sendt', null, documentId);
    await auditCase(tx, ctx, { action: 'create', citizenId: c.citizen_id, recordType: 'case_document', recordId: documentId });
    return { documentId, version: version + 1 };
  });
}
