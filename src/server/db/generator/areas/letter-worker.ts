import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { type Letter, renderLetterPdf } from '../../../modules/letters/index.ts';

/** This thread's CPU milliseconds (Linux: utime + stime of /proc/thread-self/stat, 1/100 s ticks); null elsewhere. */
function threadCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * Renders letters to PDF off the generator's thread (pdfkit costs a few milliseconds a letter); asked for `cpu`, tells
 * the CPU time this thread has used (the start-up log's share of rendering).
 */
parentPort?.on('message', async (job: { id: number; letter: Letter } | { cpu: true }) => {
  if ('cpu' in job) {
    parentPort?.postMessage({ cpuMs: threadCpuMs() });
    return;
  }
  const pdf = await renderLetterPdf(job.letter);
  parentPort?.postMessage({ id: job.id, pdf }, [pdf.buffer as ArrayBuffer]);
});
