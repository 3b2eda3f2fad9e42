import { discloseCount, discloseShare } from '../../../rules/agreements/disclosure.ts';
import { fkoShare } from '../../../rules/agreements/goal-measures.ts';
import { deadlineStats, type HousingKind, housingKind, movedDown, quarterOf } from '../../../rules/agreements/indicators.ts';
import { classifyProgress } from '../../../rules/follow-up/goal-progress.ts';
import {
  type DashboardQuery,
  DEADLINE_KINDS_SHOWN,
  type DeadlineDashboard,
  type StrategyDashboard,
} from '../../../shared/agreements/agreements.schema.ts';
import { mentionsParagraph } from '../../../shared/catalogue/paragraphs.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { fieldError } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { groupBy, subtree } from './agreements.helpers.ts';
import { agreementsRepository as repo } from './agreements.repository.ts';
import { dashboardsRepository as dash } from './dashboards.repository.ts';

const day = (v: string) => String(v).slice(0, 10) as PlainDate;
const addDaysIso = (d: PlainDate, n: number) =>
  new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10) as PlainDate;

export function checkPeriod(q: DashboardQuery): void {
  if (q.to < q.from) throw fieldError('to', 'dates.order');
}

/** The team leader's deadlines, caseload and complaints; counts of 1–4 withheld where they are citizens. */
export async function deadlineDashboard(tx: Tx, ctx: RequestContext, q: DashboardQuery): Promise<DeadlineDashboard> {
  checkPeriod(q);
  const m = ctx.actor.municipalityId;
  const today = ctx.clock.today();
  const met = await dash.metDeadlines(tx, m, DEADLINE_KINDS_SHOWN, q.from, q.to);
  const overdue = await dash.overdueDeadlines(tx, m, DEADLINE_KINDS_SHOWN, today);
  const complaints = await dash.complaints(tx, m, q.from, q.to);
  const decided = complaints.decided.reduce((s, r) => s + Number(r.n), 0);
  const changed = complaints.decided
    .filter((r) => r.appeal_outcome === 'changed' || r.appeal_outcome === 'remitted')
    .reduce((s, r) => s + Number(r.n), 0);
  const share = discloseShare({
    numerator: changed,
    denominator: decided,
    value: decided ? Math.round((1000 * changed) / decided) / 10 : null,
  });
  return {
    from: q.from,
    to: q.to,
    today,
    kinds: DEADLINE_KINDS_SHOWN.map((kind) => {
      const rows = met
        .filter((r) => r.kind === kind)
        .map((r) => ({ fromDate: day(r.from_date), dueDate: day(r.due_date), metOn: r.met_on ? day(r.met_on) : null }));
      const s = deadlineStats(rows, { from: q.from, to: q.to }, today);
      const late = s.met - s.metInTime;
      const kept = discloseShare({ numerator: s.metInTime, denominator: s.met, value: s.keptPct });
      return {
        kind,
        met: s.met,
        metInTime: kept.numerator,
        keptPct: kept.value ?? (late === 0 && s.met > 0 ? 100 : null),
        medianDays: s.medianDays,
        p90Days: s.p90Days,
        overdue: discloseCount(Number(overdue.find((o) => o.kind === kind)?.n ?? 0)),
      };
    }),
    caseload: (await dash.caseload(tx, m)).map((r) => ({
      caseworkerId: r.caseworker_id,
      name: r.name ?? (ctx.lang === 'da' ? 'Ingen sagsbehandler' : 'No caseworker'),
      open: Number(r.n),
    })),
    complaints: {
      received: discloseCount(complaints.received),
      decidedByAnkestyrelsen: decided,
      changedOrRemitted: share.numerator,
      changedOrRemittedPct: share.value,
    },
  };
}

const quarterEnds = (from: PlainDate, to: PlainDate): { quarter: string; from: PlainDate; to: PlainDate }[] => {
  const out: { quarter: string; from: PlainDate; to: PlainDate }[] = [];
  let y = Number(from.slice(0, 4));
  let q = Math.floor((Number(from.slice(5, 7)) - 1) / 3);
  for (let i = 0; i < 40; i++) {
    const start = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01` as PlainDate;
    if (start > to) break;
    const nextStart = q === 3 ? (`${y + 1}-01-01` as PlainDate) : (`${y}-${String(q * 3 + 4).padStart(2, '0')}-01` as PlainDate);
    const end = addDaysIso(nextStart, -1);
    out.push({ quarter: quarterOf(start), from: start < from ? from : start, to: end > to ? to : end });
    q += 1;
    if (q === 4) {
      q = 0;
      y += 1;
    }
  }
  return out;
};

/**
 * The strategy indicators per quarter (seed 001): citizens in their own home against those in housing offers (at the
 * quarter's end, each citizen on the highest rung they hold), moves down the ladder, support ended with progression,
 * and the FKO keep-or-gain share; per offer the citizens and the FKO share. Filtered by center, offer and paragraph.
 */
export async function strategyDashboard(tx: Tx, ctx: RequestContext, q: DashboardQuery): Promise<StrategyDashboard> {
  checkPeriod(q);
  const m = ctx.actor.municipalityId;
  const units = await repo.units(tx, m);
  const scope = q.unitId ? new Set(subtree(units, [q.unitId])) : null;
  const all = await dash.grants(tx, m, q.from, q.to);
  const inScope = (g: (typeof all)[number]) =>
    (!scope || (g.org_unit_id !== null && scope.has(g.org_unit_id))) &&
    (!q.offerId || g.offer_id === q.offerId) &&
    (!q.paragraph || mentionsParagraph(g.legal_basis, q.paragraph));
  const grants = all.filter(inScope).map((g) => ({
    ...g,
    start: day(g.start),
    ends: g.ends_on ? day(g.ends_on) : null,
    kind: housingKind(g.legal_basis, g.legal_bases),
  }));
  const offerIds = [...new Set(grants.map((g) => g.offer_id))];
  const goalsRows = await repo.closedGoals(tx, m, offerIds, q.from, q.to);
  const statuses = await repo.closedGoalStatuses(tx, m, offerIds, q.from, q.to);
  const byGoal = groupBy(statuses, (s) => s.goal_id);
  const goals = goalsRows.map((r) => ({
    orderId: r.order_id,
    offerId: r.offer_id,
    conditionCode: r.condition_code,
    goalTypeCode: r.goal_type_code,
    baselineCode: r.baseline_support_need_code,
    endedOn: r.ended_on ? day(r.ended_on) : null,
    statuses: (byGoal.get(r.id) ?? []).map((x) => ({
      scoredOn: day(x.scored_on),
      kind: x.kind as 'quarterly' | 'final',
      supportNeedCode: x.support_need_code,
    })),
  }));
  // Each grant's citizen's grants by start, each order's and offer's goals: looked up, never searched for.
  const byCitizen = groupBy(grants, (g) => g.citizen_id);
  for (const list of byCitizen.values()) list.sort((a, b) => a.start.localeCompare(b.start));
  const goalsByOrder = groupBy(goals, (x) => x.orderId);
  const rank: Record<HousingKind, number> = { other: 0, own_home: 1, temporary: 2, long_term: 3 };
  const quarters = quarterEnds(q.from, q.to).map((qq) => {
    const running = grants.filter((g) => g.start <= qq.to && (g.ends === null || g.ends >= qq.to) && g.kind !== 'other');
    const highest = new Map<string, HousingKind>();
    for (const g of running) {
      const had = highest.get(g.citizen_id);
      if (!had || rank[g.kind] > rank[had]) highest.set(g.citizen_id, g.kind);
    }
    const count = (k: HousingKind) => [...highest.values()].filter((x) => x === k).length;
    const own = count('own_home');
    const housed = count('temporary') + count('long_term');
    const ownPct = discloseShare({
      numerator: own,
      denominator: own + housed,
      value: own + housed ? Math.round((1000 * own) / (own + housed)) / 10 : null,
    });
    // Moves down: a grant ended in the quarter, followed within 90 days by a lower rung or by none.
    const ended = grants.filter((g) => g.ends !== null && g.ends >= qq.from && g.ends <= qq.to && g.kind !== 'other');
    const down = ended.filter((g) => {
      const ends = g.ends as PlainDate;
      const until = addDaysIso(ends, 90);
      const next = byCitizen.get(g.citizen_id)?.find((n) => n.id !== g.id && n.start >= ends && n.start <= until);
      return movedDown(g.kind, next ? next.kind : null);
    }).length;
    // Time-limited support that ended with progression: every scored goal of the order kept or gained, one gained.
    const endedOrders = ended.filter((g) => goalsByOrder.has(g.id));
    const progressed = endedOrders.filter((g) => {
      const p = (goalsByOrder.get(g.id) ?? []).map(classifyProgress).filter((x) => x !== 'no_status');
      return p.length > 0 && p.every((x) => x !== 'lost') && p.includes('gained');
    }).length;
    const prog = discloseShare({
      numerator: progressed,
      denominator: endedOrders.length,
      value: endedOrders.length ? Math.round((1000 * progressed) / endedOrders.length) / 10 : null,
    });
    const fko = fkoShare(goals, { from: qq.from, to: qq.to });
    return {
      quarter: qq.quarter,
      ownHome: discloseCount(own),
      temporary: discloseCount(count('temporary')),
      longTerm: discloseCount(count('long_term')),
      ownHomePct: ownPct.value,
      movedDown: discloseCount(down),
      endedWithProgressPct: prog.value,
      fkoKeptOrGainedPct: discloseShare(fko).value,
      fkoGoals: fko.denominator,
    };
  });
  const grantsByOffer = groupBy(grants, (g) => g.offer_id);
  const goalsByOffer = groupBy(goals, (x) => x.offerId);
  const byOffer = offerIds
    .map((id) => {
      const gs = grantsByOffer.get(id) ?? [];
      const fko = fkoShare(goalsByOffer.get(id) ?? [], { from: q.from, to: q.to });
      return {
        offerId: id,
        name: gs[0]?.offer_name ?? '',
        citizens: discloseCount(new Set(gs.map((g) => g.citizen_id)).size),
        fkoKeptOrGainedPct: discloseShare(fko).value,
        fkoGoals: fko.denominator,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const offersAll = [...new Map(all.map((g) => [g.offer_id, g.offer_name])).entries()]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  return {
    from: q.from,
    to: q.to,
    quarters,
    byOffer,
    centers: units.filter((u) => u.kind === 'center').map((u) => ({ id: u.id, name: u.name })),
    offers: offersAll,
  };
}
