import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase, loadCase, postMessage, transition } from './case-file.helpers.ts';

/** An answer to the citizen, shown on their own page; journalised like every other step. */
export async function messageCitizen(ctx: RequestContext, id: string, body: string): Promise<void> {
  await runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, id);
    transition(c, 'add_note');
    const messageId = await postMessage(
      tx,
      ctx,
      { caseId: id, orderId: null, channel: 'citizen', fromParty: 'authority', authorName: ctx.actor.name, body },
      'Besked til borgeren',
    );
    await auditCase(tx, ctx, {
      action: 'create',
      citizenId: c.citizen_id,
      recordType: 'case_message',
      recordId: String(messageId),
    });
  });
}
