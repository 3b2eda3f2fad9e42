import type { RequestContext } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase, documentForReading, loadCase } from './case-file.helpers.ts';

/** A journalised document (a letter, an upload); fetching it is an extract of personal data and is logged as one, every time. */
export async function readDocument(
  ctx: RequestContext,
  id: string,
  documentId: string,
): Promise<{ title: string; content: Uint8Array; contentType: string }> {
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, id);
    const doc = await documentForReading(tx, id, documentId);
    if (!doc) throw notFound();
    await auditCase(tx, ctx, { action: 'export', citizenId: c.citizen_id, recordType: 'case_document', recordId: documentId });
    return { title: doc.title, content: doc.content, contentType: doc.content_type };
  });
}
