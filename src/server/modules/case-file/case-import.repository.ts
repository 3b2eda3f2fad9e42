import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { ComputedDeadline } from '../../../rules/deadlines/deadlines.ts';
import type { CaseRequestChannel } from '../../db/database.types.ts';
import type { Tx } from '../../platform/tx.ts';

/**
 * Cases from an import (data-import checks the file and works out each case's status and deadlines): the case with
 * the municipality's case number (unique, so a second import of the same file adds nothing), its request, the
 * journal entry saying where it came from, and its deadlines. In batches, in the caller's transaction.
 */
export type ImportedCase = {
  citizenId: string;
  caseNumber: string;
  status: 'request_received' | 'assessment' | 'decided' | 'refused' | 'ordered';
  title: string;
  openedOn: string;
  dayOffer: boolean;
  channel: CaseRequestChannel;
  what: string;
  deadlines: (ComputedDeadline & { metOn: string | null })[];
  journal: { subject: string; body: string };
};

const CHUNK = 1000;

export const caseImport = {
  /** The cases that already carry these case numbers (case_file_case_number_idx), with their citizen. */
  async byCaseNumber(tx: Tx, municipalityId: string, numbers: readonly string[]) {
    const out = new Map<string, { id: string; citizenId: string }>();
    for (let i = 0; i < numbers.length; i += CHUNK) {
      const rows = await tx
        .selectFrom('case_file')
        .select(['id', 'case_number', 'citizen_id'])
        .where('municipality_id', '=', municipalityId)
        .where('case_number', 'in', numbers.slice(i, i + CHUNK))
        .execute();
      for (const r of rows) if (r.case_number) out.set(r.case_number, { id: r.id, citizenId: r.citizen_id });
    }
    return out;
  },

  async insert(tx: Tx, municipalityId: string, actor: { name: string; role: string }, cases: readonly ImportedCase[]) {
    const ids = new Map<string, string>();
    for (let i = 0; i < cases.length; i += CHUNK) {
      const part = cases.slice(i, i + CHUNK).map((c) => ({ ...c, id: randomUUID() }));
      for (const c of part) ids.set(c.caseNumber, c.id);
      await tx
        .insertInto('case_file')
        .values(
          part.map((c) => ({
            id: c.id,
            municipality_id: municipalityId,
            citizen_id: c.citizenId,
            caseworker_id: null,
            status: c.status,
            title: c.title,
            opened_on: c.openedOn,
            day_offer: c.dayOffer,
            case_number: c.caseNumber,
            // Assigned by the database in the municipality's format (trigger case_file_journal_number).
            journal_number: sql<string>`default`,
          })),
        )
        .execute();
      await tx
        .insertInto('case_request')
        .values(
          part.map((c) => ({
            municipality_id: municipalityId,
            case_id: c.id,
            channel: c.channel,
            received_on: c.openedOn,
            requested_by: 'citizen',
            requester_name: null,
            what: c.what,
          })),
        )
        .execute();
      await tx
        .insertInto('case_event')
        .values(
          part.map((c) => ({
            municipality_id: municipalityId,
            case_id: c.id,
            kind: 'imported',
            subject: c.journal.subject,
            body: c.journal.body,
            actor_name: actor.name,
            actor_role: actor.role,
            document_id: null,
          })),
        )
        .execute();
      const deadlines = part.flatMap((c) =>
        c.deadlines.map((d) => ({
          municipality_id: municipalityId,
          case_id: c.id,
          kind: d.kind,
          from_date: d.from,
          due_date: d.due,
          ends_at_time: d.endsAtTime,
          rule_version: d.ruleVersion,
          source: d.source,
          met_on: d.metOn,
        })),
      );
      if (deadlines.length) await tx.insertInto('case_deadline').values(deadlines).execute();
    }
    return ids;
  },
};
