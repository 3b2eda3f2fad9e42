import type { IssueLike, ValidationKey } from '../../../shared/i18n/validation-messages.ts';

/**
 * What a unique violation on each table means to the user, when two writers race past the use case's own check
 * (both saw no open complaint, both saw no draft). Keyed by table, not constraint name, so renaming or widening a
 * constraint (e.g. with municipality_id) keeps the message. A table not listed answers the plain 409 `conflict`.
 */
export const UNIQUE_CONFLICTS: Readonly<Record<string, { path: string; key: ValidationKey }>> = {
  citizen: { path: 'cpr', key: 'cpr.taken' },
  service_description: { path: 'key', key: 'catalogue.key.taken' },
  service_description_version: { path: 'draft', key: 'catalogue.draft.exists' },
  complaint: { path: 'complaint', key: 'complaint.open' },
  fko_status: { path: 'goalId', key: 'fko.finalGiven' },
  outreach_contact: { path: 'kind', key: 'outreach.course.started' },
};

/** The 409's field issues for a unique violation on `table` (none when the table has no specific message). */
export function uniqueConflictIssues(table: string | undefined): IssueLike[] {
  const known = table ? UNIQUE_CONFLICTS[table] : undefined;
  return known ? [{ code: 'custom', message: known.key, path: known.path.split('.') }] : [];
}
