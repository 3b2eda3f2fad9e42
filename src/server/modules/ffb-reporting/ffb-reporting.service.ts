import { FFB_REPORTING_GUIDE, reportVersions } from '../../../rules/ffb-reporting/ffb-versions.ts';
import { type Page, pageOffset } from '../../../shared/api/page.ts';
import type {
  DaySummary,
  DeliveryDetail,
  DeliveryItem,
  DeliveryStatus,
  ReportingSettings,
  ReportingSettingsView,
  RunResult,
  Violation,
} from '../../../shared/ffb-reporting/ffb-reporting.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { ffbCodeIndex } from '../catalogue/index.ts';
import { deliverMunicipality, sendOne, settingsOf } from './ffb-delivery.service.ts';
import { ffbReportingRepository as repo } from './ffb-reporting.repository.ts';

/** The administrator's use cases: see the deliveries and what the gateway answered, resend, run now, settings. */

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

type ListRow = Awaited<ReturnType<typeof repo.list>>['rows'][number];

function itemOf(r: ListRow): DeliveryItem {
  const violations = (r.violations ?? []) as Violation[];
  return {
    id: r.id,
    citizenId: r.citizen_id,
    citizenName: [r.first_name, r.last_name].filter(Boolean).join(' '),
    cpr: r.cpr ?? '',
    reportDay: r.report_day as PlainDate,
    status: r.status,
    resourceCount: r.resource_count,
    bytes: r.bytes,
    attempts: r.attempts,
    gatewayStatus: r.gateway_status,
    gatewayCodes: r.gateway_codes ?? [],
    rules: [...new Set(violations.map((v) => v.rule))].slice(0, 5),
    createdAt: iso(r.created_at) ?? '',
    sentAt: iso(r.sent_at),
    nextAttemptAt: iso(r.next_attempt_at),
    guideVersion: r.guide_version,
    ffbVersion: r.ffb_version,
  };
}

export const ffbReportingService = {
  async list(
    ctx: RequestContext,
    q: { day?: string; status?: DeliveryStatus; page: number; pageSize: number },
  ): Promise<Page<DeliveryItem>> {
    return runUseCase(ctx, async (tx) => {
      const { rows, total } = await repo.list(tx, ctx.actor.municipalityId, {
        ...(q.day ? { day: q.day } : {}),
        ...(q.status ? { status: q.status } : {}),
        offset: pageOffset(q),
        limit: q.pageSize,
      });
      await writeAudit(tx, auditActorOf(ctx), {
        action: 'search',
        purpose: 'statutory_reporting',
        recordType: 'ffb_delivery',
        criterion: JSON.stringify({ day: q.day ?? null, status: q.status ?? null, page: q.page }),
        details: { citizens: rows.length },
      });
      return { items: rows.map(itemOf), total, page: q.page, pageSize: q.pageSize };
    });
  },

  async summary(ctx: RequestContext, day: string): Promise<DaySummary> {
    return runUseCase(ctx, async (tx) => {
      const rows = await repo.summary(tx, ctx.actor.municipalityId, day);
      return {
        day: day as PlainDate,
        reports: rows.reduce((n, r) => n + r.reports, 0),
        resources: rows.reduce((n, r) => n + r.resources, 0),
        bytes: rows.reduce((n, r) => n + r.bytes, 0),
        byStatus: rows.map((r) => ({ status: r.status, reports: r.reports })),
      };
    });
  },

  async detail(ctx: RequestContext, id: string): Promise<DeliveryDetail> {
    return runUseCase(ctx, async (tx) => {
      const d = await repo.delivery(tx, ctx.actor.municipalityId, id);
      if (!d) throw notFound();
      const { rows } = await repo.list(tx, ctx.actor.municipalityId, { offset: 0, limit: 1, day: d.report_day });
      const citizen = rows.find((r) => r.id === id);
      const history = await repo.attempts(tx, ctx.actor.municipalityId, id);
      await writeAudit(tx, auditActorOf(ctx), {
        action: 'read',
        purpose: 'statutory_reporting',
        citizenId: d.citizen_id,
        recordType: 'ffb_delivery',
        recordId: id,
      });
      const base = itemOf({
        ...d,
        first_name: citizen?.first_name ?? null,
        last_name: citizen?.last_name ?? null,
        cpr: citizen?.cpr ?? null,
      } as ListRow);
      return {
        ...base,
        violations: (d.violations ?? []) as Violation[],
        fhirVersion: d.fhir_version,
        bundle: d.bundle,
        gatewayResponse: d.gateway_response,
        history: history.map((h) => ({
          attemptedAt: iso(h.attempted_at) ?? '',
          target: h.target,
          sentBy: h.sent_by,
          httpStatus: h.http_status,
          outcome: h.outcome,
          gatewayCodes: h.gateway_codes ?? [],
          error: h.error,
        })),
      };
    });
  },

  /** Sends a recorded report again, now (e.g. after the gateway was down or fixed); a refused report cannot be sent. */
  async resend(ctx: RequestContext, id: string) {
    const { delivery, url } = await runUseCase(ctx, async (tx) => {
      const d = await repo.delivery(tx, ctx.actor.municipalityId, id);
      if (!d) throw notFound();
      if (d.status === 'refused') throw conflict('a refused report breaks a rule and is never sent');
      const s = await settingsOf(tx, ctx.actor.municipalityId);
      if (!s.gateway_url) throw conflict('no gateway is configured');
      return { delivery: d, url: s.gateway_url };
    });
    const answer = await sendOne(ctx.database, ctx.actor.municipalityId, delivery, url, auditActorOf(ctx), () => ctx.clock.now());
    return { outcome: answer.outcome, httpStatus: answer.httpStatus, codes: answer.codes };
  },

  /** Captures, builds and sends now, up to this moment (the daily job delivers complete days). */
  async runNow(ctx: RequestContext): Promise<RunResult> {
    await runUseCase(ctx, (tx) =>
      writeAudit(tx, auditActorOf(ctx), { action: 'export', purpose: 'statutory_reporting', recordType: 'ffb_delivery_run' }),
    );
    const r = await deliverMunicipality(ctx.database, ctx.actor.municipalityId, { at: () => ctx.clock.now() });
    return { ...r.captured, ...r.built, ...r.sent };
  },

  async settings(ctx: RequestContext): Promise<ReportingSettingsView> {
    return runUseCase(ctx, async (tx) => {
      const s = await settingsOf(tx, ctx.actor.municipalityId);
      const { version } = await ffbCodeIndex(tx);
      return {
        version: s.version,
        organisationCode: s.organisation_code,
        gatewayUrl: s.gateway_url,
        enabled: s.enabled,
        caseNumberSystem: s.case_number_system,
        deliveredUntil: iso(s.delivered_until),
        guideVersion: `${FFB_REPORTING_GUIDE.packageId}#${FFB_REPORTING_GUIDE.version}`,
        ffbVersion: reportVersions(version).ffb,
      };
    });
  },

  async saveSettings(ctx: RequestContext, input: ReportingSettings): Promise<{ version: number }> {
    return runUseCase(ctx, async (tx) => {
      const s = await settingsOf(tx, ctx.actor.municipalityId);
      if (s.version !== input.version) throw conflict();
      await repo.saveSettings(tx, ctx.actor.municipalityId, {
        organisation_code: input.organisationCode,
        gateway_url: input.gatewayUrl,
        enabled: input.enabled,
        case_number_system: input.caseNumberSystem,
      });
      await writeAudit(tx, auditActorOf(ctx), {
        action: 'update',
        purpose: 'administration',
        recordType: 'ffb_reporting_setting',
        details: { gatewayUrl: input.gatewayUrl, enabled: input.enabled, organisationCode: input.organisationCode },
      });
      return { version: s.version + 1 };
    });
  },
};
