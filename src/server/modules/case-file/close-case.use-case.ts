import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflictOn } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase, journal, loadCase, setStatus, transition } from './case-file.helpers.ts';
import { caseFileRepository } from './case-file.repository.ts';

/**
 * Closing a case (withdrawn request, refusal that stands, support ended) with the reason journalised. A complaint
 * still under way keeps the case open.
 */
export async function closeCase(ctx: RequestContext, id: string, input: { version: number; reason: string }): Promise<void> {
  await runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, id);
    const next = transition(c, 'close');
    if (await caseFileRepository.hasOpenComplaint(tx, id)) throw conflictOn('complaint', 'complaint.open');
    await setStatus(tx, id, input.version, next);
    await journal(tx, ctx, id, 'closed', 'Sagen er lukket', input.reason);
    await auditCase(tx, ctx, {
      action: 'update',
      citizenId: c.citizen_id,
      recordType: 'case',
      recordId: id,
      details: { change: 'closed' },
    });
  });
}
