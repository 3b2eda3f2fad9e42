import type { PlainDate } from '../../../shared/plain-date.ts';
import { danishDate } from './letter-format.ts';

/**
 * The legal text of the letters, written once and cited. A template never words these itself: it asks for the
 * paragraph with the facts of the case. Change the wording here, and every letter that carries it changes with it.
 */

/** Complaint guidance: what the decision can be complained about, by when, to whom, and what happens then. */
export type ComplaintGuidanceModel = {
  /** The municipality the complaint goes to. */
  municipality: { name: string; address: string | null };
  /** The complaint deadline as computed and stored for the decision. */
  deadline: { due: PlainDate; endsAtTime: string };
};

/** The party hearing: done before the decision, or why it was not needed. */
export type PartyHearingModel = { held: true } | { held: false; why: string };

/** A deadline the municipality cannot keep: what it promised, by when, why not, and when instead. */
export type MissedDeadlineModel = { promised: string; due: PlainDate; reason: string; expectedBy: PlainDate };

export const LEGAL_PARAGRAPHS = {
  complaintGuidance: {
    cites: [
      'Forvaltningsloven § 25 (klagevejledning)',
      'Retssikkerhedsloven § 66 (genvurdering) og § 67 (4 ugers klagefrist)',
      'Seed 001 "Klage": klagefristen udløber ved kontortids ophør',
    ],
    /** The 4-week deadline with its end (RKSK: close of office hours), where to complain, and the reconsideration. */
    paragraphs: (m: ComplaintGuidanceModel): string[] => {
      const at = m.deadline.endsAtTime === '23:59:59' ? '' : ` ved kontortids ophør (kl. ${m.deadline.endsAtTime})`;
      return [
        `Klagevejledning: Du kan klage over afgørelsen skriftligt eller mundtligt. Fristen er 4 uger fra du har modtaget afgørelsen. Klagefristen udløber den ${danishDate(m.deadline.due)}${at}.`,
        `Klagen sendes til ${m.municipality.name}${m.municipality.address ? `, ${m.municipality.address}` : ''}. Kommunen genvurderer først afgørelsen. Fastholder vi afgørelsen, sender vi din klage sammen med afgørelsen og begrundelsen til Ankestyrelsen inden for 4 uger, normalt inden for 14 dage.`,
      ];
    },
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
      `Du kan forvente ${m.promised} senest den ${danishDate(m.expectedBy)}.`,
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
export const CONTACT_US = 'Du er velkommen til at kontakte os, hvis du har spørgsmål. Husk at oplyse dit sagsnummer.';
