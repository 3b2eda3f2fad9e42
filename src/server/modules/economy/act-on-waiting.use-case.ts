import { offerDeliversBasis } from '../../../rules/cases/decision-rules.ts';
import { nextWaitingStatus } from '../../../rules/economy/waiting-list.ts';
import type { WaitingAction } from '../../../shared/economy/economy.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, fieldError, invalidTransition, notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { capacityRepository } from './capacity.repository.ts';
import { ratesRepository } from './rates.repository.ts';
import { audit } from './waiting-list.helpers.ts';

/**
 * A step on an entry, by the typed table (rules/economy/waiting-list.ts): offer a place, accept, decline, withdraw,
 * reprioritise. A step the status does not allow is 409 (invalid_transition); a stale version is 409 (conflict).
 */
export async function actOnWaiting(ctx: RequestContext, id: string, a: WaitingAction): Promise<{ version: number }> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const e = await capacityRepository.waitingById(tx, m, id);
    if (!e) throw notFound();
    const next = nextWaitingStatus(e.status, a.action);
    if (next === null) throw invalidTransition();
    if (a.on > ctx.clock.today()) throw fieldError('on', 'waiting.future');
    let set: Parameters<typeof capacityRepository.updateWaiting>[4];
    let offerId: string | null = null;
    switch (a.action) {
      case 'offer': {
        const offer = await ratesRepository.offer(tx, m, a.offerId);
        if (!offer) throw fieldError('offerId', 'offer.unknown');
        if (!offerDeliversBasis(offer.legal_bases, e.legal_basis)) throw fieldError('offerId', 'waiting.offerType');
        if (a.answerBy !== null && a.answerBy < a.on) throw fieldError('answerBy', 'dates.order');
        offerId = a.offerId;
        set = { status: next, offered_offer_id: a.offerId, offered_on: a.on, answer_by: a.answerBy };
        break;
      }
      case 'accept':
        if (a.startOn < a.on) throw fieldError('startOn', 'dates.order');
        offerId = e.offered_offer_id;
        set = { status: next, start_on: a.startOn, closed_on: a.on };
        break;
      case 'decline':
        offerId = e.offered_offer_id;
        set = { status: next, offered_offer_id: null, offered_on: null, answer_by: null, declines: e.declines + 1 };
        break;
      case 'withdraw':
        set = { status: next, closed_on: a.on };
        break;
      case 'reprioritise':
        set = { status: next, priority: a.priority };
        break;
    }
    if (!(await capacityRepository.updateWaiting(tx, m, id, a.version, set))) throw conflict();
    const kind = (
      {
        offer: 'offered',
        accept: 'accepted',
        decline: 'declined',
        withdraw: 'withdrawn',
        reprioritise: 'reprioritised',
      } as const
    )[a.action];
    await capacityRepository.insertWaitingEvent(tx, m, {
      entry_id: id,
      kind,
      occurred_on: a.on,
      offer_id: offerId,
      note: a.note || null,
      actor_name: ctx.actor.name,
    });
    await audit(tx, ctx, { action: 'update', citizenId: e.citizen_id, recordId: id, details: { action: a.action } });
    return { version: e.version + 1 };
  });
}
