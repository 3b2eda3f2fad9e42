import type { DeadlineRuleSet } from '../../../rules/deadlines/deadline-rules.ts';
import type { CatalogueContent } from '../../../shared/catalogue/catalogue.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { AuditTrail } from './areas/audit.ts';
import type { LetterDesk } from './areas/letters.ts';
import { IdSequence } from './ids.ts';
import type { GeneratorSize, MunicipalityLoad } from './sizes.ts';
import type { RowWriter } from './writer.ts';

/** Who did something: a staff member or a citizen with a log-in (the audit row and the journal name them). */
export type Actor = {
  userId: string | null;
  name: string;
  role: 'caseworker' | 'provider_staff' | 'team_leader' | 'administrator' | 'analyst' | 'citizen';
  unitId: string | null;
  unitName: string | null;
  /** A named demo user (on the demo log-in page). */
  demo?: boolean;
};

export type OfferRef = {
  id: string;
  key: string;
  name: string;
  unitId: string | null;
  legalBases: readonly string[];
  /** Provider staff who work there (the demo's named staff first). */
  staff: Actor[];
};

export type ServiceVersionRef = {
  id: string;
  descriptionId: string;
  title: string;
  legalBasis: string;
  number: number;
  inForceFrom: PlainDate;
  bands: { code: string; above: number; upTo: number; severity?: string; vumCategories?: ('A' | 'B' | 'C' | 'D' | 'E')[] }[];
  /** The complaint address the service level gives, if any (seed 001 "Klage"); decision letters print it. */
  complaints: CatalogueContent['complaints'];
};

export type CitizenRef = {
  id: string;
  index: number;
  cpr: string;
  firstName: string;
  lastName: string;
  address: string | null;
  postalCode: string | null;
  city: string | null;
  /** The citizen's log-in (self-service), when they have one. */
  user: Actor | null;
  /** A citizen the README and the tests name: their cases follow a script. */
  named: string | null;
};

export type Municipality = {
  id: string;
  code: string;
  name: string;
  /**
   * The journal number the database will give the next case opened in `year` (migration 0014's trigger numbers the
   * cases in the order they are inserted, per municipality and year, in the municipality's format). The generator
   * inserts its cases in the order it simulates them, so its letters can carry the number the case gets.
   */
  nextJournalNumber(year: number): string;
  letterhead: { name: string; address: string | null; phone: string | null; email: string | null };
  rules: DeadlineRuleSet;
  load: MunicipalityLoad;
  caseworkers: Actor[];
  teamLeaders: Actor[];
  administrators: Actor[];
  offers: OfferRef[];
  versions: ServiceVersionRef[];
  citizens: CitizenRef[];
  /** Where this municipality's history starts: the size's start, or a month after its service levels came in force. */
  historyStart: PlainDate;
  /** Ids per table, deterministic for the run. */
  ids: (table: string) => IdSequence;
};

/** Identity columns are written explicitly; these count on from what the database holds. */
export type Identities = { case_event: number; case_message: number; order_journal: number; audit_log: number };

export type Generation = {
  size: GeneratorSize;
  today: PlainDate;
  /** The first day of the history. */
  historyStart: PlainDate;
  writer: RowWriter;
  audit: AuditTrail;
  letters: LetterDesk;
  identities: Identities;
  /**
   * What the database's migrations hold: the tenant-keys upgrade test loads the demo at 0011, before the task inbox
   * (an order held with a question) and decision approval (a case awaiting approval) existed.
   */
  /** What the database's schema has (a database migrated only up to an older version is generated into too). */
  schema: { tasks: boolean; approvals: boolean; lettersOnRead: boolean };
};

export function idSequences(seedKey: string): (table: string) => IdSequence {
  const sequences = new Map<string, IdSequence>();
  return (table) => {
    let s = sequences.get(table);
    if (!s) {
      s = new IdSequence(`${seedKey}:${table}`);
      sequences.set(table, s);
    }
    return s;
  };
}

export function nextIdentity(g: Generation, table: keyof Identities): number {
  g.identities[table] += 1;
  return g.identities[table];
}
