import { createHash } from 'node:crypto';
import { dateProblems } from '../../../rules/records/date-constraints.ts';
import { detectDocumentType, uploadProblem } from '../../../rules/records/document-types.ts';
import { documentUploadFieldsSchema } from '../../../shared/cases/document.schema.ts';
import type { IssueLike } from '../../../shared/i18n/validation-messages.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { ReceivedUpload } from '../../platform/http/multipart-upload.ts';
import type { Tx } from '../../platform/tx.ts';
import { auditCase, type CaseRow, journal, transition } from './case-file.helpers.ts';
import { caseFileRepository } from './case-file.repository.ts';

/** A document that passed every check: its subject and date, the file name as sent (only shown), its bytes. */
export type Upload = { subject: string; documentDate: PlainDate; fileName: string | null; bytes: Uint8Array };

const UPLOADERS = ['caseworker', 'team_leader', 'citizen'] as const;

/**
 * Checks an upload before anything is stored, every problem at its field in one 400: the subject and date (the
 * shared schema; not dated ahead), and the file: present, within the size limit, and a PDF, PNG or JPEG by its
 * content (magic bytes), never by its name.
 */
export function checkUpload(ctx: RequestContext, received: ReceivedUpload): Upload {
  const issues: IssueLike[] = [];
  const fields = documentUploadFieldsSchema.safeParse(received.fields);
  if (!fields.success) issues.push(...fields.error.issues);
  const problem = received.tooLarge ? 'document.file.tooLarge' : uploadProblem(received.bytes);
  if (problem) issues.push({ code: 'custom', message: problem, path: ['file'] });
  if (fields.success) {
    for (const p of dateProblems('uploaded_document', fields.data, { today: ctx.clock.today() })) {
      issues.push({ code: 'custom', message: p.key, path: p.path.split('.') });
    }
  }
  if (issues.length || !fields.success || received.bytes === null) throw new AppError('validation_failed', issues);
  return { ...fields.data, fileName: received.fileName, bytes: received.bytes };
}

/**
 * An uploaded document journalised on the case (offentlighedsloven § 15): stored with its type, size and checksum,
 * a journal line with its subject, and an audit row. For the caseworker's route and the citizen's own page alike.
 */
export async function journaliseUpload(tx: Tx, ctx: RequestContext, c: CaseRow, upload: Upload): Promise<string> {
  const role = UPLOADERS.find((r) => r === ctx.actor.role);
  const contentType = detectDocumentType(upload.bytes);
  if (!role || !contentType) throw forbidden();
  transition(c, 'add_note');
  const id = await caseFileRepository.insertUpload(tx, {
    municipality_id: ctx.actor.municipalityId,
    case_id: c.id,
    title: upload.subject,
    journalised_on: ctx.clock.today(),
    document_date: upload.documentDate,
    content: upload.bytes,
    content_type: contentType,
    byte_size: upload.bytes.length,
    sha256: createHash('sha256').update(upload.bytes).digest('hex'),
    file_name: upload.fileName?.slice(0, 255) || null,
    uploaded_by_role: role,
  });
  await journal(tx, ctx, c.id, 'document', upload.subject, role === 'citizen' ? 'Indsendt af borgeren' : null, id);
  await auditCase(tx, ctx, {
    action: 'create',
    citizenId: c.citizen_id,
    recordType: 'case_document',
    recordId: id,
    details: { contentType, byteSize: upload.bytes.length },
  });
  return id;
}
