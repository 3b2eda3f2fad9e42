import type { PlainDate } from '../../../shared/plain-date.ts';
import { danishDate } from './letter-format.ts';

/**
 * The legal text of the letters, written once and cited. A template never words these itself: it asks for the
 * paragraph with the facts of the case. Change the wording here, and every letter that carries it changes with it.
 */

/**
 * Where a complaint goes, from the municipality's service level (seed 001 "Klage": Ringkøbing-Skjern Kommune,
 * Handicap og Psykiatri, Rødkløvervej 4, 6950 Ringkøbing, or secure Digital Post to the same unit); the municipality's
 * letterhead when the service level names none.
 */
export type ComplaintContact = {
  name: string;
  unit: string | null;
  address: string | null;
  postalCode: string | null;
  city: string | null;
  email: string | null;
  /** The Digital Post recipient (borger.dk, e-Boks or mit.dk, log-in with MitID). */
  digitalPost: string | null;
};

/** Complaint guidance: what the decision can be complained about, by when, to whom, and what happens then. */
export type ComplaintGuidanceModel = {
  contact: ComplaintContact;
  /**
   * The complaint deadline as stored for the decision. A written or digital complaint is in time until midnight of
   * the last day (retssikkerhedsloven § 67); `oralEndsAt` is the close of office hours where an oral complaint ends
   * earlier (seed 001), else null.
   */
  deadline: { due: PlainDate; oralEndsAt: string | null };
  /** Who takes an oral complaint: the caseworker named on the letter (seed 001, "Mundtlige klager"). */
  caseworker: string;
};

/** The service-level version a decision applied (policy is versioned; the letter says which version). */
export type ServiceLevelApplied = {
  municipalityName: string;
  legalBasis: string;
  versionNumber: number;
  inForceFrom: PlainDate;
};

/** The party hearing: done before the decision, or why it was not needed. */
export type PartyHearingModel = { held: true } | { held: false; why: string };

/**
 * A deadline the municipality cannot keep: what it promised to do ("at træffe afgørelse i din sag"), what the citizen
 * can then expect ("vores afgørelse i din sag"), by when, why not, and when instead.
 */
export type MissedDeadlineModel = { promised: string; expect: string; due: PlainDate; reason: string; expectedBy: PlainDate };

export const LEGAL_PARAGRAPHS = {
  complaintGuidance: {
    cites: [
      'Forvaltningsloven § 25 (klagevejledning)',
      'Retssikkerhedsloven § 66 (genvurdering) og § 67 (4 ugers klagefrist; en skriftlig eller digital klage er rettidig til midnat)',
      'Forældelsesloven § 27, stk. 2 (en frist, der udløber på en lukket dag, forlænges)',
      'Seed 001 "Klage": skriftlige klager til Handicap og Psykiatri, Rødkløvervej 4, eller med Digital Post; mundtlige til rådgiveren; kontortids ophør',
    ],
    /**
     * The 4-week deadline with its end per channel (midnight for a written or digital complaint; the close of office
     * hours only for an oral one, where the municipality says so), where and how to complain, and what happens then.
     */
    paragraphs: (m: ComplaintGuidanceModel): string[] => {
      const c = m.contact;
      const address = [c.name, c.unit, c.address, [c.postalCode, c.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
      const oral = m.deadline.oralEndsAt
        ? ` En mundtlig klage, hvor du ringer eller møder op, skal du give inden kontortids ophør kl. ${m.deadline.oralEndsAt} den dag.`
        : '';
      const routes = [
        c.digitalPost
          ? `med Digital Post til ${c.digitalPost} (på borger.dk, e-Boks eller mit.dk, hvor du logger på med MitID)`
          : null,
        c.email ? `på e-mail til ${c.email} (skriv ikke CPR-nummer eller helbredsoplysninger i en almindelig e-mail)` : null,
      ].filter(Boolean);
      return [
        `Klagevejledning: Du kan klage over afgørelsen skriftligt, digitalt eller mundtligt. Fristen er 4 uger fra den dag, du modtog afgørelsen, og den udløber den ${danishDate(m.deadline.due)}. En skriftlig eller digital klage er kommet i tide, hvis vi har den senest den dag inden midnat.${oral}`,
        `Skriv til ${address}${routes.length ? `, eller send klagen ${routes.join(', eller ')}` : ''}. Du kan også klage mundtligt til ${m.caseworker}, som har skrevet dette brev.`,
        'Kommunen laver først en genvurdering af afgørelsen. Fastholder vi afgørelsen, sender vi din klage sammen med afgørelsen og begrundelsen til Ankestyrelsen inden for 4 uger, normalt inden for 14 dage.',
      ];
    },
  },
  /** The service-level version a decision applied: every decision letter names it (issue 12). */
  serviceLevelApplied: {
    cites: ['Forvaltningsloven § 24 (begrundelsen henviser til de regler, afgørelsen er truffet efter)'],
    paragraphs: (m: ServiceLevelApplied): string[] => [
      `Afgørelsen er truffet efter ${m.municipalityName}s serviceniveau for ${m.legalBasis}, version ${m.versionNumber}, gældende fra ${danishDate(m.inForceFrom)}.`,
    ],
  },
  partyHearing: {
    cites: ['Forvaltningsloven § 19 (partshøring)'],
    paragraphs: (m: PartyHearingModel): string[] => [
      m.held ? 'Du er blevet partshørt, før afgørelsen blev truffet.' : `Partshøring var ikke nødvendig: ${m.why}`,
    ],
  },
  /** The promise in the receipt: if the decision deadline cannot be kept, we write and say why and when. */
  deadlinePromise: {
    cites: ['Retssikkerhedsloven § 3, stk. 2'],
    paragraphs: (): string[] => [
      'Hvis vi ikke kan træffe afgørelse inden fristen, skriver vi til dig og fortæller hvorfor, og hvornår du kan forvente en afgørelse (retssikkerhedsloven § 3, stk. 2).',
    ],
  },
  /** The notice itself: the deadline cannot be kept, why, when instead, and the duty to say so. */
  missedDeadlineNotice: {
    cites: ['Retssikkerhedsloven § 3, stk. 2'],
    paragraphs: (m: MissedDeadlineModel): string[] => [
      `Vi har lovet ${m.promised} senest den ${danishDate(m.due)}. Den frist kan vi desværre ikke overholde.`,
      `Årsagen er: ${m.reason}`,
      `Vi forventer nu ${m.promised} senest den ${danishDate(m.expectedBy)}, så du kan forvente ${m.expect} senest den dag.`,
      'Vi skriver til dig efter retssikkerhedsloven § 3, stk. 2, fordi en myndighed skal give besked, når den ikke kan holde sin frist.',
    ],
  },
  /** Forwarding a maintained decision to Ankestyrelsen after the reconsideration. */
  forwarding: {
    cites: ['Retssikkerhedsloven § 66, stk. 2'],
    paragraphs: (m: { municipalityName: string; decidedOn: PlainDate }): string[] => [
      `${m.municipalityName} har genvurderet afgørelsen af ${danishDate(m.decidedOn)} og fastholder den. Klagen oversendes hermed til Ankestyrelsen (retssikkerhedsloven § 66, stk. 2).`,
    ],
  },
} as const satisfies Record<string, { cites: readonly string[]; paragraphs: (model: never) => string[] }>;

/** The closing line of letters the citizen may want to answer. */
export const CONTACT_US =
  'Du er velkommen til at kontakte os, hvis du har spørgsmål. Husk at oplyse journalnummeret øverst i brevet.';
