import type { AgreementSummary } from '../../../shared/agreements/agreements.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { toAgreementSummary } from './agreements.helpers.ts';
import { agreementsRepository as repo } from './agreements.repository.ts';

/** The municipality's agreements with its centers, newest period first per center. */
export async function listAgreements(ctx: RequestContext): Promise<AgreementSummary[]> {
  return runUseCase(ctx, async (tx) =>
    (await repo.list(tx, ctx.actor.municipalityId)).map((a) => toAgreementSummary(a, Number(a.goal_count ?? 0))),
  );
}
