import type { PlainDate } from '../../../../shared/plain-date.ts';
import { composeLetter, type Letter, type LetterBody, renderLetterPdf } from '../../../modules/letters/index.ts';
import type { Actor, CitizenRef, Municipality } from '../context.ts';
import type { Row } from '../writer.ts';

export type DocumentKind = 'receipt_letter' | 'decision_letter' | 'missed_deadline_notice' | 'forwarding_letter';

/**
 * The one place the generator makes letters: the letter model as the case use cases journalise it (letterhead,
 * recipient, date, reference, signature), its text for the preview, and its PDF. `on-read` (the demo) stores each
 * letter without its PDF: the first read renders it from the letter and stores it (migration 0036,
 * case-file's documentForReading), so a start-up renders none. `shared` (the benchmarks) stores one placeholder PDF
 * per kind and municipality, marked as such.
 */
export class LetterDesk {
  private readonly shared = new Map<string, Promise<Buffer>>();
  readonly rendered = { onRead: 0, rendered: 0, shared: 0 };
  /** `on-read` into a database from before migration 0036, which needs every letter's PDF: rendered here. */
  renderNow = false;

  constructor(private readonly mode: 'on-read' | 'shared') {}

  document(
    m: Municipality,
    c: { caseId: string; journalNumber: string; citizen: CitizenRef },
    doc: { id: string; kind: DocumentKind; on: PlainDate; body: LetterBody; author: Actor; createdAt: string },
  ): { row: Row<'case_document'>; letter: Letter } {
    const letter = composeLetter(
      {
        municipality: m.letterhead,
        unitName: doc.author.unitName,
        recipient: {
          name: `${c.citizen.firstName} ${c.citizen.lastName}`,
          address: c.citizen.address,
          postalCode: c.citizen.postalCode,
          city: c.citizen.city,
        },
        on: doc.on,
        signature: { name: doc.author.name, title: 'Rådgiver' },
        reference: c.journalNumber,
      },
      doc.body,
    );
    // A promise (the writer awaits it when it writes the row), or none: made on the first read.
    const content = this.pdf(m, doc.kind, letter);
    return {
      letter,
      row: {
        id: doc.id,
        municipality_id: m.id,
        case_id: c.caseId,
        kind: doc.kind,
        title: doc.body.title,
        journalised_on: doc.on,
        content,
        letter: JSON.stringify(letter),
        created_at: doc.createdAt,
      },
    };
  }

  private pdf(m: Municipality, kind: DocumentKind, letter: Letter): Promise<Buffer> | null {
    if (this.mode === 'on-read' && this.renderNow) {
      this.rendered.rendered++;
      return renderLetterPdf(letter);
    }
    if (this.mode === 'on-read') {
      this.rendered.onRead++;
      return null;
    }
    this.rendered.shared++;
    const key = `${m.code}:${kind}`;
    let pdf = this.shared.get(key);
    if (!pdf) {
      pdf = renderLetterPdf({
        ...letter,
        recipient: { name: 'Testdata', address: null, postalCode: null, city: null },
        reference: 'testdata',
        paragraphs: [
          'Dette dokument er en fælles pladsholder i et datasæt til belastningstest. Brevets egen tekst ses i forhåndsvisningen på sagen.',
        ],
      });
      this.shared.set(key, pdf);
    }
    return pdf;
  }
}
