import { offerDeliversBasis } from '../../../rules/cases/decision-rules.ts';
import type { WaitingEntryInput } from '../../../shared/economy/economy.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, fieldError } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { capacityRepository } from './capacity.repository.ts';
import { ratesRepository } from './rates.repository.ts';
import { audit } from './waiting-list.helpers.ts';

/**
 * A granted citizen without a place enters the list with the decision date, the date of need and a priority. One
 * open entry per citizen and offer type (409 on a second).
 */
export async function enterWaiting(ctx: RequestContext, input: WaitingEntryInput): Promise<{ id: string }> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const citizen = await capacityRepository.citizen(tx, m, input.citizenId);
    if (!citizen) throw fieldError('citizenId', 'waiting.citizen');
    if (input.caseId) {
      const c = await capacityRepository.caseOfCitizen(tx, m, input.caseId);
      if (!c || c.citizen_id !== input.citizenId) throw fieldError('caseId', 'waiting.citizen');
    }
    if (input.offerId) {
      const offer = await ratesRepository.offer(tx, m, input.offerId);
      if (!offer) throw fieldError('offerId', 'offer.unknown');
      if (!offerDeliversBasis(offer.legal_bases, input.legalBasis)) throw fieldError('offerId', 'waiting.offerType');
    }
    if (input.decidedOn > ctx.clock.today()) throw fieldError('decidedOn', 'waiting.future');
    if (input.neededFrom < input.decidedOn) throw fieldError('neededFrom', 'waiting.neededBeforeDecision');
    let id: string;
    try {
      id = await capacityRepository.insertWaiting(tx, m, {
        citizen_id: input.citizenId,
        case_id: input.caseId,
        legal_basis: input.legalBasis,
        offer_id: input.offerId,
        decided_on: input.decidedOn,
        needed_from: input.neededFrom,
        priority: input.priority,
        note: input.note || null,
        created_by_name: ctx.actor.name,
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw conflict('already on the waiting list');
      throw error;
    }
    await capacityRepository.insertWaitingEvent(tx, m, {
      entry_id: id,
      kind: 'entered',
      occurred_on: ctx.clock.today(),
      offer_id: input.offerId,
      note: input.note || null,
      actor_name: ctx.actor.name,
    });
    await audit(tx, ctx, {
      action: 'create',
      citizenId: input.citizenId,
      recordId: id,
      details: { legalBasis: input.legalBasis },
    });
    return { id };
  });
}
