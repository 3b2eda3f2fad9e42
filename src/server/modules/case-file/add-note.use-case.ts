import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase, journal, loadCase, transition } from './case-file.helpers.ts';

/** A journal note (notatpligt): allowed in every status. */
export async function addNote(ctx: RequestContext, id: string, note: { subject: string; body: string }): Promise<void> {
  await runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, id);
    transition(c, 'add_note');
    await journal(tx, ctx, id, 'note', note.subject, note.body || null);
    await auditCase(tx, ctx, {
      action: 'update',
      citizenId: c.citizen_id,
      recordType: 'case',
      recordId: id,
      details: { change: 'note' },
    });
  });
}
