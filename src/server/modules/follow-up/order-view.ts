import { addWeeks, isoWeekNumber, isoWeekStart } from '../../../rules/calendar/date-arithmetic.ts';
import type { DeadlineRuleSet } from '../../../rules/deadlines/deadline-rules.ts';
import { nextFkoStatus, orderState as orderStateRule } from '../../../rules/follow-up/fko-schedule.ts';
import { classifyProgress } from '../../../rules/follow-up/goal-progress.ts';
import { DEFAULT_DEVIATION, hoursDeviation } from '../../../rules/follow-up/hours-deviation.ts';
import { allowedOrderActions } from '../../../rules/follow-up/order-actions.ts';
import { providerMaySee } from '../../../rules/follow-up/provider-disclosure.ts';
import type { GoalView, OrderJournalEntry, ProviderOrder } from '../../../shared/follow-up/follow-up.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import { danishDate, danishNumber } from '../letters/index.ts';
import { goalFacts } from '../orders/index.ts';
import type { followUpRepository } from './follow-up.repository.ts';

type Rows<K extends keyof typeof followUpRepository> = Awaited<ReturnType<(typeof followUpRepository)[K]>>;
type OrderRow = NonNullable<Rows<'order'>>;

/** How many completed weeks of hours the views show. */
export const HOURS_WEEKS_SHOWN = 12;

/** The rule's order state for a stored order row. */
export function orderState(o: { status: string; ends_on: string | null }, today: PlainDate): ProviderOrder['state'] {
  return orderStateRule({ status: o.status, endsOn: o.ends_on }, today);
}

/** Goals with their sub-goals, FKO statuses, progress and next status, for one or many orders. */
export function goalViews(
  order: { id: string; actual_start: string | null; ordered_on: string; ends_on: string | null },
  goals: Rows<'goals'>,
  subgoals: Rows<'subgoals'>,
  statuses: Rows<'statuses'>,
  rules: DeadlineRuleSet,
  today: PlainDate,
): GoalView[] {
  return goals
    .filter((g) => g.order_id === order.id)
    .map((g) => {
      const own = statuses.filter((s) => s.goal_id === g.id);
      const scored = own.map((s) => ({
        scoredOn: s.scored_on as PlainDate,
        kind: s.kind as 'quarterly' | 'final',
        supportNeedCode: s.support_need_code,
      }));
      const next = order.actual_start
        ? nextFkoStatus(
            {
              start: order.actual_start as PlainDate,
              statuses: scored,
              endsOn: (order.ends_on ?? g.ended_on) as PlainDate | null,
            },
            rules,
          )
        : null;
      return {
        id: g.id,
        ...goalFacts(g),
        endedOn: g.ended_on as PlainDate | null,
        version: g.version,
        subgoals: subgoals
          .filter((x) => x.goal_id === g.id)
          .map((x) => ({ id: x.id, text: x.text, targetDate: x.target_date as PlainDate })),
        statuses: own.map((s) => ({
          id: s.id,
          kind: s.kind as 'quarterly' | 'final',
          scoredOn: s.scored_on as PlainDate,
          supportNeedCode: s.support_need_code,
          justification: s.justification,
          scoredByName: s.scored_by_name,
        })),
        progress: classifyProgress({
          goalTypeCode: g.goal_type_code,
          baselineCode: g.baseline_support_need_code,
          statuses: scored,
        }),
        nextStatus: next ? { ...next, overdue: next.due < today } : null,
      };
    });
}

/** Delivered hours over the last completed weeks against the granted frame, with the deviation flag. */
export function hoursView(
  order: { id: string; actual_start: string | null; ends_on: string | null },
  grantedWeekly: number | null,
  hours: Rows<'hours'>,
  today: PlainDate,
): ProviderOrder['hours'] {
  const own = hours
    .filter((h) => h.order_id === order.id)
    .map((h) => ({ weekStart: h.week_start as PlainDate, hours: Number(h.hours) }));
  const setting = { weeks: DEFAULT_DEVIATION.weeks, tolerance: DEFAULT_DEVIATION.tolerance };
  if (!order.actual_start || grantedWeekly === null) {
    return { grantedWeekly, flag: false, streak: 0, setting, weeks: [] };
  }
  const first = isoWeekStart(order.actual_start as PlainDate);
  const window = addWeeks(isoWeekStart(today), -HOURS_WEEKS_SHOWN);
  const until = order.ends_on && order.ends_on < today ? (order.ends_on as PlainDate) : today;
  const d = hoursDeviation(own, grantedWeekly, first > window ? first : window, until);
  return {
    grantedWeekly,
    flag: d.flag,
    streak: d.streak,
    setting,
    weeks: d.weeks.map((w) => ({ weekStart: w.weekStart, week: isoWeekNumber(w.weekStart), hours: w.hours, outside: w.outside })),
  };
}

export function hoursWindowStart(today: PlainDate): PlainDate {
  return addWeeks(isoWeekStart(today), -HOURS_WEEKS_SHOWN);
}

/**
 * The decision as the provider reads it: what is granted, the frame and the reasons, in the letter's words; the
 * partial refusal, the party hearing and the complaint guidance are the citizen's and stay out (provider-disclosure).
 */
export function providerDecision(o: OrderRow): ProviderOrder['decision'] {
  const weekly = o.weekly_hours === null ? null : Number(o.weekly_hours);
  const text: string[] = [];
  if (providerMaySee('decision.grant')) {
    text.push(
      `${o.outcome === 'partly_granted' ? 'Delvist bevilget' : 'Bevilget'}: ${o.service_title} efter ${o.legal_basis} (afgørelse af ${danishDate(o.decided_on as PlainDate)}).`,
    );
  }
  if (providerMaySee('decision.frame')) {
    text.push(
      weekly !== null
        ? `Omfang: ${danishNumber(weekly)} timer om ugen.${o.profile_code ? ` Det svarer til borgerprofil ${o.profile_code}.` : ''}`
        : `Omfang: ${o.module_days ?? 0} moduler (dage) om ugen.`,
    );
    if (o.start_date) {
      text.push(
        `Støtten begynder den ${danishDate(o.start_date as PlainDate)}${o.time_limit_until ? ` og er tidsbegrænset til den ${danishDate(o.time_limit_until as PlainDate)}` : ''}.`,
      );
    }
  }
  if (providerMaySee('decision.reasons')) text.push(`Begrundelse: ${o.reasons}`);
  return { decidedOn: o.decided_on as PlainDate, serviceTitle: o.service_title, legalBasis: o.legal_basis, text };
}

export function orderView(
  o: OrderRow,
  parts: {
    goals: Rows<'goals'>;
    subgoals: Rows<'subgoals'>;
    statuses: Rows<'statuses'>;
    hours: Rows<'hours'>;
    journal: Rows<'journal'>;
    journalTotal: number;
    messages: { id: number; from_party: string; author_name: string; body: string; created_at: Date }[];
    startDeadline: string | null;
  },
  rules: DeadlineRuleSet,
  today: PlainDate,
): ProviderOrder {
  const weekly = o.weekly_hours === null ? null : Number(o.weekly_hours);
  const plan = o.action_plan as { purpose: string; services: string; expectedDuration: string } | null;
  return {
    id: o.id,
    caseId: o.case_id,
    state: orderState(o, today),
    offerName: o.offer_name,
    citizen: {
      id: o.citizen_id,
      name: `${o.first_name} ${o.last_name}`,
      address: [o.address, [o.postal_code, o.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null,
      phone: o.phone,
    },
    caseworkerName: o.caseworker_name,
    frame: {
      legalBasis: o.legal_basis,
      weeklyHours: weekly,
      profileCode: o.profile_code,
      moduleDays: o.module_days,
      grantedFrom: o.start_date as PlainDate | null,
      timeLimitUntil: o.time_limit_until as PlainDate | null,
    },
    orderedOn: o.ordered_on as PlainDate,
    acceptedOn: o.accepted_on as PlainDate | null,
    actualStart: o.actual_start as PlainDate | null,
    endsOn: o.ends_on as PlainDate | null,
    startDeadline: parts.startDeadline as PlainDate | null,
    firstFollowUp: o.first_follow_up as PlainDate,
    actions: allowedOrderActions(o.status, 'provider'),
    declined: o.declined_on && o.decline_reason ? { on: o.declined_on as PlainDate, reason: o.decline_reason } : null,
    decision: providerDecision(o),
    // SEL § 141, stk. 5: the provider gets the parts of the plan that concern the support; "other circumstances"
    // stay with the authority (rules/follow-up/provider-disclosure.ts).
    plan: plan
      ? {
          purpose: providerMaySee('plan.purpose') ? plan.purpose : null,
          services: providerMaySee('plan.services') ? plan.services : null,
          expectedDuration: providerMaySee('plan.expectedDuration') ? plan.expectedDuration : null,
        }
      : null,
    goals: goalViews(o, parts.goals, parts.subgoals, parts.statuses, rules, today),
    hours: hoursView(o, weekly, parts.hours, today),
    journal: parts.journal.map(journalEntryOf),
    journalTotal: parts.journalTotal,
    messages: parts.messages.map((m) => ({
      id: m.id,
      fromParty: m.from_party as 'authority' | 'provider' | 'citizen',
      authorName: m.author_name,
      body: m.body,
      createdAt: new Date(m.created_at).toISOString(),
    })),
    version: o.version,
  };
}

/** One entry of the provider's journal as read. */
export function journalEntryOf(j: Rows<'journal'>[number]): OrderJournalEntry {
  return { id: j.id, goalId: j.goal_id, writtenOn: j.written_on as PlainDate, body: j.body, authorName: j.author_name };
}
