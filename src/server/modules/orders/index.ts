import type { PlainDate } from '../../../shared/plain-date.ts';
import { conflict } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { ordersRepository } from './orders.repository.ts';

/**
 * Orders' public API. Placing an order is this module's use case; the follow-up changes an order only through
 * these functions, inside its own transaction.
 */
export { ordersRoutes } from './orders.routes.ts';

export const orderChanges = {
  /** The provider accepts: the actual start is set (409 if the order moved since `version`, or was accepted). */
  async accept(tx: Tx, orderId: string, version: number, on: string, start: string): Promise<void> {
    if (!(await ordersRepository.accept(tx, orderId, version, on, start))) throw conflict();
  },
  /**
   * The provider holds the order with a question, the caseworker's answer releases it, or the provider declines it
   * (order-actions.ts says which status allows which); 409 if the order moved since `version`.
   */
  async move(
    tx: Tx,
    orderId: string,
    version: number,
    from: string,
    to: 'on_hold' | 'ordered' | 'declined',
    decline: { on: string; reason: string } | null = null,
  ): Promise<void> {
    if (!(await ordersRepository.move(tx, orderId, version, from, to, decline))) throw conflict();
  },
  /** Ends the order on `endsOn` with its goals (a stop decision: `end` or `end_and_refer`). */
  end: ordersRepository.end,
  /** The date of the next follow-up. */
  scheduleFollowUp: ordersRepository.setFirstFollowUp,
  /** Takes the goal's version before an FKO status is saved: two people scoring at once → 409 for one of them. */
  async claimGoal(tx: Tx, goalId: string, version: number): Promise<void> {
    if (!(await ordersRepository.bumpGoal(tx, goalId, version))) throw conflict();
  },
};

/** A SMART goal as the case page and the provider's order show it. */
export function goalFacts(g: {
  position: number;
  text: string;
  indicator: string;
  target_date: string;
  condition_code: string;
  goal_type_code: string;
  baseline_support_need_code: string;
  target_support_need_code: string;
}) {
  return {
    position: g.position,
    text: g.text,
    indicator: g.indicator,
    targetDate: g.target_date as PlainDate,
    conditionCode: g.condition_code,
    goalTypeCode: g.goal_type_code,
    baselineSupportNeedCode: g.baseline_support_need_code,
    targetSupportNeedCode: g.target_support_need_code,
  };
}

export const orderReads = {
  /** The case's newest order with its goals (the case page). */
  orderOfCase: ordersRepository.orderOf,
  /** Provider scope: does the citizen have an order, not yet ended, at one of these offers? */
  citizenServedAt: ordersRepository.citizenServedAt,
};
export { type ImportedOrder, orderImport } from './order-import.repository.ts';
