import type { Bundle, Resource } from '@medplum/fhirtypes';
import { profileUrl, REPORTING_PROFILES } from '../../../rules/ffb-reporting/ffb-profiles.ts';
import { checkFfbRules, type FfbViolation, refOf } from '../../../rules/ffb-reporting/ffb-rules.ts';
import type { CodeIndex } from '../../../rules/ffb-reporting/ffb-value-sets.ts';
import { validateStructure } from './fhir-validation.ts';

/** A resource as the ledger holds it: its content and when that content last changed. */
export type LedgerResource = { id: string; profile: string; resource: Resource; lastUpdated: string };

const PROFILE_ORDER = new Map(REPORTING_PROFILES.map((p, i) => [p.id, i]));

function referencesOf(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) referencesOf(v, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'reference' && typeof v === 'string') out.add(v);
    else referencesOf(v, out);
  }
}

/**
 * The delivery report of one citizen (KLReportingFFBDeliveryReport): the resources that changed, every resource they
 * refer to (the guide: "all referenced resources must be included"), and the citizen; each with meta.profile and
 * meta.lastUpdated. A collection Bundle with a timestamp.
 */
export function assembleReport(all: readonly LedgerResource[], changedIds: ReadonlySet<string>, timestamp: string): Bundle {
  const byRef = new Map(all.map((r) => [refOf({ ...r.resource, id: r.id }), r]));
  const included = new Map<string, LedgerResource>();
  const queue = all.filter((r) => changedIds.has(r.id) || r.resource.resourceType === 'Patient');
  while (queue.length) {
    const next = queue.pop();
    if (!next) break;
    const ref = refOf({ ...next.resource, id: next.id });
    if (included.has(ref)) continue;
    included.set(ref, next);
    const refs = new Set<string>();
    referencesOf(next.resource, refs);
    for (const r of refs) {
      const target = byRef.get(r);
      if (target && !included.has(r)) queue.push(target);
    }
  }
  const entries = [...included.values()].sort(
    (a, b) => (PROFILE_ORDER.get(a.profile) ?? 99) - (PROFILE_ORDER.get(b.profile) ?? 99) || a.id.localeCompare(b.id),
  );
  return {
    resourceType: 'Bundle',
    meta: { profile: [profileUrl('kl-reporting-ffb-deliveryReport')] },
    type: 'collection',
    timestamp,
    entry: entries.map((r) => ({
      fullUrl: `${r.resource.resourceType}/${r.id}`,
      resource: { ...r.resource, id: r.id, meta: { profile: [profileUrl(r.profile)], lastUpdated: r.lastUpdated } } as Resource,
    })),
  };
}

/** Everything wrong with a report: the profiles' structure (FHIR validator) and the FFB rules. Empty = may be sent. */
export function validateReport(bundle: Bundle, codes: CodeIndex): FfbViolation[] {
  return [...validateStructure(bundle), ...checkFfbRules(bundle, codes)];
}

/** A parent map of a FHIR CodeSystem's concepts (the FFB code system), for value-set membership. */
export function codeIndexOf(codeSystem: { concept?: { code: string; concept?: unknown[] }[] }): Map<string, string | null> {
  const index = new Map<string, string | null>();
  type C = { code: string; concept?: C[] };
  const walk = (concepts: C[], parent: string | null) => {
    for (const c of concepts) {
      index.set(c.code, parent);
      walk(c.concept ?? [], c.code);
    }
  };
  walk((codeSystem.concept ?? []) as C[], null);
  return index;
}
