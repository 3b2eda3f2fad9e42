import type { Tx } from '../../platform/tx.ts';
import { organisationRepository } from './organisation.repository.ts';

/** The municipality's letterhead (name, address, phone, e-mail), read inside the caller's transaction. */
export function letterheadOf(tx: Tx, municipalityId: string) {
  return organisationRepository.letterhead(tx, municipalityId);
}
export { organisationRoutes } from './organisation.routes.ts';
export { organisationService } from './organisation.service.ts';
