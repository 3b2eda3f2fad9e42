import { type LetterView, letterSchema } from '../../../shared/cases/complaint.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase, loadCase } from './case-file.helpers.ts';
import { caseFileRepository } from './case-file.repository.ts';

/** The letter behind a journalised PDF, for the browser preview; reading it is a read of personal data. */
export async function readLetter(ctx: RequestContext, id: string, documentId: string): Promise<LetterView> {
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, id);
    const doc = await caseFileRepository.documentLetter(tx, id, documentId);
    if (!doc?.letter) throw notFound();
    await auditCase(tx, ctx, { action: 'read', citizenId: c.citizen_id, recordType: 'case_document', recordId: documentId });
    return letterSchema.parse(doc.letter);
  });
}
