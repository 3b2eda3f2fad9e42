import { randomUUID } from 'node:crypto';
import { bulkInsert } from '../../platform/db/bulk-insert.ts';
import type { Tx } from '../../platform/tx.ts';

/** The order of an imported case: the offer, its goals for the provider (SMART, FKO) and the FFB services. */
export type ImportedOrder = {
  caseId: string;
  decisionId: string;
  offerId: string;
  orderedOn: string;
  firstFollowUp: string;
  startsOn: string;
  services: string[];
  goals: {
    text: string;
    indicator: string;
    targetDate: string;
    conditionCode: string;
    goalTypeCode: string;
    baselineSupportNeedCode: string;
    targetSupportNeedCode: string;
  }[];
};

export const orderImport = {
  /** Set-based, in the caller's transaction. */
  async insert(tx: Tx, municipalityId: string, orders: readonly ImportedOrder[]): Promise<void> {
    const part = orders.map((o) => ({ ...o, id: randomUUID() }));
    await bulkInsert(
      tx,
      'case_order',
      {
        id: 'uuid',
        municipality_id: 'uuid',
        case_id: 'uuid',
        decision_id: 'uuid',
        offer_id: 'uuid',
        ordered_on: 'date',
        first_follow_up: 'date',
      },
      part.map((o) => ({
        id: o.id,
        municipality_id: municipalityId,
        case_id: o.caseId,
        decision_id: o.decisionId,
        offer_id: o.offerId,
        ordered_on: o.orderedOn,
        first_follow_up: o.firstFollowUp,
      })),
      { referenced: true },
    );
    await bulkInsert(
      tx,
      'order_goal',
      {
        municipality_id: 'uuid',
        order_id: 'uuid',
        position: 'integer',
        text: 'text',
        indicator: 'text',
        target_date: 'date',
        condition_code: 'text',
        goal_type_code: 'text',
        baseline_support_need_code: 'text',
        target_support_need_code: 'text',
      },
      part.flatMap((o) =>
        o.goals.map((g, n) => ({
          municipality_id: municipalityId,
          order_id: o.id,
          position: n + 1,
          text: g.text,
          indicator: g.indicator,
          target_date: g.targetDate,
          condition_code: g.conditionCode,
          goal_type_code: g.goalTypeCode,
          baseline_support_need_code: g.baselineSupportNeedCode,
          target_support_need_code: g.targetSupportNeedCode,
        })),
      ),
    );
    await bulkInsert(
      tx,
      'order_service',
      { municipality_id: 'uuid', order_id: 'uuid', ffb_code: 'text', starts_on: 'date' },
      part.flatMap((o) =>
        o.services.map((code) => ({ municipality_id: municipalityId, order_id: o.id, ffb_code: code, starts_on: o.startsOn })),
      ),
    );
  },
};
