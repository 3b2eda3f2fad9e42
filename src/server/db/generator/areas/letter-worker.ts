import { parentPort } from 'node:worker_threads';
import { type Letter, renderLetterPdf } from '../../../modules/letters/index.ts';

/** Renders letters to PDF off the generator's thread (pdfkit costs a few milliseconds a letter). */
parentPort?.on('message', async (job: { id: number; letter: Letter }) => {
  const pdf = await renderLetterPdf(job.letter);
  parentPort?.postMessage({ id: job.id, pdf }, [pdf.buffer as ArrayBuffer]);
});
