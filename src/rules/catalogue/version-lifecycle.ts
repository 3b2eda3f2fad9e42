import type { PlainDate } from '../../shared/plain-date.ts';

/**
 * A service description or quality standard is policy with versions (issue 3): a draft is edited, then approved
 * by someone on a date with the date it comes into force; a later approved version supersedes it from that
 * later version's in-force date. Only draft and approved are stored; scheduled, in force and superseded follow
 * from the dates, so a status can never disagree with them.
 */
export type StoredVersionStatus = 'draft' | 'approved';
export type VersionPhase = 'draft' | 'scheduled' | 'in_force' | 'superseded';

export type VersionDates = {
  number: number;
  status: StoredVersionStatus;
  inForceFrom: PlainDate | null;
};

/** What may be done with a version in each phase; anything else is refused with 409. */
export const VERSION_ACTIONS: Record<VersionPhase, readonly ('edit' | 'approve' | 'discard' | 'new_draft')[]> = {
  draft: ['edit', 'approve', 'discard'],
  scheduled: ['new_draft'],
  in_force: ['new_draft'],
  superseded: [],
};

function approvedByInForceDate<T extends VersionDates>(versions: readonly T[]): T[] {
  return versions
    .filter((v): v is T & { inForceFrom: PlainDate } => v.status === 'approved' && v.inForceFrom !== null)
    .sort((a, b) => (a.inForceFrom === b.inForceFrom ? a.number - b.number : a.inForceFrom < b.inForceFrom ? -1 : 1));
}

/** The version in force on `date`: the approved version with the latest in-force date on or before it. */
export function versionInForce<T extends VersionDates>(versions: readonly T[], date: PlainDate): T | undefined {
  return approvedByInForceDate(versions)
    .filter((v) => (v.inForceFrom as PlainDate) <= date)
    .at(-1);
}

export function phaseOn(version: VersionDates, all: readonly VersionDates[], date: PlainDate): VersionPhase {
  if (version.status === 'draft' || version.inForceFrom === null) return 'draft';
  if (version.inForceFrom > date) return 'scheduled';
  return versionInForce(all, date)?.number === version.number ? 'in_force' : 'superseded';
}

export type ApprovalProblem = 'not_a_draft' | 'before_predecessor' | 'same_day_as_predecessor';

/**
 * A version may not come into force before (or on the same day as) the latest approved version: the history
 * would otherwise be rewritten under decisions already made against it.
 */
export function checkApproval(draft: VersionDates, all: readonly VersionDates[], inForceFrom: PlainDate): ApprovalProblem | null {
  if (draft.status !== 'draft') return 'not_a_draft';
  const latest = approvedByInForceDate(all).at(-1);
  if (!latest) return null;
  if (inForceFrom < (latest.inForceFrom as PlainDate)) return 'before_predecessor';
  if (inForceFrom === latest.inForceFrom) return 'same_day_as_predecessor';
  return null;
}

/**
 * Four eyes: a service level or quality standard is approved by someone other than the person who prepared the
 * draft (who last saved it, or created it). Both are named on the version. An approval by the preparer, or of a
 * draft with no known preparer, is refused. (Internal control: no single person both writes and approves the
 * municipality's policy — the same principle as kasse- og regnskabsregulativets funktionsadskillelse.)
 */
export type FourEyesProblem = 'same_person' | 'no_preparer';

export function fourEyesProblem(preparedBy: string | null, approver: string): FourEyesProblem | null {
  if (preparedBy === null) return 'no_preparer';
  return preparedBy === approver ? 'same_person' : null;
}

export type FieldChange = { path: string; before: unknown; after: unknown };

/** The fields that differ between two versions' content, by dotted path (arrays compared by index). */
export function diffContent(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (Object.is(before, after)) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (isObj(before) && isObj(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    if (!Array.isArray(before)) keys.sort();
    return keys.flatMap((k) => diffContent(before[k], after[k], path ? `${path}.${k}` : k));
  }
  return [{ path, before, after }];
}
