/**
 * The citizen's access log shows visits, not rows: one staff member's (or the citizen's own) consecutive accesses with
 * no pause longer than a session's idle time make one line, saying what was done and what was read.
 * Source: databeskyttelsesforordningen art. 15 and art. 12, stk. 1 (the citizen's insight, "i en kortfattet,
 * gennemsigtig, letforståelig og lettilgængelig form"); the pause is the log-in session's idle timeout (30 minutes,
 * platform/auth sessions), so a visit is what one sitting with the case looks like.
 */
export const VISIT_GAP_MINUTES = 30;

/** The order actions are named in a visit's line: what changed the data first, then what only looked at it. */
export const VISIT_ACTION_ORDER = [
  'create',
  'update',
  'delete',
  'export',
  'read',
  'search',
  'access_denied',
  'login',
  'logout',
  'login_failed',
] as const;

export function orderVisitActions(actions: readonly string[]): string[] {
  const rank = (a: string) => {
    const i = (VISIT_ACTION_ORDER as readonly string[]).indexOf(a);
    return i < 0 ? VISIT_ACTION_ORDER.length : i;
  };
  return [...new Set(actions)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
