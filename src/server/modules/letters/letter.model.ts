import type { PlainDate } from '../../../shared/plain-date.ts';
import { danishDate } from './letter-format.ts';
import { explainFirstUse } from './plain-words.ts';

export type Letterhead = { name: string; address: string | null; phone: string | null; email: string | null };
export type Recipient = { name: string; address: string | null; postalCode: string | null; city: string | null };
/** An enclosure printed after the letter, from a new page (the forwarding package carries the decision letter). */
export type Appendix = { title: string; paragraphs: string[] };

/**
 * A letter on the municipality's letterhead: what the PDF prints and what the browser preview shows (stored as
 * `case_document.letter`, read back through `letterSchema`).
 */
export type Letter = {
  municipality: Letterhead;
  unitName: string | null;
  recipient: Recipient;
  date: string;
  subject: string;
  paragraphs: string[];
  signature: { name: string; title: string };
  /** The case's journal number (journalnummer) in the municipality's format. */
  reference: string;
  appendices?: Appendix[];
};

/** What a template writes: the document's title in the journal, the subject and the text, and any enclosures. */
export type LetterBody = {
  title: string;
  subject: string;
  paragraphs: string[];
  /** Another addressee than the citizen of the case (Ankestyrelsen for a forwarded complaint). */
  recipient?: Recipient;
  appendices?: Appendix[];
};

/** Who writes to whom, when, and on which case: the parts of a letter that no template decides. */
export type LetterEnvelope = {
  municipality: Letterhead;
  unitName: string | null;
  recipient: Recipient;
  on: PlainDate;
  signature: { name: string; title: string };
  reference: string;
};

/**
 * The whole letter from its envelope and a template's body; the body's own recipient wins. A letter to the citizen
 * explains the words of the law the first time it uses them (`plain-words.ts`); one to an authority does not.
 */
export function composeLetter(envelope: LetterEnvelope, body: LetterBody): Letter {
  return {
    municipality: envelope.municipality,
    unitName: envelope.unitName,
    recipient: body.recipient ?? envelope.recipient,
    date: danishDate(envelope.on),
    subject: body.subject,
    paragraphs: body.recipient ? body.paragraphs : explainFirstUse(body.paragraphs),
    signature: envelope.signature,
    reference: envelope.reference,
    ...(body.appendices?.length ? { appendices: body.appendices } : {}),
  };
}
