/**
 * A case (sag) as a state machine: which action each status allows and where it leads (issue 4). Any pair not in
 * the table is refused with 409. The flow follows seed 001 ("Sagsbehandlingstider", "Klage") and seed 003
 * ("Myndighed"): request → receipt → assessment → decision → order. A complaint runs on its own track
 * (rules/complaints); it needs a decision, and it leaves the case's status alone unless a new decision is needed.
 */
export const CASE_STATUSES = [
  'request_received',
  'receipt_sent',
  'assessment',
  'awaiting_approval',
  'decided',
  'refused',
  'ordered',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  'send_receipt',
  'start_assessment',
  'decide_grant',
  'decide_refuse',
  'request_approval',
  'approve_decision',
  'send_back_decision',
  'order',
  'order_declined',
  'register_complaint',
  'reopen_for_new_decision',
  'send_deadline_notice',
  'add_note',
  'close',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * status → action → next status. `add_note` keeps the status (notatpligt applies at every step);
 * `register_complaint` keeps it too (only a decided case can be complained about); `reopen_for_new_decision` follows
 * an upheld complaint or a changed/remitted appeal; `send_deadline_notice` (retssikkerhedsloven § 3, stk. 2) is
 * possible while a deadline of the municipality's own can still be missed.
 * `request_approval` holds a grant a rule of src/rules/cases/decision-approval.ts catches (hours above the highest
 * citizen profile): no decision and no letter yet, until the team leader approves it (then it is made: `decided`) or
 * sends it back with a reason (`assessment` again). The decision deadline keeps running meanwhile.
 * `order_declined`: the provider declined
 * the order (rules/follow-up/order-actions.ts), so the granted case waits for an order elsewhere again.
 */
export const CASE_TRANSITIONS: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>> = {
  request_received: {
    send_receipt: 'receipt_sent',
    send_deadline_notice: 'request_received',
    add_note: 'request_received',
    close: 'closed',
  },
  receipt_sent: {
    start_assessment: 'assessment',
    send_deadline_notice: 'receipt_sent',
    add_note: 'receipt_sent',
    close: 'closed',
  },
  assessment: {
    decide_grant: 'decided',
    decide_refuse: 'refused',
    request_approval: 'awaiting_approval',
    send_deadline_notice: 'assessment',
    add_note: 'assessment',
    close: 'closed',
  },
  awaiting_approval: {
    approve_decision: 'decided',
    send_back_decision: 'assessment',
    send_deadline_notice: 'awaiting_approval',
    add_note: 'awaiting_approval',
  },
  decided: {
    order: 'ordered',
    register_complaint: 'decided',
    reopen_for_new_decision: 'assessment',
    send_deadline_notice: 'decided',
    add_note: 'decided',
  },
  refused: {
    register_complaint: 'refused',
    reopen_for_new_decision: 'assessment',
    add_note: 'refused',
    close: 'closed',
  },
  ordered: {
    order_declined: 'decided',
    register_complaint: 'ordered',
    reopen_for_new_decision: 'assessment',
    add_note: 'ordered',
    close: 'closed',
  },
  closed: { register_complaint: 'closed', reopen_for_new_decision: 'assessment', add_note: 'closed' },
};

export function nextStatus(status: CaseStatus, action: CaseAction): CaseStatus | null {
  return CASE_TRANSITIONS[status][action] ?? null;
}

export function allowedActions(status: CaseStatus): CaseAction[] {
  return Object.keys(CASE_TRANSITIONS[status]) as CaseAction[];
}
