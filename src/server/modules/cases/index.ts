import type { Tx } from '../../platform/tx.ts';
import {
  complaintGuidance,
  conflictOn,
  danishDate,
  journal,
  journaliseLetter,
  loadCase,
  storeDeadlines,
  transition,
} from './cases.helpers.ts';
import { casesRepository } from './cases.repository.ts';

/** For other modules: a citizen's cases, read inside the caller's transaction (which writes the audit row). */
export function casesOfCitizen(tx: Tx, citizenId: string) {
  return casesRepository.forCitizen(tx, citizenId);
}

/**
 * The case flow's building blocks for the modules that continue it (follow-up, the citizen's self-service): the
 * state machine, the journal, deadlines, letters and decisions, always inside the caller's transaction.
 */
/** Provider scope: does the citizen have an order, not yet ended, at one of these offers? */
export function citizenServedAt(tx: Tx, citizenId: string, unitIds: readonly string[], today: string) {
  return casesRepository.citizenServedAt(tx, citizenId, unitIds, today);
}

export const caseFlow = {
  loadCase,
  transition,
  journal,
  journaliseLetter,
  storeDeadlines,
  conflictOn,
  complaintGuidance,
  danishDate,
  setStatus: casesRepository.setStatus,
  deadlines: casesRepository.deadlines,
  markDeadlineMet: casesRepository.markDeadlineMet,
  decisions: casesRepository.decisions,
  insertDecision: casesRepository.insertDecision,
  complaints: casesRepository.complaints,
  documents: casesRepository.documents,
  documentContent: casesRepository.documentContent,
  letterhead: casesRepository.letterhead,
  messages: casesRepository.messages,
  insertMessage: casesRepository.insertMessage,
};
export type { CaseRow } from './cases.helpers.ts';
export { casesRoutes } from './cases.routes.ts';
export { casesService } from './cases.service.ts';
export { complaintsService } from './complaints.service.ts';
