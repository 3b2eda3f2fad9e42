/**
 * A case (sag) as a state machine: which action each status allows and where it leads (issue 4). Any pair not in
 * the table is refused with 409. The flow follows seed 001 ("Sagsbehandlingstider", "Klage") and seed 003
 * ("Myndighed"): request → receipt → assessment → decision → order, and the complaint's own track.
 */
export const CASE_STATUSES = [
  'request_received',
  'receipt_sent',
  'assessment',
  'decided',
  'refused',
  'ordered',
  'reconsideration',
  'forwarded',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  'send_receipt',
  'start_assessment',
  'decide_grant',
  'decide_refuse',
  'order',
  'register_complaint',
  'uphold_complaint',
  'maintain_decision',
  'record_appeal_result',
  'add_note',
  'close',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** status → action → next status. `add_note` keeps the status (notatpligt applies at every step). */
export const CASE_TRANSITIONS: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>> = {
  request_received: { send_receipt: 'receipt_sent', add_note: 'request_received', close: 'closed' },
  receipt_sent: { start_assessment: 'assessment', add_note: 'receipt_sent', close: 'closed' },
  assessment: { decide_grant: 'decided', decide_refuse: 'refused', add_note: 'assessment', close: 'closed' },
  decided: { order: 'ordered', register_complaint: 'reconsideration', add_note: 'decided' },
  refused: { register_complaint: 'reconsideration', add_note: 'refused', close: 'closed' },
  ordered: { register_complaint: 'reconsideration', add_note: 'ordered', close: 'closed' },
  // Reconsideration (genvurdering): upheld → a new decision is made; maintained → forwarded to Ankestyrelsen.
  reconsideration: { uphold_complaint: 'assessment', maintain_decision: 'forwarded', add_note: 'reconsideration' },
  forwarded: { record_appeal_result: 'closed', add_note: 'forwarded' },
  closed: { add_note: 'closed' },
};

export function nextStatus(status: CaseStatus, action: CaseAction): CaseStatus | null {
  return CASE_TRANSITIONS[status][action] ?? null;
}

export function allowedActions(status: CaseStatus): CaseAction[] {
  return Object.keys(CASE_TRANSITIONS[status]) as CaseAction[];
}
