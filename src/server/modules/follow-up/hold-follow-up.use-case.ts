import { dateProblems } from '../../../rules/records/date-constraints.ts';
import type { FollowUpInput } from '../../../shared/follow-up/follow-up.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflictOn, fieldError, refuseFields } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { journal, loadCase, setStatus, transition } from '../case-file/index.ts';
import { decideStop } from '../decisions/index.ts';
import { orderChanges } from '../orders/index.ts';
import { audit, loadOrderFor } from './follow-up.helpers.ts';
import { followUpRepository } from './follow-up.repository.ts';
import { orderState } from './order-view.ts';

const OUTCOME_DA = { continue: 'fortsætter', end_and_refer: 'afsluttes – ny indsats', end: 'afsluttes' } as const;

/**
 * The authority's follow-up (opfølgning): the goal history, the hours against the frame and the provider's notes on
 * the scheduled date, and an outcome per FFB "Status på indsats": continue, end and refer to a new service, or end.
 * Ending is a stop decision (the decisions module writes it and its letter); the order ends on the last day of
 * support (for SEL § 85 four weeks on), with its goals.
 */
export async function holdFollowUp(
  ctx: RequestContext,
  caseId: string,
  input: FollowUpInput,
): Promise<{ followUpId: string; documentId: string | null }> {
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, caseId);
    refuseFields(dateProblems('follow_up', input, { today: ctx.clock.today() }));
    const latest = input.orderId
      ? await followUpRepository.orderOfCase(tx, caseId, input.orderId)
      : await followUpRepository.latestOrderOfCase(tx, caseId);
    const o = latest ? await loadOrderFor(tx, ctx, latest.id) : undefined;
    // A declined order never started: there is no support to continue or end (the caseworker orders elsewhere).
    const state = o ? orderState(o, input.heldOn) : null;
    if (!o || state === 'ended' || state === 'declined' || o.ends_on !== null) {
      throw conflictOn('order', 'followUp.noOrder');
    }
    let decisionId: string | null = null;
    let documentId: string | null = null;
    if (input.outcome === 'continue') {
      // The status stays; the version moves, so two caseworkers holding the same follow-up cannot both save.
      await setStatus(tx, caseId, input.version, c.status);
      await orderChanges.scheduleFollowUp(tx, o.id, input.nextFollowUp as string);
    } else {
      // Ending one of several running orders (a day offer beside housing support) leaves the case as it is.
      const others = await followUpRepository.otherRunningOrders(tx, caseId, o.id);
      const next =
        input.outcome === 'end' && others.length
          ? c.status
          : transition(c, input.outcome === 'end' ? 'close' : 'reopen_for_new_decision');
      // Ending is a decision: the party hearing is a person's statement, never a default (the schema requires it).
      if (!input.partyHearing) throw fieldError('partyHearing', 'decision.partyHearing');
      const stop = await decideStop(tx, ctx, c, {
        legalBasis: o.legal_basis,
        offerName: o.offer_name,
        stoppedOn: input.heldOn,
        reasons: input.reasons,
        partyHearing: input.partyHearing,
        partyHearingNote: input.partyHearingNote,
        referred: input.outcome === 'end_and_refer',
      });
      decisionId = stop.decisionId;
      documentId = stop.documentId;
      await orderChanges.end(tx, o.id, stop.endsOn, input.outcome);
      await setStatus(tx, caseId, input.version, next);
    }
    const followUpId = await followUpRepository.insertFollowUp(tx, {
      municipality_id: ctx.actor.municipalityId,
      case_id: caseId,
      order_id: o.id,
      held_on: input.heldOn,
      outcome: input.outcome,
      note: input.note,
      next_follow_up: input.outcome === 'continue' ? input.nextFollowUp : null,
      decision_id: decisionId,
      held_by_name: ctx.actor.name,
    });
    await journal(tx, ctx, caseId, 'follow_up', `Opfølgning: indsatsen ${OUTCOME_DA[input.outcome]}`, input.note, documentId);
    await audit(tx, ctx, {
      action: 'create',
      citizenId: c.citizen_id,
      recordType: 'follow_up',
      recordId: followUpId,
      details: { outcome: input.outcome },
    });
    return { followUpId, documentId };
  });
}
