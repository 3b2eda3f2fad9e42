import { attainmentOf, trendOf } from '../../../rules/agreements/goal-status.ts';
import type { Report, ReportGoal, ReportKind, ReportSummary } from '../../../shared/agreements/agreements.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/tx.ts';
import { measureGoal, reportPeriod, targetOf, toGoal, toMeasurement } from './agreements.helpers.ts';
import { type GoalRow, type ReportRow, agreementsRepository as repo } from './agreements.repository.ts';

const day = (v: string) => String(v).slice(0, 10) as PlainDate;
const stamp = (v: string | Date | null) => (v === null ? null : (typeof v === 'string' ? new Date(v) : v).toISOString());

export function toReportSummary(r: ReportRow): ReportSummary {
  return {
    id: r.id,
    kind: r.kind as ReportKind,
    reportVersion: r.report_version,
    state: r.state as ReportSummary['state'],
    periodFrom: day(r.period_from),
    periodTo: day(r.period_to),
    createdAt: stamp(r.created_at) ?? '',
    issuedAt: stamp(r.issued_at),
    issuedByName: r.issued_by_name,
  };
}

/**
 * The value each goal shows in a status: measured now from the cases for a measured goal (a new stored value), else
 * the newest value entered from its outside source for a period that overlaps the status period.
 */
export async function valuesForReport(
  tx: Tx,
  ctx: RequestContext,
  agreement: { unit_id: string },
  goals: readonly GoalRow[],
  period: { from: PlainDate; to: PlainDate },
): Promise<Map<string, string | null>> {
  const m = ctx.actor.municipalityId;
  const entered = await repo.measurements(
    tx,
    m,
    goals.filter((g) => !g.measure_key).map((g) => g.id),
  );
  const out = new Map<string, string | null>();
  for (const g of goals) {
    if (g.measure_key) {
      out.set(g.id, await measureGoal(tx, ctx, g, agreement.unit_id, period));
      continue;
    }
    const hit = entered.find((v) => v.goal_id === g.id && day(v.period_from) <= period.to && day(v.period_to) >= period.from);
    out.set(g.id, hit?.id ?? null);
  }
  return out;
}

/** A new draft of a status: every goal's value now, the comments carried over from the version before. */
export async function createDraft(
  tx: Tx,
  ctx: RequestContext,
  agreement: { id: string; unit_id: string; period_from: string; period_to: string },
  kind: ReportKind,
): Promise<string> {
  const m = ctx.actor.municipalityId;
  const reports = await repo.reports(tx, m, agreement.id);
  const previous = reports.find((r) => r.kind === kind);
  const period = reportPeriod(agreement, kind);
  const goals = await repo.goals(tx, m, agreement.id);
  const values = await valuesForReport(tx, ctx, agreement, goals, period);
  const comments = new Map<string, string>();
  if (previous) for (const g of await repo.reportGoals(tx, m, previous.id)) comments.set(g.goal_id, g.comment);
  const id = await repo.insertReport(tx, m, {
    agreement_id: agreement.id,
    kind,
    report_version: (previous?.report_version ?? 0) + 1,
    state: 'draft',
    period_from: period.from,
    period_to: period.to,
    content: null,
    created_at: ctx.clock.now().toISOString(),
    created_by_name: ctx.actor.name,
  });
  await repo.insertReportGoals(
    tx,
    m,
    id,
    goals.map((g) => ({ goal_id: g.id, measurement_id: values.get(g.id) ?? null, comment: comments.get(g.id) ?? '' })),
  );
  return id;
}

/**
 * A status as shown: an issued one from its frozen content, a draft from the goals, its values and comments now.
 * The trend compares with the issued midway status at the final one, else with the baseline.
 */
export async function reportView(tx: Tx, ctx: RequestContext, r: ReportRow): Promise<Report> {
  const m = ctx.actor.municipalityId;
  const a = await repo.agreement(tx, m, r.agreement_id);
  const head = {
    ...toReportSummary(r),
    agreementId: r.agreement_id,
    agreementTitle: a?.title ?? '',
    unitName: a?.unit_name ?? '',
    createdByName: r.created_by_name,
    version: r.version,
  };
  if (r.state === 'issued' && r.content) return { ...head, goals: (r.content as { goals: ReportGoal[] }).goals };
  const goals = await repo.goals(tx, m, r.agreement_id);
  const rows = await repo.reportGoals(tx, m, r.id);
  const measurementIds = rows.flatMap((x) => (x.measurement_id ? [x.measurement_id] : []));
  const all = await repo.measurements(
    tx,
    m,
    goals.map((g) => g.id),
  );
  const byId = new Map(all.filter((x) => measurementIds.includes(x.id)).map((x) => [x.id, x]));
  const midway =
    r.kind === 'final'
      ? (await repo.reports(tx, m, r.agreement_id)).find((x) => x.kind === 'midway' && x.state === 'issued')
      : undefined;
  const midwayGoals = new Map(((midway?.content as { goals: ReportGoal[] } | null)?.goals ?? []).map((g) => [g.goalId, g]));
  return {
    ...head,
    goals: goals.flatMap((g) => {
      const row = rows.find((x) => x.goal_id === g.id);
      if (!row) return [];
      const mrow = row.measurement_id ? byId.get(row.measurement_id) : undefined;
      const measurement = mrow ? toMeasurement(mrow) : null;
      const view = toGoal(g, [], []);
      const t = targetOf(g);
      const previousValue = midwayGoals.get(g.id)?.measurement?.value ?? null;
      const now = measurement?.value ?? null;
      return [
        {
          goalId: g.id,
          position: g.position,
          level: view.level,
          theme: view.theme,
          heading: view.heading,
          title: view.title,
          unit: view.unit,
          direction: view.direction,
          baselineValue: view.baselineValue,
          baselinePeriod: view.baselinePeriod,
          baselineN: view.baselineN,
          baselineNLabel: view.baselineNLabel,
          target: view.target,
          targetYear: view.targetYear,
          dataSource: view.dataSource,
          definitionVersion: view.definitionVersion,
          measurement,
          previousValue,
          trend: trendOf(previousValue ?? t.baselineValue, now, t.direction),
          attainment: attainmentOf(t, now),
          comment: row.comment,
          commentVersion: row.version,
        },
      ];
    }),
  };
}
