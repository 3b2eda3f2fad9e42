import type { StayInput } from '../../../shared/agreements/agreements.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflictOn, fieldError } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditStay } from './shelter.helpers.ts';
import { shelterRepository as repo } from './shelter.repository.ts';

/**
 * A citizen's arrival at a shelter (SEL § 110: the citizen turns up without a decision, the shelter tells the
 * municipality). One of our § 110 offers, or another municipality's shelter by name (seed 003, note 9). Not in the
 * future, and not while the citizen has another stay then (409).
 */
export async function registerStay(ctx: RequestContext, input: StayInput): Promise<{ id: string }> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    if (!(await repo.citizen(tx, m, input.citizenId))) throw fieldError('citizenId', 'citizen.unknown');
    let shelterName = input.shelterName;
    if (input.offerId) {
      const offer = await repo.offer(tx, m, input.offerId);
      if (!offer || !offer.legal_bases.includes('SEL § 110')) throw fieldError('offerId', 'offer.unknown');
      shelterName = offer.name;
    }
    if (input.arrivedOn > ctx.clock.today()) throw fieldError('arrivedOn', 'agreement.future');
    if ((await repo.overlapping(tx, m, input.citizenId, input.arrivedOn, null)).length > 0)
      throw conflictOn('arrivedOn', 'stay.overlap');
    const id = await repo.insert(tx, m, {
      citizen_id: input.citizenId,
      offer_id: input.offerId,
      shelter_name: shelterName,
      arrived_on: input.arrivedOn,
      left_on: null,
      outcome: null,
      registered_by_name: ctx.actor.name,
    });
    await auditStay(tx, ctx, { action: 'create', recordId: id, citizenId: input.citizenId, details: { shelter: shelterName } });
    return { id };
  });
}
