import { createHash } from 'node:crypto';
import type { Bundle, CarePlan, Resource } from '@medplum/fhirtypes';
import { reportVersions } from '../../../rules/ffb-reporting/ffb-versions.ts';
import type { AuditActor } from '../../platform/audit/audit.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/database.ts';
import { inSystem, inTenant, type Tx } from '../../platform/tx.ts';
import { ffbCodeIndex } from '../catalogue/index.ts';
import { mapCitizen } from './ffb-mapping.ts';
import { assembleReport, validateReport } from './ffb-report.ts';
import { ffbReportingRepository as repo } from './ffb-reporting.repository.ts';
import type { FfbCitizenSnapshot } from './ffb-snapshot.ts';
import { loadSnapshots, type SnapshotSettings } from './ffb-source.repository.ts';
import { MAX_ATTEMPTS, nextAttemptAfter, postReport } from './gateway-client.ts';

/**
 * The daily FFB delivery (kl.dk.fhir.ffbreporting 1.0.0, index.md "Reporting"): capture what changed into the ledger,
 * build one report per citizen and day of change (so a gap gives one report per missed day), validate each before it
 * leaves (a report that breaks a rule is refused, naming the rule), send, record the gateway's answer, retry failures.
 */

/** Where the snapshots come from; tests may give their own. */
export type SnapshotSource = (tx: Tx, municipalityId: string, settings: SnapshotSettings) => Promise<FfbCitizenSnapshot[]>;
export const caseSource: SnapshotSource = (tx, municipalityId, settings) => loadSnapshots(tx, municipalityId, settings);

/** The scheduled job as the audit log names it. */
export const jobActor = (municipalityId: string): AuditActor => ({
  municipalityId,
  userId: null,
  name: 'FFB-indberetning (planlagt job)',
  role: 'system',
  unitId: null,
  unitName: null,
  requestId: null,
});

export async function settingsOf(tx: Tx, municipalityId: string) {
  const found = await repo.settings(tx, municipalityId);
  if (found) return found;
  const code = await repo.municipalityCode(tx, municipalityId);
  await repo.saveSettings(tx, municipalityId, {
    organisation_code: null,
    gateway_url: null,
    enabled: true,
    case_number_system: `urn:visitator:sagsnummer:${code}`,
  });
  const created = await repo.settings(tx, municipalityId);
  if (!created) throw new Error('ffb_reporting_setting was not saved');
  return created;
}

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * What decides whether a resource changed. A completed care plan is history: once reported as completed it is not
 * changed by what happens on the case later (a new support need, new goals), only if its own end or status changes.
 */
function changeSignature(resource: Resource, profile: string): unknown {
  if (profile !== 'kl-reporting-ffb-carePlan') return resource;
  const cp = resource as CarePlan;
  if (cp.status !== 'completed') return resource;
  return { completed: true, id: cp.id, period: cp.period, careTeam: cp.careTeam, extension: cp.extension };
}

/** Records a new version of every resource whose content changed since the last capture. */
export async function capture(database: Database, municipalityId: string, at: Date, source: SnapshotSource = caseSource) {
  return inTenant(database, municipalityId, async (tx) => {
    const s = await settingsOf(tx, municipalityId);
    const snapshots = await source(tx, municipalityId, {
      organisationCode: s.organisation_code ?? '',
      caseNumberSystem: s.case_number_system,
    });
    const mapped = snapshots.flatMap((snap) =>
      mapCitizen(snap, municipalityId).map((m) => ({ ...m, citizenId: snap.citizenId })),
    );
    const current = await repo.currentHashes(
      tx,
      municipalityId,
      mapped.map((m) => m.resource.id ?? ''),
    );
    const changed = mapped.flatMap((m) => {
      const id = m.resource.id ?? '';
      const hash = hashOf(changeSignature(m.resource, m.profile));
      const prev = current.get(id);
      if (prev?.hash === hash) return [];
      return [
        {
          id,
          citizenId: m.citizenId,
          key: m.key,
          profile: m.profile,
          resourceType: m.resource.resourceType,
          version: (prev?.version ?? 0) + 1,
          hash,
          content: m.resource,
        },
      ];
    });
    await repo.saveVersions(tx, municipalityId, changed, at);
    return { citizens: snapshots.length, resources: mapped.length, changed: changed.length };
  });
}

/** Builds and validates the reports of every citizen and day with changes since the last delivery, up to `until`. */
export async function buildReports(database: Database, municipalityId: string, until: Date, at: Date) {
  return inTenant(database, municipalityId, async (tx) => {
    const s = await settingsOf(tx, municipalityId);
    const since = s.delivered_until ? new Date(s.delivered_until) : new Date(0);
    if (until <= since) return { reports: 0, refused: 0 };
    const { version, codes } = await ffbCodeIndex(tx);
    const versions = reportVersions(version);
    const days = await repo.changedDays(tx, municipalityId, since, until);
    let refused = 0;
    for (const { citizen_id, day } of days) {
      const { resources, changedIds } = await repo.citizenAsOf(tx, municipalityId, citizen_id, day, since, until);
      if (!changedIds.size) continue;
      const bundle = assembleReport(
        resources.map((r) => ({
          id: r.resource_id,
          profile: r.profile,
          resource: r.content as unknown as Bundle,
          lastUpdated: new Date(r.captured_at).toISOString(),
        })),
        changedIds,
        at.toISOString(),
      );
      const violations = validateReport(bundle, codes);
      if (violations.length) refused++;
      const json = JSON.stringify(bundle);
      await repo.insertDelivery(tx, {
        municipality_id: municipalityId,
        citizen_id,
        report_day: day,
        bundle,
        resource_count: bundle.entry?.length ?? 0,
        bytes: Buffer.byteLength(json, 'utf8'),
        guide_version: versions.guide,
        fhir_version: versions.fhir,
        ffb_version: versions.ffb,
        status: violations.length ? 'refused' : s.gateway_url ? 'pending' : 'held',
        violations: violations.length ? violations : null,
        next_attempt_at: violations.length || !s.gateway_url ? null : at,
      });
    }
    await repo.setDeliveredUntil(tx, municipalityId, until);
    return { reports: days.length, refused };
  });
}

/** Sends one recorded report and records the attempt and the gateway's answer; the send is audited as an export. */
export async function sendOne(
  database: Database,
  municipalityId: string,
  delivery: { id: string; citizen_id: string; bundle: unknown; attempts: number },
  url: string,
  actor: AuditActor,
  at: () => Date,
) {
  const answer = await postReport(url, delivery.bundle as Bundle);
  const attemptedAt = at();
  await inTenant(database, municipalityId, async (tx) => {
    const attempts = delivery.attempts + 1;
    await repo.recordAttempt(
      tx,
      {
        municipality_id: municipalityId,
        delivery_id: delivery.id,
        attempted_at: attemptedAt,
        target: url,
        sent_by: actor.name ?? 'job',
        http_status: answer.httpStatus,
        outcome: answer.outcome,
        gateway_codes: answer.codes.length ? answer.codes : null,
        response: answer.response,
        error: answer.error,
      },
      answer.outcome === 'failed' && attempts < MAX_ATTEMPTS ? nextAttemptAfter(attempts, attemptedAt) : null,
    );
    await writeAudit(tx, actor, {
      action: 'export',
      purpose: 'statutory_reporting',
      citizenId: delivery.citizen_id,
      recordType: 'ffb_delivery',
      recordId: delivery.id,
      details: { target: url, outcome: answer.outcome, httpStatus: answer.httpStatus },
    });
  });
  return answer;
}

/** Sends every report waiting or due for a retry. */
export async function sendDue(database: Database, municipalityId: string, at: () => Date, limit = 500) {
  const { url, due } = await inTenant(database, municipalityId, async (tx) => {
    const s = await settingsOf(tx, municipalityId);
    return { url: s.gateway_url, due: s.gateway_url ? await repo.due(tx, municipalityId, at(), MAX_ATTEMPTS, limit) : [] };
  });
  const counts = { accepted: 0, rejected: 0, failed: 0 };
  if (!url) return counts;
  for (const d of due) {
    const answer = await sendOne(database, municipalityId, d, url, jobActor(municipalityId), at);
    counts[answer.outcome]++;
  }
  return counts;
}

/** One delivery run for a municipality: capture, build up to `until` (default: everything captured now), send. */
export async function deliverMunicipality(
  database: Database,
  municipalityId: string,
  opts: { until?: Date; at: () => Date; source?: SnapshotSource },
) {
  const capturedAt = opts.at();
  const captured = await capture(database, municipalityId, capturedAt, opts.source);
  const built = await buildReports(database, municipalityId, opts.until ?? capturedAt, opts.at());
  const sent = await sendDue(database, municipalityId, opts.at);
  return { captured, built, sent };
}

export async function municipalitiesToReport(database: Database): Promise<string[]> {
  return inSystem(database, (tx) => repo.municipalitiesToReport(tx));
}
