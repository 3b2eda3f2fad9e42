/**
 * Decisions a team leader approves before they are made (issue 12, "Deadlines as the law counts them"). Each row is
 * a rule: when it applies, who approves, what the caseworker must write, and where it comes from. A decision a row
 * catches is not refused and not sent: it waits, with its justification, in the state `awaiting_approval` (the case
 * state machine), until the approver approves it (then it is made and its letter sent) or sends it back with a reason.
 */
export const APPROVAL_RULE_CODES = ['hours_above_last_band'] as const;
export type ApprovalRuleCode = (typeof APPROVAL_RULE_CODES)[number];

export type ApprovalRule = {
  code: ApprovalRuleCode;
  /** The outcomes the rule looks at (a refusal gives no hours to approve). */
  outcomes: readonly ('granted' | 'partly_granted' | 'refused')[];
  /**
   * Weekly hours above which the rule applies when the service level has no profile bands of its own; with bands,
   * the upper bound of the highest band is the threshold (the municipality's own data, edited in the catalogue).
   */
  defaultThresholdHours: number;
  approver: 'team_leader';
  /** The caseworker's written, concrete and individual justification goes with the decision to the approver. */
  justificationField: 'hoursJustification';
  source: string;
};

export const APPROVAL_RULES: readonly ApprovalRule[] = [
  {
    code: 'hours_above_last_band',
    outcomes: ['granted', 'partly_granted'],
    defaultThresholdHours: 95,
    approver: 'team_leader',
    justificationField: 'hoursJustification',
    source:
      'Ringkøbing-Skjern, serviceniveau for SEL § 85 (shared/seeds/001): borgerprofil 7.4 går op til 95 timer om ugen, ' +
      'og profil 7 er 1:1-støtte i alle vågne timer, som kan ligge over. Serviceloven § 85 og retssikkerhedsloven § 5 ' +
      'kræver en konkret, individuel vurdering: over den højeste profil afgøres sagen med skriftlig begrundelse og ' +
      'teamlederens godkendelse, ikke med afslag.',
  },
];

export type ApprovalNeed = { rule: ApprovalRuleCode; thresholdHours: number; approver: ApprovalRule['approver'] };

/** The highest band's upper bound, or the rule's default when the service level has no bands. */
export function approvalThreshold(rule: ApprovalRule, bands: readonly { upTo: number }[]): number {
  return bands.length ? Math.max(...bands.map((b) => b.upTo)) : rule.defaultThresholdHours;
}

/** The first rule that holds a decision for approval, or null: such a decision is made only once approved. */
export function approvalNeeded(
  d: { outcome: string; weeklyHours: number | null },
  bands: readonly { upTo: number }[],
): ApprovalNeed | null {
  for (const rule of APPROVAL_RULES) {
    if (!rule.outcomes.some((o) => o === d.outcome) || d.weeklyHours === null) continue;
    const thresholdHours = approvalThreshold(rule, bands);
    if (d.weeklyHours > thresholdHours) return { rule: rule.code, thresholdHours, approver: rule.approver };
  }
  return null;
}
