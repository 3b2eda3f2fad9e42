import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { formatJournalNumber } from '../../../rules/cases/journal-number.ts';
import type { ComputedDeadline } from '../../../rules/deadlines/deadlines.ts';
import type { CaseRequestChannel } from '../../db/database.types.ts';
import { bulkInsert } from '../../platform/db/bulk-insert.ts';
import type { Tx } from '../../platform/tx.ts';

/**
 * Cases from an import (data-import checks the file and works out each case's status and deadlines): the case with
 * the municipality's case number (unique, so a second import of the same file adds nothing), its request, the
 * journal entry saying where it came from, and its deadlines. Set-based, in the caller's transaction.
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

/** Case numbers a look-up statement takes: one array parameter (a list of 1,000 parameters cost a parse of each). */
const CHUNK = 10_000;

export const caseImport = {
  /** The cases that already carry these case numbers (case_file_case_number_idx), with their citizen. */
  async byCaseNumber(tx: Tx, municipalityId: string, numbers: readonly string[]) {
    const out = new Map<string, { id: string; citizenId: string }>();
    for (let i = 0; i < numbers.length; i += CHUNK) {
      const rows = await tx
        .selectFrom('case_file')
        .select(['id', 'case_number', 'citizen_id'])
        .where('municipality_id', '=', municipalityId)
        .where(sql<boolean>`case_number = any(${numbers.slice(i, i + CHUNK)}::text[])`)
        .execute();
      for (const r of rows) if (r.case_number) out.set(r.case_number, { id: r.id, citizenId: r.citizen_id });
    }
    return out;
  },

  /**
   * Inserts the cases and what belongs to them, set-based. The journal numbers are reserved as one block of the
   * municipality's counter and formatted here (formatJournalNumber, as the case_file_journal_number trigger would):
   * the trigger's counter update per row costs a row version per case in one transaction.
   */
  async insert(tx: Tx, municipalityId: string, actor: { name: string; role: string }, cases: readonly ImportedCase[]) {
    const ids = new Map<string, string>();
    if (!cases.length) return ids;
    const { rows } = await sql<{ year: number; last_seq: number; format: string }>`
      insert into journal_number_counter (municipality_id, year, last_seq)
      values (${municipalityId}, extract(year from now() at time zone 'Europe/Copenhagen')::integer, ${cases.length})
      on conflict (municipality_id, year) do update set last_seq = journal_number_counter.last_seq + excluded.last_seq
      returning year, last_seq, (select journal_number_format from municipality where id = ${municipalityId}) as format`.execute(
      tx,
    );
    const block = rows[0];
    if (!block) throw new Error('no journal number counter');
    const firstSeq = block.last_seq - cases.length + 1;
    const part = cases.map((c, i) => ({
      ...c,
      id: randomUUID(),
      journalNumber: formatJournalNumber(block.format, firstSeq + i, block.year),
    }));
    for (const c of part) ids.set(c.caseNumber, c.id);
    await bulkInsert(
      tx,
      'case_file',
      {
        id: 'uuid',
        municipality_id: 'uuid',
        citizen_id: 'uuid',
        status: 'text',
        title: 'text',
        opened_on: 'date',
        day_offer: 'boolean',
        case_number: 'text',
        journal_number: 'text',
      },
      part.map((c) => ({
        id: c.id,
        municipality_id: municipalityId,
        citizen_id: c.citizenId,
        status: c.status,
        title: c.title,
        opened_on: c.openedOn,
        day_offer: c.dayOffer,
        case_number: c.caseNumber,
        journal_number: c.journalNumber,
      })),
      { referenced: true },
    );
    await bulkInsert(
      tx,
      'case_request',
      {
        municipality_id: 'uuid',
        case_id: 'uuid',
        channel: 'text',
        received_on: 'date',
        requested_by: 'text',
        what: 'text',
      },
      part.map((c) => ({
        municipality_id: municipalityId,
        case_id: c.id,
        channel: c.channel,
        received_on: c.openedOn,
        requested_by: 'citizen',
        what: c.what,
      })),
    );
    await bulkInsert(
      tx,
      'case_event',
      {
        municipality_id: 'uuid',
        case_id: 'uuid',
        kind: 'text',
        subject: 'text',
        body: 'text',
        actor_name: 'text',
        actor_role: 'text',
      },
      part.map((c) => ({
        municipality_id: municipalityId,
        case_id: c.id,
        kind: 'imported',
        subject: c.journal.subject,
        body: c.journal.body,
        actor_name: actor.name,
        actor_role: actor.role,
      })),
    );
    await bulkInsert(
      tx,
      'case_deadline',
      {
        municipality_id: 'uuid',
        case_id: 'uuid',
        kind: 'text',
        from_date: 'date',
        due_date: 'date',
        ends_at_time: 'text',
        rule_version: 'text',
        source: 'text',
        met_on: 'date',
      },
      part.flatMap((c) =>
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
      ),
    );
    return ids;
  },
};
