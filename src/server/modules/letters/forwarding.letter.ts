import type { PlainDate } from '../../../shared/plain-date.ts';
import { LEGAL_PARAGRAPHS } from './legal-paragraphs.ts';
import type { Letter, LetterBody, Recipient } from './letter.model.ts';
import { danishDate } from './letter-format.ts';

export const ANKESTYRELSEN: Recipient = {
  name: 'Ankestyrelsen',
  address: 'Teglholmsgade 3',
  postalCode: '2450',
  city: 'København SV',
};

const OUTCOME_DA = { granted: 'bevilling', partly_granted: 'delvis bevilling', refused: 'afslag' } as const;
export const COMPLAINT_FORM_DA = { written: 'skriftlig', oral: 'mundtlig', digital: 'digital (selvbetjening)' } as const;

export type ForwardingLetterModel = {
  municipalityName: string;
  citizenName: string;
  decision: {
    decidedOn: PlainDate;
    outcome: keyof typeof OUTCOME_DA;
    serviceTitle: string;
    legalBasis: string;
    versionNumber: number;
    reasons: string;
  };
  complaint: {
    form: keyof typeof COMPLAINT_FORM_DA;
    receivedOn: PlainDate;
    receivedAt: string | null;
    timeliness: 'in_time' | 'late';
    text: string;
  };
  reconsideration: { decidedOn: PlainDate; reasons: string };
  /** The decision letter as journalised, enclosed as appendix 1 (none if it was never stored as text). */
  decisionLetter: Letter | null;
};

/** The forwarding package to Ankestyrelsen: the maintained decision, its reasons, the complaint, the reconsideration. */
export function forwardingLetter(m: ForwardingLetterModel): LetterBody {
  const c = m.complaint;
  const d = m.decision;
  const enclosure = m.decisionLetter;
  return {
    title: 'Oversendelse til Ankestyrelsen',
    subject: `Oversendelse af klage – ${m.citizenName}`,
    recipient: ANKESTYRELSEN,
    paragraphs: [
      ...LEGAL_PARAGRAPHS.forwarding.paragraphs({ municipalityName: m.municipalityName, decidedOn: d.decidedOn }),
      `Afgørelsen: ${OUTCOME_DA[d.outcome]} af ${d.serviceTitle.toLowerCase()} efter ${d.legalBasis} (serviceniveau version ${d.versionNumber}).`,
      `Afgørelsens begrundelse: ${d.reasons}`,
      `Klagen (${COMPLAINT_FORM_DA[c.form]}, modtaget ${danishDate(c.receivedOn)}${c.receivedAt ? ` kl. ${c.receivedAt}` : ''}${c.timeliness === 'late' ? ', efter klagefristens udløb' : ', inden for klagefristen'}): ${c.text}`,
      `Genvurdering ${danishDate(m.reconsideration.decidedOn)}: ${m.reconsideration.reasons}`,
      'Afgørelsesbrevet er vedlagt som bilag 1. Borgeren har fået kopi af denne oversendelse.',
    ],
    appendices: enclosure
      ? [
          {
            title: `Bilag 1: ${enclosure.subject} (${enclosure.date})`,
            paragraphs: [`Til ${enclosure.recipient.name}`, ...enclosure.paragraphs],
          },
        ]
      : [],
  };
}
