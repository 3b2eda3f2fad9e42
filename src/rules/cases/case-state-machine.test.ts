import { describe, expect, it } from 'vitest';
import { allowedActions, CASE_ACTIONS, CASE_STATUSES, CASE_TRANSITIONS, nextStatus } from './case-state-machine.ts';

describe('case state machine', () => {
  const pairs = CASE_STATUSES.flatMap((status) => CASE_ACTIONS.map((action) => [status, action] as const));

  it.each(pairs)('%s × %s follows the table, and is refused when absent', (status, action) => {
    const expected = CASE_TRANSITIONS[status][action] ?? null;
    expect(nextStatus(status, action)).toBe(expected);
    expect(allowedActions(status).includes(action)).toBe(expected !== null);
  });

  it.each([
    ['request_received', 'send_receipt', 'receipt_sent'],
    ['assessment', 'decide_refuse', 'refused'],
    ['refused', 'register_complaint', 'refused'],
    ['ordered', 'register_complaint', 'ordered'],
    ['refused', 'reopen_for_new_decision', 'assessment'],
    ['ordered', 'reopen_for_new_decision', 'assessment'],
    ['decided', 'order', 'ordered'],
    ['assessment', 'request_approval', 'awaiting_approval'],
    ['awaiting_approval', 'approve_decision', 'decided'],
    ['awaiting_approval', 'send_back_decision', 'assessment'],
    ['ordered', 'order_declined', 'decided'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it('never decides before an assessment, and never orders without a granting decision', () => {
    for (const status of CASE_STATUSES) {
      if (status !== 'assessment') expect(nextStatus(status, 'decide_grant')).toBeNull();
      if (status !== 'decided') expect(nextStatus(status, 'order')).toBeNull();
    }
  });

  it('makes no decision, order or complaint while a decision awaits approval, and never closes it unanswered', () => {
    for (const action of ['decide_grant', 'decide_refuse', 'order', 'register_complaint', 'close'] as const) {
      expect(nextStatus('awaiting_approval', action)).toBeNull();
    }
    for (const status of CASE_STATUSES) {
      if (status !== 'awaiting_approval') {
        expect(nextStatus(status, 'approve_decision')).toBeNull();
        expect(nextStatus(status, 'send_back_decision')).toBeNull();
      }
    }
  });

  it('takes no complaint before a decision exists', () => {
    for (const status of ['request_received', 'receipt_sent', 'assessment', 'awaiting_approval'] as const) {
      expect(nextStatus(status, 'register_complaint')).toBeNull();
    }
  });

  it('allows a journal note in every status', () => {
    for (const status of CASE_STATUSES) expect(nextStatus(status, 'add_note')).toBe(status);
  });

  it('reaches every status from a request', () => {
    const seen = new Set<string>(['request_received']);
    let frontier = ['request_received'] as (typeof CASE_STATUSES)[number][];
    while (frontier.length) {
      frontier = frontier.flatMap((s) => Object.values(CASE_TRANSITIONS[s]).filter((n) => !seen.has(n) && seen.add(n)));
    }
    expect([...seen].sort()).toEqual([...CASE_STATUSES].sort());
  });
});
