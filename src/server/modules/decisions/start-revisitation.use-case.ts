import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflictOn } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase, journal, loadCase, setStatus, transition } from '../case-file/index.ts';

/**
 * Revisitation: the case goes back for a new decision on the frame or the offer; the order runs until a new one
 * replaces it. The decision that follows is a revisitation (`decide`).
 */
export async function startRevisitation(ctx: RequestContext, caseId: string, input: { version: number; reason: string }) {
  await runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, caseId);
    if (c.status !== 'ordered') throw conflictOn('order', 'followUp.noOrder');
    const next = transition(c, 'reopen_for_new_decision');
    await setStatus(tx, caseId, input.version, next);
    await journal(tx, ctx, caseId, 'revisitation', 'Revisitation påbegyndt', input.reason);
    await auditCase(tx, ctx, {
      action: 'update',
      citizenId: c.citizen_id,
      recordType: 'case',
      recordId: caseId,
      details: { change: 'revisitation' },
    });
  });
}
