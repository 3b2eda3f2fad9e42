import type { CaseDocument } from '../../../shared/cases/document.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import type { ReceivedUpload } from '../../platform/http/multipart-upload.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase, loadCase } from './case-file.helpers.ts';
import { caseFileRepository } from './case-file.repository.ts';
import { checkUpload, journaliseUpload } from './upload-document.ts';

/** The caseworker uploads a document to a case (PDF or image), journalised with its date and subject. */
export async function uploadDocument(ctx: RequestContext, caseId: string, received: ReceivedUpload): Promise<{ id: string }> {
  const upload = checkUpload(ctx, received);
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, caseId);
    return { id: await journaliseUpload(tx, ctx, c, upload) };
  });
}

/** A case's documents (letters and uploads) as a list; the read is audited, each opening of one again. */
export async function listDocuments(ctx: RequestContext, caseId: string): Promise<CaseDocument[]> {
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, caseId);
    const rows = await caseFileRepository.documentList(tx, caseId);
    await auditCase(tx, ctx, { action: 'read', citizenId: c.citizen_id, recordType: 'case_documents', recordId: caseId });
    return rows.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      journalisedOn: d.journalised_on as PlainDate,
      documentDate: (d.document_date ?? d.journalised_on) as PlainDate,
      contentType: d.content_type,
      byteSize: d.byte_size,
      fileName: d.file_name,
      uploadedBy: d.uploaded_by_role,
    }));
  });
}
