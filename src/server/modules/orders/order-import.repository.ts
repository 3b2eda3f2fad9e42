import { randomUUID } from 'node:crypto';
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
  async insert(tx: Tx, municipalityId: string, orders: readonly ImportedOrder[]): Promise<void> {
    for (let i = 0; i < orders.length; i += 1000) {
      const part = orders.slice(i, i + 1000).map((o) => ({ ...o, id: randomUUID() }));
      await tx
        .insertInto('case_order')
        .values(
          part.map((o) => ({
            id: o.id,
            municipality_id: municipalityId,
            case_id: o.caseId,
            decision_id: o.decisionId,
            offer_id: o.offerId,
            ordered_on: o.orderedOn,
            first_follow_up: o.firstFollowUp,
            action_plan: null,
          })),
        )
        .execute();
      const goals = part.flatMap((o) =>
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
      );
      if (goals.length) await tx.insertInto('order_goal').values(goals).execute();
      const services = part.flatMap((o) =>
        o.services.map((code) => ({ municipality_id: municipalityId, order_id: o.id, ffb_code: code, starts_on: o.startsOn })),
      );
      if (services.length) await tx.insertInto('order_service').values(services).execute();
    }
  },
};
