import { AsyncLocalStorage } from 'node:async_hooks';
import type { Letter } from '../letters/index.ts';

/**
 * A letter previewed before it is sent: the use case that would send it runs as it would — every check, the same
 * template, the same facts — up to the moment its letter is journalised; there it stops, its transaction rolls back,
 * and the letter comes back instead of being stored. So what the caseworker reads in the preview is what the citizen
 * gets, and a preview of an impossible record answers with the same 400 the sending would.
 */
const previewing = new AsyncLocalStorage<true>();

class LetterPreviewed extends Error {
  constructor(
    readonly letter: Letter,
    readonly citizenId: string,
    readonly caseId: string,
  ) {
    super('letter previewed');
  }
}

/** Called by `journaliseLetter` once the letter is composed: in a preview, the use case ends here. */
export function stopIfPreviewing(letter: Letter, citizenId: string, caseId: string): void {
  if (previewing.getStore()) throw new LetterPreviewed(letter, citizenId, caseId);
}

/**
 * Runs `send` as a preview and returns the letter it would journalise, with whose it is. Only a use case that always
 * writes a letter may be previewed (the routes answer `null` themselves for an outcome without one): one that ended
 * without a letter would have committed, which is a programming error and answered as one.
 * (`previewLetter` in the helpers audits the read.)
 */
export async function capturePreview(
  send: () => Promise<unknown>,
): Promise<{ letter: Letter; citizenId: string; caseId: string }> {
  try {
    await previewing.run(true, send);
    throw new Error('a previewed use case ended without a letter');
  } catch (error) {
    if (!(error instanceof LetterPreviewed)) throw error;
    return { letter: error.letter, citizenId: error.citizenId, caseId: error.caseId };
  }
}
