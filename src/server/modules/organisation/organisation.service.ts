import { buildUnitTree, type OrgUnitNode } from '../../../shared/organisation/organisation.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { organisationRepository } from './organisation.repository.ts';

export const organisationService = {
  /** The municipality's tree: centers (aftaleenheder) → departments and offers. No personal data, so no audit row. */
  async tree(ctx: RequestContext): Promise<OrgUnitNode[]> {
    return runUseCase(ctx, async (tx) => buildUnitTree(await organisationRepository.units(tx)));
  },
};
