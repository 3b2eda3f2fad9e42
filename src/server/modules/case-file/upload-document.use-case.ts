import { type Page, pageOffset } from '../../../shared/api/page.ts';
import type { CaseDocument, CaseDocumentQuery } from '../../../shared/cases/document.schema.ts';
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

/**
 * A page of a case's documents (letters and uploads, or one of the two), newest first; the read is audited with the
 * page, each opening of one again.
 */
export async function listDocuments(ctx: RequestContext, caseId: string, q: CaseDocumentQuery): Promise<Page<CaseDocument>> {
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, caseId);
    const total = await caseFileRepository.countDocuments(tx, caseId, q.kind);
    const rows = await caseFileRepository.documentList(tx, caseId, { limit: q.pageSize, offset: pageOffset(q), kind: q.kind });
    await auditCase(tx, ctx, {
      action: 'read',
      citizenId: c.citizen_id,
      recordType: 'case_documents',
      recordId: caseId,
      details: { page: q.page, ...(q.kind ? { kind: q.kind } : {}) },
    });
    return {
      items: rows.map((d) => ({
        id: d.id,
        kind: d.kind,
        title: d.title,
        journalisedOn: d.journalised_on as PlainDate,
        documentDate: (d.document_date ?? d.journalised_on) as PlainDate,
        contentType: d.content_type,
        byteSize: d.byte_size,
        fileName: d.file_name,
        uploadedBy: d.uploaded_by_role,
        hasPreview: d.has_letter,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}
