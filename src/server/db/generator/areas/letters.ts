import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PlainDate } from '../../../../shared/plain-date.ts';
import { composeLetter, type Letter, type LetterBody, renderLetterPdf } from '../../../modules/letters/index.ts';
import type { Actor, CitizenRef, Municipality } from '../context.ts';
import type { Row } from '../writer.ts';

export type DocumentKind = 'receipt_letter' | 'decision_letter' | 'missed_deadline_notice' | 'forwarding_letter';

/**
 * The one place the generator makes letters: the letter model as the case use cases journalise it (letterhead,
 * recipient, date, reference, signature), its text for the preview, and its PDF. `render` makes each PDF (the demo:
 * what a user opens is the real letter); `shared` stores each letter's text but one PDF per kind and municipality,
 * marked as a placeholder, because rendering costs milliseconds a letter and the benchmarks never open them.
 */
export class LetterDesk {
  private readonly shared = new Map<string, Promise<Buffer>>();
  readonly rendered: { real: number; shared: number; workerCpuMs?: number } = { real: 0, shared: 0 };
  private workers: Worker[] = [];
  private readonly pending = new Map<number, { resolve: (pdf: Buffer) => void; reject: (e: unknown) => void }>();
  private jobs = 0;

  constructor(private readonly mode: 'render' | 'shared') {}

  /**
   * Letters are rendered by worker threads while the generator goes on (the PDF is awaited only when its row is
   * written), so rendering and database work share the machine's cores.
   */
  private renderInWorker(letter: Letter): Promise<Buffer> {
    if (!this.workers.length) {
      const url = new URL('./letter-worker.mjs', import.meta.url);
      const count = Math.max(1, Math.min(3, availableParallelism() - 1));
      for (let i = 0; i < count; i++) {
        const worker = new Worker(url);
        worker.on('message', (m: { id: number; pdf: Uint8Array } | { cpuMs: number | null }) => {
          if ('cpuMs' in m) return;
          this.pending.get(m.id)?.resolve(Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength));
          this.pending.delete(m.id);
        });
        worker.on('error', (error) => {
          for (const p of this.pending.values()) p.reject(error);
          this.pending.clear();
        });
        this.workers.push(worker);
      }
    }
    const id = this.jobs++;
    const worker = this.workers[id % this.workers.length] as Worker;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, letter });
    });
  }

  /** Ends the workers, first asking each for the CPU time its thread used (the start-up log's share of rendering). */
  async close(): Promise<void> {
    const cpuOf = (w: Worker) =>
      new Promise<number | null>((resolve) => {
        const timeout = setTimeout(() => resolve(null), 1000);
        w.on('message', (m: { cpuMs?: number | null }) => {
          if (m.cpuMs === undefined) return;
          clearTimeout(timeout);
          resolve(m.cpuMs);
        });
        w.postMessage({ cpu: true });
      });
    const cpu = await Promise.all(this.workers.map(cpuOf));
    if (cpu.length && cpu.every((c) => c !== null)) this.rendered.workerCpuMs = cpu.reduce((a, c) => a + (c ?? 0), 0);
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
  }

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
    // A promise: the writer awaits it when it writes the row.
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

  private pdf(m: Municipality, kind: DocumentKind, letter: Letter): Promise<Buffer> {
    if (this.mode === 'render') {
      this.rendered.real++;
      return this.renderInWorker(letter);
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
