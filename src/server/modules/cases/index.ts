import type { Tx } from '../../platform/tx.ts';
import { casesRepository } from './cases.repository.ts';

/** For other modules: a citizen's cases, read inside the caller's transaction (which writes the audit row). */
export function casesOfCitizen(tx: Tx, citizenId: string) {
  return casesRepository.forCitizen(tx, citizenId);
}
export { casesRoutes } from './cases.routes.ts';
export { casesService } from './cases.service.ts';
