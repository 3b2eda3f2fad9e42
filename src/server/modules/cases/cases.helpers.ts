import { type CaseAction, type CaseStatus, nextStatus } from '../../../rules/cases/case-state-machine.ts';
import type { DeadlineRuleSet } from '../../../rules/deadlines/deadline-rules.ts';
import type { ComputedDeadline } from '../../../rules/deadlines/deadlines.ts';
import { formatCpr } from '../../../shared/cpr/cpr.ts';
import type { ValidationKey } from '../../../shared/i18n/validation-messages.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import { type AuditEvent, purposeFor, writeAudit } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
/** What the use cases of the cases module share: loading, the state machine, the journal, letters, audit. */
import { today } from '../../platform/clock.ts';
import { AppError, invalidTransition, notFound } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { casesRepository } from './cases.repository.ts';
import { type Letter, renderLetter } from './letters.ts';

export { today };

export const danishDate = (d: string) => {
  const [y, m, day] = d.split('-');
  return `${Number(day)}.${Number(m)}.${y}`;
};

/** Audits a case use case; a citizen's own complaint or message is logged as their self-service. */
export async function audit(tx: Tx, ctx: RequestContext, event: Omit<AuditEvent, 'purpose'>) {
  await writeAudit(tx, auditActorOf(ctx), { purpose: purposeFor(ctx.actor.role, 'case_processing'), ...event });
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof casesRepository.caseById>>>;

export async function loadCase(tx: Tx, id: string): Promise<CaseRow> {
  const row = await casesRepository.caseById(tx, id);
  if (!row) throw notFound();
  return row;
}

/** The state machine decides; a refused action is a 409 that changes nothing. */
export function transition(row: CaseRow, action: CaseAction): CaseStatus {
  const next = nextStatus(row.status as CaseStatus, action);
  if (!next) throw invalidTransition(`${action} is not allowed in ${row.status}`);
  return next;
}

export async function journal(
  tx: Tx,
  ctx: RequestContext,
  caseId: string,
  kind: string,
  subject: string,
  body: string | null,
  documentId: string | null = null,
) {
  await casesRepository.insertEvent(tx, {
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

export async function storeDeadlines(tx: Tx, ctx: RequestContext, caseId: string, deadlines: readonly ComputedDeadline[]) {
  await casesRepository.insertDeadlines(
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

/**
 * A letter on the municipality's letterhead to the citizen of the case (or to `recipient`), rendered as PDF and
 * journalised with its text, so the browser preview shows exactly what the PDF says.
 */
export async function journaliseLetter(
  tx: Tx,
  ctx: RequestContext,
  c: CaseRow,
  doc: {
    kind: 'receipt_letter' | 'decision_letter' | 'missed_deadline_notice' | 'forwarding_letter';
    title: string;
    on: PlainDate;
    subject: string;
    paragraphs: string[];
    recipient?: Letter['recipient'];
    appendices?: Letter['appendices'];
  },
): Promise<string> {
  const letter: Letter = {
    municipality: await casesRepository.letterhead(tx, ctx.actor.municipalityId),
    unitName: ctx.actor.unitName,
    recipient: doc.recipient ?? {
      name: `${c.first_name} ${c.last_name}`,
      address: c.address,
      postalCode: c.postal_code,
      city: c.city,
    },
    date: danishDate(doc.on),
    subject: doc.subject,
    paragraphs: doc.paragraphs,
    signature: { name: ctx.actor.name, title: 'Rådgiver' },
    reference: `${c.id.slice(0, 8)} · CPR ${formatCpr(c.cpr).slice(0, 6)}-xxxx`,
    ...(doc.appendices?.length ? { appendices: doc.appendices } : {}),
  };
  return casesRepository.insertDocument(tx, {
    municipality_id: ctx.actor.municipalityId,
    case_id: c.id,
    kind: doc.kind,
    title: doc.title,
    journalised_on: doc.on,
    content: await renderLetter(letter),
    letter,
  });
}

/**
 * Complaint guidance (klagevejledning, forvaltningsloven § 25; seed 001 "Klage"): the 4-week deadline with its end
 * (RKSK: close of office hours), where to complain, and that the municipality reconsiders before Ankestyrelsen.
 */
export function complaintGuidance(
  letterhead: { name: string; address: string | null },
  complaint: { due: string; endsAtTime: string },
): string[] {
  const at = complaint.endsAtTime === '23:59:59' ? '' : ` ved kontortids ophør (kl. ${complaint.endsAtTime})`;
  return [
    `Klagevejledning: Du kan klage over afgørelsen skriftligt eller mundtligt. Fristen er 4 uger fra du har modtaget afgørelsen. Klagefristen udløber den ${danishDate(complaint.due)}${at}.`,
    `Klagen sendes til ${letterhead.name}${letterhead.address ? `, ${letterhead.address}` : ''}. Kommunen genvurderer først afgørelsen. Fastholder vi afgørelsen, sender vi din klage sammen med afgørelsen og begrundelsen til Ankestyrelsen inden for 4 uger, normalt inden for 14 dage.`,
  ];
}

/** A 409 that names the field and says why in Danish and English (the state of the case refuses the change). */
export function conflictOn(path: string, key: ValidationKey): AppError {
  return new AppError('invalid_transition', [{ code: 'custom', message: key, path: path.split('.') }]);
}

export type { DeadlineRuleSet };
