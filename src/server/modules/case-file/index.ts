import { documentForReading } from './case-file.helpers.ts';
import { caseFileRepository } from './case-file.repository.ts';

/**
 * The case file's public API. Other modules continue a case only through these, inside their own transaction:
 * load it, ask the state machine, move its status, write its journal, deadlines, letters and messages.
 */
export {
  auditCase,
  type CaseMessage,
  type CaseRow,
  type DocumentKind,
  deadlinesOf,
  journal,
  journaliseLetter,
  lapseDeadlines,
  loadCase,
  markDeadlineMet,
  postMessage,
  previewLetter,
  setStatus,
  storeDeadlines,
  transition,
} from './case-file.helpers.ts';
export { caseFileRoutes } from './case-file.routes.ts';
export { checkUpload, journaliseUpload } from './upload-document.ts';

/** Reads for the case page, the citizen's page and the provider, each one query for a page of case ids. */
export const caseFileReads = {
  /** A citizen's cases, read inside the caller's transaction (which writes the audit row). */
  casesOfCitizen: caseFileRepository.forCitizen,
  events: caseFileRepository.events,
  countEvents: caseFileRepository.countEvents,
  deadlinePage: caseFileRepository.deadlinePage,
  countDeadlines: caseFileRepository.countDeadlines,
  documents: caseFileRepository.documents,
  /** A page of one case's documents, newest first, and their number. */
  documentList: caseFileRepository.documentList,
  countDocuments: caseFileRepository.countDocuments,
  /** A document with its content; a generated letter's PDF is made and stored on its first read. */
  documentContent: documentForReading,
  documentLetter: caseFileRepository.documentLetter,
  letters: caseFileRepository.letters,
  messages: caseFileRepository.messages,
  outreachContacts: caseFileRepository.outreachContacts,
};
export { caseImport, type ImportedCase } from './case-import.repository.ts';
