import { randomUUID } from 'node:crypto';
import { bulkInsert } from '../../platform/db/bulk-insert.ts';
import type { Tx } from '../../platform/tx.ts';

/**
 * The latest decision of an imported case, as the old system recorded it (data-import checks it against the service
 * level in force on its date, like a decision made here). It has no letter: the letter was sent from the old system.
 */
export type ImportedDecision = {
  caseId: string;
  outcome: 'granted' | 'partly_granted' | 'refused';
  legalBasis: string;
  serviceDescriptionVersionId: string;
  weeklyHours: number | null;
  profileCode: string | null;
  moduleDays: number | null;
  startDate: string | null;
  timeLimitUntil: string | null;
  reasons: string;
  partyHearing: 'done' | 'not_needed';
  partyHearingNote: string | null;
  decidedOn: string;
};

export const decisionImport = {
  /** Inserts the decisions, set-based; answers each case's decision id. */
  async insert(tx: Tx, municipalityId: string, decisions: readonly ImportedDecision[]): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    const part = decisions.map((d) => ({ ...d, id: randomUUID() }));
    for (const d of part) ids.set(d.caseId, d.id);
    await bulkInsert(
      tx,
      'decision',
      {
        id: 'uuid',
        municipality_id: 'uuid',
        case_id: 'uuid',
        outcome: 'text',
        kind: 'text',
        legal_basis: 'text',
        service_description_version_id: 'uuid',
        weekly_hours: 'numeric',
        profile_code: 'text',
        module_days: 'integer',
        start_date: 'date',
        time_limit_until: 'date',
        reasons: 'text',
        party_hearing: 'text',
        party_hearing_note: 'text',
        decided_on: 'date',
      },
      part.map((d) => ({
        id: d.id,
        municipality_id: municipalityId,
        case_id: d.caseId,
        outcome: d.outcome,
        kind: 'application',
        legal_basis: d.legalBasis,
        service_description_version_id: d.serviceDescriptionVersionId,
        weekly_hours: d.weeklyHours,
        profile_code: d.profileCode,
        module_days: d.moduleDays,
        start_date: d.startDate,
        time_limit_until: d.timeLimitUntil,
        reasons: d.reasons,
        party_hearing: d.partyHearing,
        party_hearing_note: d.partyHearingNote,
        decided_on: d.decidedOn,
      })),
      { referenced: true },
    );
    return ids;
  },
};
