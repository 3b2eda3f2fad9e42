import { describe, expect, it } from 'vitest';
import { allowedOrderActions, ORDER_ACTIONS, ORDER_STATUSES, ORDER_TRANSITIONS, orderTransition } from './order-actions.ts';

describe('the order as a state machine', () => {
  it.each([
    ['ordered', 'accept', 'provider', 'accepted'],
    ['ordered', 'decline', 'provider', 'declined'],
    ['ordered', 'ask', 'provider', 'on_hold'],
    ['on_hold', 'answer', 'authority', 'ordered'],
    ['on_hold', 'decline', 'provider', 'declined'],
  ] as const)('%s: %s by the %s → %s', (status, action, party, next) => {
    expect(orderTransition(status, action, party)?.next).toBe(next);
    expect(orderTransition(status, action, party === 'provider' ? 'authority' : 'provider')).toBeNull();
  });

  const allowed = new Set(['ordered:accept', 'ordered:decline', 'ordered:ask', 'on_hold:answer', 'on_hold:decline']);
  const pairs = ORDER_STATUSES.flatMap((s) => ORDER_ACTIONS.map((a) => [s, a] as const)).filter(
    ([s, a]) => !allowed.has(`${s}:${a}`),
  );
  it.each(pairs)('%s refuses %s', (status, action) => {
    expect(orderTransition(status, action, 'provider')).toBeNull();
    expect(orderTransition(status, action, 'authority')).toBeNull();
  });

  it.each([
    ['ordered', 'provider', ['accept', 'decline', 'ask']],
    ['on_hold', 'provider', ['decline']],
    ['on_hold', 'authority', ['answer']],
    ['ordered', 'authority', []],
    ['declined', 'provider', []],
    ['accepted', 'provider', []],
    ['unknown', 'provider', []],
  ] as const)('%s allows the %s %j', (status, party, actions) => {
    expect(allowedOrderActions(status, party)).toEqual(actions);
  });

  it.each(ORDER_STATUSES.flatMap((s) => Object.values(ORDER_TRANSITIONS[s])))('$next by $by cites where it comes from', (t) => {
    expect(t.source.length).toBeGreaterThan(20);
  });
});
