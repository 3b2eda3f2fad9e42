/**
 * An order (bestilling) between the authority and the provider as a state machine: which action each status allows,
 * whose action it is, and where it leads. Any pair not in the table is refused with 409. The authority orders and
 * the provider delivers (the purchaser–provider split, seed 003 "Myndighed … Udfører"); before it accepts, the
 * provider may decline the order with a reason or hold it with a question until the caseworker answers. A stop
 * decision or a replacing order ends an accepted order (the decisions and orders modules, not an action here).
 */
export const ORDER_STATUSES = ['ordered', 'on_hold', 'declined', 'accepted', 'ended'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_ACTIONS = ['accept', 'decline', 'ask', 'answer'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/** Who may take an action: the provider's staff at the ordered offer, or the authority (the case's caseworker). */
export type OrderParty = 'provider' | 'authority';

export type OrderTransition = { next: OrderStatus; by: OrderParty; source: string };

const START =
  'Ringkøbing-Skjern Kommunes serviceniveau: støtten sættes i gang inden for 4 uger efter afgørelsen (startfristen løber, mens bestillingen afventer)';

export const ORDER_TRANSITIONS: Record<OrderStatus, Partial<Record<OrderAction, OrderTransition>>> = {
  ordered: {
    accept: {
      next: 'accepted',
      by: 'provider',
      source: 'Seed 003: udføreren leverer den bestilte indsats fra den faktiske start',
    },
    decline: {
      next: 'declined',
      by: 'provider',
      source: `Udføreren kan ikke levere (fx ingen plads); kommunen bestiller et andet sted. ${START}`,
    },
    ask: {
      next: 'on_hold',
      by: 'provider',
      source: `Udføreren spørger til bestillingen og afventer svar, før den accepterer. ${START}`,
    },
  },
  on_hold: {
    answer: { next: 'ordered', by: 'authority', source: 'Sagsbehandleren svarer; bestillingen kan så accepteres eller afvises' },
    decline: {
      next: 'declined',
      by: 'provider',
      source: `Udføreren kan afvise, også mens spørgsmålet venter på svar. ${START}`,
    },
  },
  declined: {},
  accepted: {},
  ended: {},
};

/** The transition for `action` in `status` by `party`, or null when the table does not allow it. */
export function orderTransition(status: string, action: OrderAction, party: OrderParty): OrderTransition | null {
  const t = (ORDER_TRANSITIONS as Record<string, Partial<Record<OrderAction, OrderTransition>> | undefined>)[status]?.[action];
  return t && t.by === party ? t : null;
}

/** The actions `party` may take on an order in `status` (the UI shows exactly these). */
export function allowedOrderActions(status: string, party: OrderParty): OrderAction[] {
  return ORDER_ACTIONS.filter((a) => orderTransition(status, a, party) !== null);
}
