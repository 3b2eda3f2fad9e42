import { purposeOf } from '../../../rules/audit/audit-purpose.ts';
import { type CaseAction, type CaseStatus, nextStatus } from '../../../rules/cases/case-state-machine.ts';
import type { ComputedDeadline } from '../../../rules/deadlines/deadlines.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { CaseFileStatus } from '../../db/database.types.ts';
import { type AuditEvent, writeAudit } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
import { conflict, invalidTransition, notFound } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { composeLetter, type Letter, type LetterBody, printableLetter, renderLetterPdf } from '../letters/index.ts';
import { letterheadOf } from '../organisation/index.ts';
import { caseFileRepository } from './case-file.repository.ts';
import { capturePreview, stopIfPreviewing } from './letter-preview.ts';

/**
 * The case file's building blocks: loading a case, the state machine, the journal, deadlines, journalised letters
 * and messages. The case modules (assessment, decisions, orders, complaints, follow-up, self-service) continue the
 * case through these, inside their own transaction; none of them writes these tables itself.
 */

/** Audits a case use case; a citizen's own complaint or message is logged as their self-service. */
export async function auditCase(tx: Tx, ctx: RequestContext, event: Omit<AuditEvent, 'purpose'>) {
  await writeAudit(tx, auditActorOf(ctx), { purpose: purposeOf(ctx.actor.role), ...event });
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof caseFileRepository.caseById>>>;

export async function loadCase(tx: Tx, id: string): Promise<CaseRow> {
  const row = await caseFileRepository.caseById(tx, id);
  if (!row) throw notFound();
  return row;
}

/** The state machine decides; a refused action is a 409 that changes nothing. */
export function transition(row: CaseRow, action: CaseAction): CaseStatus {
  const next = nextStatus(row.status as CaseStatus, action);
  if (!next) throw invalidTransition(`${action} is not allowed in ${row.status}`);
  return next;
}

/**
 * Moves the case to `status` if nobody changed it since `version` (409 otherwise). Moving to the same status
 * still takes the version, so two people saving the same step cannot both succeed.
 */
export async function setStatus(tx: Tx, caseId: string, version: number, status: CaseFileStatus): Promise<void> {
  if (!(await caseFileRepository.setStatus(tx, caseId, version, status))) throw conflict();
}

/** An entry in the case's journal (notatpligt): every step of the case is written here. */
export async function journal(
  tx: Tx,
  ctx: RequestContext,
  caseId: string,
  kind: string,
  subject: string,
  body: string | null,
  documentId: string | null = null,
) {
  await caseFileRepository.insertEvent(tx, {
    municipality_id: ctx.actor.municipalityId,
    case_id: caseId,
    kind,
    subject,
    body,
    actor_name: ctx.actor.name,
    actor_role: ctx.actor.role,
    document_id: documentId,
  });
}

/** Deadlines as the rules computed them, each with its rule-set version and source; a later rule change never moves them. */
export async function storeDeadlines(tx: Tx, ctx: RequestContext, caseId: string, deadlines: readonly ComputedDeadline[]) {
  await caseFileRepository.insertDeadlines(
    tx,
    deadlines.map((d) => ({
      municipality_id: ctx.actor.municipalityId,
      case_id: caseId,
      kind: d.kind,
      from_date: d.from,
      due_date: d.due,
      ends_at_time: d.endsAtTime,
      rule_version: d.ruleVersion,
      source: d.source,
    })),
  );
}

export const deadlinesOf = caseFileRepository.deadlines;
export const markDeadlineMet = caseFileRepository.markDeadlineMet;
export const lapseDeadlines = caseFileRepository.lapseDeadlines;

export type DocumentKind = 'receipt_letter' | 'decision_letter' | 'missed_deadline_notice' | 'forwarding_letter';

/**
 * A letter on the municipality's letterhead to the citizen of the case (or to the body's own recipient), rendered
 * as PDF and journalised with its text, so the browser preview shows exactly what the PDF says.
 */
export async function journaliseLetter(
  tx: Tx,
  ctx: RequestContext,
  c: CaseRow,
  doc: { kind: DocumentKind; on: PlainDate; body: LetterBody; signedBy?: { name: string; title: string } },
): Promise<string> {
  // Stored as it prints: a character no embedded font has is replaced in the stored text as in the PDF.
  const letter = printableLetter(
    composeLetter(
      {
        municipality: await letterheadOf(tx, ctx.actor.municipalityId),
        unitName: ctx.actor.unitName,
        recipient: { name: `${c.first_name} ${c.last_name}`, address: c.address, postalCode: c.postal_code, city: c.city },
        on: doc.on,
        // The one who decides signs (a decision a team leader approved is still the caseworker's).
        signature: doc.signedBy ?? { name: ctx.actor.name, title: 'Rådgiver' },
        // The case's journal number in the municipality's format (offentlighedsloven § 15), not an internal id.
        reference: c.journal_number,
      },
      doc.body,
    ),
  );
  // A preview ends the use case here: the letter is shown, nothing is stored (./letter-preview.ts).
  stopIfPreviewing(letter, c.citizen_id, c.id);
  return caseFileRepository.insertDocument(tx, {
    municipality_id: ctx.actor.municipalityId,
    case_id: c.id,
    kind: doc.kind,
    title: doc.body.title,
    journalised_on: doc.on,
    content: await renderLetterPdf(letter),
    letter,
  });
}

/**
 * A journalised document with its content, for reading. A generated letter journalised without its PDF (migration
 * 0036: the demo history renders none at start-up) gets it here, on its first read: rendered from the stored letter
 * and stored in the reader's transaction, so that read and every later one return the same bytes.
 */
export async function documentForReading(tx: Tx, caseId: string, documentId: string) {
  const doc = await caseFileRepository.documentContent(tx, caseId, documentId);
  if (!doc) return undefined;
  const { letter, content, ...rest } = doc;
  if (content) return { ...rest, content };
  if (!letter) throw new Error(`case_document ${documentId} has neither a PDF nor a letter`);
  const pdf = await renderLetterPdf(letter as Letter);
  return { ...rest, content: await caseFileRepository.storeLetterPdf(tx, caseId, documentId, pdf) };
}

/**
 * A letter previewed before it is sent (./letter-preview.ts): `send` runs as the sending would, up to the letter,
 * then rolls back. Showing the letter is a read of the citizen's data, audited in a transaction of its own.
 * Everything the sending would refuse (400, 409) it refuses here too.
 */
export async function previewLetter(ctx: RequestContext, send: () => Promise<unknown>): Promise<Letter> {
  const captured = await capturePreview(send);
  await runUseCase(ctx, (tx) =>
    auditCase(tx, ctx, {
      action: 'read',
      citizenId: captured.citizenId,
      recordType: 'letter_preview',
      recordId: captured.caseId,
    }),
  );
  return captured.letter;
}

export type CaseMessage = {
  caseId: string;
  orderId: string | null;
  channel: 'citizen' | 'provider';
  fromParty: 'authority' | 'provider' | 'citizen';
  authorName: string;
  body: string;
};

/** A message on the case (with the citizen, or with the provider about an order), journalised under `subject`. */
export async function postMessage(tx: Tx, ctx: RequestContext, m: CaseMessage, subject: string): Promise<number> {
  const id = await caseFileRepository.insertMessage(tx, {
    municipality_id: ctx.actor.municipalityId,
    case_id: m.caseId,
    order_id: m.orderId,
    channel: m.channel,
    from_party: m.fromParty,
    author_name: m.authorName,
    body: m.body,
  });
  await journal(tx, ctx, m.caseId, 'message', subject, m.body);
  return id;
}
