import { offerDeliversBasis } from '../../../rules/cases/decision-rules.ts';
import { serviceIssues } from '../../../rules/ffb-reporting/ffb-capture-rules.ts';
import { dateProblems } from '../../../rules/records/date-constraints.ts';
import { fkoTargetProblems } from '../../../rules/records/fko-target.ts';
import type { Order } from '../../../shared/cases/order.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { AppError, fieldError, invalidTransition, refuseFields } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase, journal, loadCase, setStatus, transition } from '../case-file/index.ts';
import { ffbCodeIndex } from '../catalogue/index.ts';
import { decisionReads } from '../decisions/index.ts';
import { taskWrites } from '../tasks/index.ts';
import { ordersRepository } from './orders.repository.ts';

/**
 * The order (bestilling) to a provider's offer: only on a granting decision, with at most three SMART goals, each
 * with one primary FFB condition, a goal type and the FKO baseline and target, and the § 141 plan if wanted.
 */
export async function placeOrder(ctx: RequestContext, id: string, input: Order): Promise<{ orderId: string; version: number }> {
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, id);
    const next = transition(c, 'order');
    const decision = await decisionReads.latest(tx, id);
    if (!decision) throw invalidTransition('an order needs a granting decision');
    if (decision.outcome === 'refused')
      throw new AppError('invalid_transition', [{ code: 'custom', message: 'order.decision.refused', path: ['decision'] }]);
    const offer = await ordersRepository.ownOffer(tx, ctx.actor.municipalityId, input.offerId);
    if (!offer) throw fieldError('offerId', 'order.offer.unknown');
    // The offer must deliver support under the paragraph the decision grants (an order is not a new decision).
    if (!offerDeliversBasis(offer.legal_bases, decision.legal_basis)) throw fieldError('offerId', 'order.offer.legalBasis');
    // Not before the decision, not in the future; follow-up and goal dates still to come; each FKO target fits its
    // goal type. Every problem at its field, nothing saved.
    refuseFields([
      ...dateProblems('order', input, { today: ctx.clock.today(), 'decision.decidedOn': decision.decided_on as PlainDate }),
      ...fkoTargetProblems(input.goals),
    ]);
    const badService = serviceIssues(input.services, (await ffbCodeIndex(tx)).codes)[0];
    if (badService) throw fieldError(badService.path, badService.key);
    const orderId = await ordersRepository.insertOrder(
      tx,
      {
        municipality_id: ctx.actor.municipalityId,
        case_id: id,
        decision_id: decision.id,
        offer_id: offer.id,
        ordered_on: input.orderedOn,
        first_follow_up: input.firstFollowUp,
        action_plan: input.actionPlan,
      },
      input.goals.map((g, i) => ({
        position: i + 1,
        text: g.text,
        indicator: g.indicator,
        target_date: g.targetDate,
        condition_code: g.conditionCode,
        goal_type_code: g.goalTypeCode,
        baseline_support_need_code: g.baselineSupportNeedCode,
        target_support_need_code: g.targetSupportNeedCode,
      })),
      input.services.map((code) => ({ ffb_code: code, starts_on: decision.start_date ?? input.orderedOn })),
    );
    await ordersRepository.endEarlierOrders(
      tx,
      id,
      orderId,
      input.orderedOn,
      decision.alongside ? decision.legal_basis : undefined,
    );
    await setStatus(tx, id, input.version, next);
    await journal(
      tx,
      ctx,
      id,
      'order',
      `Bestilt hos ${offer.name}`,
      input.goals.map((g, i) => `Mål ${i + 1}: ${g.text}`).join('\n'),
    );
    // The provider's inbox gets the new order; a decline that made this order necessary is dealt with.
    if (offer.org_unit_id) {
      await taskWrites.record(tx, ctx, {
        kind: 'order_received',
        caseId: id,
        orderId,
        providerUnitId: offer.org_unit_id,
        record: { type: 'order', id: orderId },
        summary: input.goals.map((g, i) => `Mål ${i + 1}: ${g.text}`).join(' · '),
      });
    }
    await taskWrites.complete(tx, ctx, { caseId: id, kinds: ['order_declined'] }, 'followed_up');
    await auditCase(tx, ctx, { action: 'create', citizenId: c.citizen_id, recordType: 'order', recordId: orderId });
    return { orderId, version: input.version + 1 };
  });
}
