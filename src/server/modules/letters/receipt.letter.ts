import type { PlainDate } from '../../../shared/plain-date.ts';
import { CONTACT_US, LEGAL_PARAGRAPHS } from './legal-paragraphs.ts';
import type { LetterBody } from './letter.model.ts';
import { danishDate } from './letter-format.ts';

export type ReceiptLetterModel = {
  receivedOn: PlainDate;
  what: string;
  /** The unit (or the municipality) that handles the case. */
  handledBy: string;
  dayOffer: boolean;
  /** The stored decision deadline. */
  decisionDue: PlainDate | null;
  /** A personal note from the caseworker, written in the preview (free text); empty for none. */
  note: string;
};

/** The receipt (kvittering): what came in, who handles it, and when a decision can be expected. */
export function receiptLetter(m: ReceiptLetterModel): LetterBody {
  const months = m.dayOffer ? '2 måneder' : '3 måneder';
  return {
    title: 'Kvittering for henvendelse',
    subject: 'Kvittering for din henvendelse',
    paragraphs: [
      `Vi har modtaget din henvendelse den ${danishDate(m.receivedOn)} om: ${m.what}`,
      `Din sag behandles af ${m.handledBy}. Vores sagsbehandlingstid er op til ${months}, og vi forventer at træffe afgørelse senest den ${m.decisionDue ? danishDate(m.decisionDue) : ''}.`,
      ...(m.note ? [m.note] : []),
      ...LEGAL_PARAGRAPHS.deadlinePromise.paragraphs(),
      CONTACT_US,
    ],
  };
}
