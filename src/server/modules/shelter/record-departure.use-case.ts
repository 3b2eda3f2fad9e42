import type { DepartureInput } from '../../../shared/agreements/agreements.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, conflictOn, fieldError, notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditStay } from './shelter.helpers.ts';
import { shelterRepository as repo } from './shelter.repository.ts';

/** The citizen left the shelter: the day and what the stay ended with (a housing solution or not). 409 if stale. */
export async function recordDeparture(ctx: RequestContext, id: string, input: DepartureInput): Promise<{ version: number }> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const stay = await repo.stay(tx, m, id);
    if (!stay) throw notFound();
    if (stay.left_on) throw conflictOn('leftOn', 'stay.left');
    if (input.leftOn < String(stay.arrived_on).slice(0, 10)) throw fieldError('leftOn', 'stay.beforeArrival');
    if (input.leftOn > ctx.clock.today()) throw fieldError('leftOn', 'agreement.future');
    if (!(await repo.depart(tx, m, id, input.version, input.leftOn, input.outcome))) throw conflict();
    await auditStay(tx, ctx, { action: 'update', recordId: id, citizenId: stay.citizen_id, details: { outcome: input.outcome } });
    return { version: input.version + 1 };
  });
}
