import { type Disclosed, discloseShare } from '../../../rules/agreements/disclosure.ts';
import {
  type ClosedGoal,
  fkoShare,
  longStayShare,
  MEASURE_DEFINITIONS,
  type Share,
  type Stay,
  youthHousingShare,
} from '../../../rules/agreements/goal-measures.ts';
import { attainmentOf, type Direction, targetValueOf, trendOf } from '../../../rules/agreements/goal-status.ts';
import { AGREEMENT_THEMES, THEME_LABELS } from '../../../rules/agreements/goal-themes.ts';
import type {
  AgreementSummary,
  AgreementTheme,
  Goal,
  MeasureKey,
  Measurement,
  ReportKind,
  StayOutcome,
} from '../../../shared/agreements/agreements.schema.ts';
import type { AuditAction } from '../../../shared/audit/audit.schema.ts';
import type { Language } from '../../../shared/i18n/language.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/tx.ts';
import { type GoalRow, type MeasurementRow, agreementsRepository as repo } from './agreements.repository.ts';

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));
const day = (v: string | Date): PlainDate => (typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10)) as PlainDate;
const stamp = (v: string | Date) => (typeof v === 'string' ? new Date(v) : v).toISOString();

/** Audit of agreement management (purpose steering). Aggregates name no citizen. */
export async function auditAgreements(
  tx: Tx,
  ctx: RequestContext,
  e: { action: AuditAction; recordType: string; recordId?: string | null; criterion?: string; details?: Record<string, unknown> },
): Promise<void> {
  await writeAudit(tx, auditActorOf(ctx), {
    action: e.action,
    purpose: 'steering',
    recordType: e.recordType,
    recordId: e.recordId ?? null,
    criterion: e.criterion ?? null,
    details: e.details ?? null,
  });
}

type Breakdown = { key: string; label: string; numerator: number; denominator: number; value: number | null };

/** A stored value as it may be shown: counted values are disclosed by the rule, outside values are published figures. */
export function toMeasurement(r: MeasurementRow): Measurement {
  const counted = r.origin === 'measured';
  const value = num(r.value);
  const base: Omit<Disclosed, 'denominator'> & { denominator: number | null } =
    counted && r.numerator !== null && r.denominator !== null
      ? discloseShare({ numerator: r.numerator, denominator: r.denominator, value })
      : {
          value,
          numerator: r.numerator,
          denominator: r.denominator,
          suppressed: false,
          smallN: r.denominator !== null && r.denominator > 0 && r.denominator < 20,
        };
  return {
    ...base,
    id: r.id,
    periodFrom: day(r.period_from),
    periodTo: day(r.period_to),
    origin: r.origin as Measurement['origin'],
    measureKey: r.measure_key as MeasureKey | null,
    definitionVersion: r.definition_version,
    source: r.source,
    sourceDate: r.source_date ? day(r.source_date) : null,
    computedAt: stamp(r.computed_at),
    recordedByName: r.recorded_by_name,
    breakdown: ((r.breakdown ?? []) as Breakdown[]).map((b) => ({ key: b.key, label: b.label, ...discloseShare(b) })),
  };
}

export function targetOf(g: GoalRow) {
  return {
    baselineValue: num(g.baseline_value),
    targetValue: num(g.target_value),
    targetChangePp: num(g.target_change_pp),
    direction: g.direction as Direction,
  };
}

/** A goal with its latest value, the trend against the value before it (else the baseline) and where it stands. */
export function toGoal(g: GoalRow, units: { id: string; name: string }[], values: readonly MeasurementRow[]): Goal {
  const t = targetOf(g);
  const [latestRow, previousRow] = values;
  const latest = latestRow ? toMeasurement(latestRow) : null;
  const before = previousRow ? toMeasurement(previousRow).value : t.baselineValue;
  return {
    id: g.id,
    agreementId: g.agreement_id,
    position: g.position,
    level: g.level as Goal['level'],
    theme: g.theme as AgreementTheme,
    heading: g.heading,
    title: g.title,
    unit: g.value_unit as Goal['unit'],
    direction: t.direction,
    baselineValue: t.baselineValue,
    baselinePeriod: g.baseline_period,
    baselineN: g.baseline_n,
    baselineNLabel: g.baseline_n_label,
    targetValue: t.targetValue,
    targetChangePp: t.targetChangePp,
    targetYear: g.target_year,
    target: targetValueOf(t),
    dataSource: g.data_source,
    measureKey: g.measure_key as MeasureKey | null,
    definition: g.definition,
    definitionVersion: g.definition_version,
    sourceRef: g.source_ref,
    invented: g.invented,
    units,
    latest,
    trend: trendOf(before, latest?.value ?? null, t.direction),
    attainment: attainmentOf(t, latest?.value ?? null),
    version: g.version,
  };
}

/** The first year of the agreement for the midway status, the last for the final one (seed 003, afsnit 4). */
export function reportPeriod(
  a: { period_from: string; period_to: string },
  kind: ReportKind,
): { from: PlainDate; to: PlainDate } {
  const from = day(a.period_from);
  const to = day(a.period_to);
  return kind === 'midway'
    ? { from, to: `${from.slice(0, 4)}-12-31` as PlainDate }
    : { from: `${to.slice(0, 4)}-01-01` as PlainDate, to };
}

/** Rows by a key, in their order (a lookup instead of a search per row). */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

type Unit = { id: string; name: string; kind: string; parent_id: string | null };

/** A unit and every unit under it. */
export function subtree(units: readonly Unit[], rootIds: readonly string[]): string[] {
  const out = new Set(rootIds);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units)
      if (u.parent_id && out.has(u.parent_id) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
  }
  return [...out];
}

/**
 * Measures a goal from the cases over a period and stores the value with its definition's version, N and when; the
 * breakdown (per theme and per offer, or per shelter) is kept with the counts, disclosed only when shown.
 */
export async function measureGoal(
  tx: Tx,
  ctx: RequestContext,
  goal: GoalRow,
  agreementUnitId: string,
  period: { from: PlainDate; to: PlainDate },
): Promise<string> {
  const m = ctx.actor.municipalityId;
  const key = goal.measure_key as MeasureKey;
  const units = await repo.units(tx, m);
  const goalUnits = (await repo.goalUnits(tx, m, [goal.id])).map((u) => u.id);
  const scopeUnits = subtree(units, goalUnits.length > 0 ? goalUnits : [agreementUnitId]);
  const offers = await repo.offersOfUnits(tx, m, scopeUnits);
  const offerName = new Map(offers.map((o) => [o.id, o.name]));
  let result: Share;
  let breakdown: Breakdown[];
  if (key === 'fko_keep_or_gain' || key === 'fko_gain') {
    const rows = await repo.closedGoals(tx, m, [...offerName.keys()], period.from, period.to);
    const statuses = await repo.closedGoalStatuses(tx, m, [...offerName.keys()], period.from, period.to);
    const byGoal = groupBy(statuses, (s) => s.goal_id);
    const closed = rows.map((r) => ({
      offerId: r.offer_id,
      goal: {
        conditionCode: r.condition_code,
        goalTypeCode: r.goal_type_code,
        baselineCode: r.baseline_support_need_code,
        endedOn: r.ended_on ? day(r.ended_on) : null,
        statuses: (byGoal.get(r.id) ?? []).map((s) => ({
          scoredOn: day(s.scored_on),
          kind: s.kind as 'quarterly' | 'final',
          supportNeedCode: s.support_need_code,
        })),
      } satisfies ClosedGoal,
    }));
    const gainOnly = key === 'fko_gain';
    const all = closed.map((c) => c.goal);
    result = fkoShare(all, period, { theme: goal.theme as AgreementTheme, gainOnly });
    const lang: Language = 'da';
    breakdown = [
      { key: 'all', label: 'Alle temaer', ...fkoShare(all, period, { gainOnly }) },
      ...AGREEMENT_THEMES.filter((t) => t !== 'education_employment').map((t) => ({
        key: `theme:${t}`,
        label: THEME_LABELS[t][lang],
        ...fkoShare(all, period, { theme: t, gainOnly }),
      })),
      ...[...groupBy(closed, (c) => c.offerId)].map(([o, theirs]) => ({
        key: `offer:${o}`,
        label: offerName.get(o) ?? '',
        ...fkoShare(
          theirs.map((c) => c.goal),
          period,
          { theme: goal.theme as AgreementTheme, gainOnly },
        ),
      })),
    ].map(({ key: k, label, numerator, denominator, value }) => ({ key: k, label, numerator, denominator, value }));
  } else {
    const rows = await repo.stays(tx, m, period.from, period.to);
    // A goal naming its shelters counts stays there; otherwise every stay of the municipality's citizens (note 9).
    const scoped = goalUnits.length > 0 ? rows.filter((r) => r.offer_id !== null && offerName.has(r.offer_id)) : rows;
    const stays = scoped.map((r) => ({
      shelter: r.shelter_name,
      stay: {
        arrivedOn: day(r.arrived_on),
        leftOn: r.left_on ? day(r.left_on) : null,
        outcome: r.outcome as StayOutcome | null,
        birthDate: day(r.birth_date),
      } satisfies Stay,
    }));
    const fn = key === 'shelter_long_stays' ? longStayShare : youthHousingShare;
    result = fn(
      stays.map((s) => s.stay),
      period,
    );
    breakdown = [...new Set(stays.map((s) => s.shelter))].sort().map((name) => {
      const s = fn(
        stays.filter((x) => x.shelter === name).map((x) => x.stay),
        period,
      );
      return { key: `shelter:${name}`, label: name, numerator: s.numerator, denominator: s.denominator, value: s.value };
    });
  }
  const def = MEASURE_DEFINITIONS[key];
  return repo.insertMeasurement(tx, m, {
    goal_id: goal.id,
    period_from: period.from,
    period_to: period.to,
    value: result.value === null ? null : String(result.value),
    numerator: result.numerator,
    denominator: result.denominator,
    origin: 'measured',
    measure_key: key,
    definition_version: def.version,
    breakdown: JSON.stringify(breakdown),
    source: `Visitator: ${def.da.split('.')[0]}`,
    source_date: null,
    computed_at: ctx.clock.now().toISOString(),
    recorded_by_name: ctx.actor.name,
  });
}

type AgreementRow = {
  id: string;
  unit_id: string;
  unit_name: string;
  title: string;
  period_from: string;
  period_to: string;
  approved_by: string | null;
  source: string;
  invented: boolean;
};

/** An agreement as the list and the single agreement show it, with the number of its goals. */
export function toAgreementSummary(a: AgreementRow, goalCount: number): AgreementSummary {
  return {
    id: a.id,
    unitId: a.unit_id,
    unitName: a.unit_name,
    title: a.title,
    periodFrom: day(a.period_from),
    periodTo: day(a.period_to),
    approvedBy: a.approved_by,
    source: a.source,
    invented: a.invented,
    goalCount,
  };
}
