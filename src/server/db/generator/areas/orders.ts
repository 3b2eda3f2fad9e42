import { addMonths, addWeeks, isoWeekStart } from '../../../../rules/calendar/date-arithmetic.ts';
import { offerDeliversBasis } from '../../../../rules/cases/decision-rules.ts';
import { nextFkoStatus, supportEndsAfterStop } from '../../../../rules/follow-up/fko-schedule.ts';
import { ASSESSMENT_THEMES, FUNCTION_LEVELS, GOAL_TYPES, SUPPORT_NEED_LEVELS } from '../../../../shared/assessment/ffb-terms.ts';
import type { PlainDate } from '../../../../shared/plain-date.ts';
import { complaintGuidanceOf } from '../../../modules/decisions/index.ts';
import { danishDate, stopLetter } from '../../../modules/letters/index.ts';
import type { Actor, OfferRef } from '../context.ts';
import {
  FKO_JUSTIFICATIONS,
  FOLLOW_UP_NOTES,
  GOALS,
  JOURNAL_TEXTS,
  NOT_NEEDED_HEARING,
  ORDER_QUESTIONS,
  PROVIDER_QUESTIONS,
  REASONS,
  SUBGOALS,
} from '../texts.ts';
import { addDays, daysBetween, instantAt, workingDayAfter } from '../time.ts';
import type { CaseSim } from './case-sim.ts';
import type { DecisionState } from './decisions.ts';
import type { TaskDraft } from './tasks.ts';

type GoalState = {
  id: string;
  position: number;
  theme: string;
  goalTypeKey: 'develop' | 'maintain' | 'limit_loss';
  baselineRank: number;
  targetRank: number;
  statuses: { scoredOn: PlainDate; kind: 'quarterly' | 'final'; rank: number }[];
  endedOn: PlainDate | null;
  version: number;
};

export type OrderState = {
  id: string;
  offer: OfferRef;
  decision: DecisionState;
  orderedOn: PlainDate;
  followUp: PlainDate;
  acceptedOn: PlainDate | null;
  actualStart: PlainDate | null;
  endsOn: PlainDate | null;
  endedReason: string | null;
  version: number;
  goals: GoalState[];
  createdAt: string;
  actionPlan: Record<string, string> | null;
  /** Deviating delivery in the last weeks (the hours flag), for a share of running orders. */
  deviating: boolean;
  /** The provider asked about the order and holds it until the caseworker answers. */
  onHold: boolean;
};

/** How the order track ended: still running (or waiting), or a decision that the case goes on from. */
export type OrderEnd = { end: 'running' | 'closed' | 'new_decision'; cause?: 'revisit' | 'refer'; stop?: DecisionState };

const needCode = (rank: number) => SUPPORT_NEED_LEVELS[Math.max(0, Math.min(4, rank))]?.code ?? '';
const ACTIVITY = ASSESSMENT_THEMES.filter((t) => t.group === 'activity');

function providerOf(sim: CaseSim, offer: OfferRef): Actor {
  return offer.staff.length ? sim.rng.pick(offer.staff) : sim.caseworker;
}

function pickOffer(sim: CaseSim, d: DecisionState): OfferRef | null {
  const able = sim.m.offers.filter((o) => o.unitId !== null && offerDeliversBasis(o.legalBases, d.legalBasis));
  const scripted = sim.plan.script?.offerKey;
  if (scripted) return able.find((o) => o.key === scripted) ?? null;
  if (!able.length) return null;
  // A new order waiting for the provider's answer goes to an offer with demo staff, so the demo provider meets it.
  const waiting = sim.plan.script?.orderQuestion || sim.plan.script?.awaitingAcceptance;
  const demo = able.filter((o) => o.staff.some((s) => s.demo));
  if (waiting && demo.length) return sim.rng.pick(demo);
  // Offers with named demo staff get more of the orders, so the demo providers have a full list.
  return sim.rng.weighted(able.map((o) => [o, o.staff.some((s) => s.demo) ? 3 : 1] as const));
}

/**
 * Offers for citizens with substance abuse (seed 003: Blommevej, Ladegården, the ACT team): half of their orders
 * carry a goal on the citizen's health (FFB Sundhedsforhold: rusmidler), which the agreement's health goal measures.
 */
const HEALTH_GOAL_OFFERS = new Set(['blommevej', 'ladegaarden', 'act-team']);
const HEALTH = ASSESSMENT_THEMES.find((t) => t.display === 'Sundhedsforhold');

/** The goals: up to three SMART goals on the themes the assessment found hardest, with the FKO baseline and target. */
function drawGoals(sim: CaseSim, orderedOn: PlainDate, offer: OfferRef): GoalState[] {
  const { rng } = sim;
  const a = sim.assessment;
  const levelRank = (theme: string) => FUNCTION_LEVELS.findIndex((l) => l.code === a?.levels.get(theme));
  const ranked = [...ACTIVITY].sort((x, y) => levelRank(y.code) - levelRank(x.code) || x.display.localeCompare(y.display));
  const health = HEALTH && !sim.plan.script && HEALTH_GOAL_OFFERS.has(offer.key) && rng.chance(0.5);
  const themes = health && HEALTH ? [HEALTH, ...ranked] : ranked;
  const [one, two, three] = sim.g.size.goalWeights;
  const count = rng.weighted([
    [1, one],
    [2, two],
    [3, three],
  ] as const);
  return themes.slice(0, count).map((t, i) => {
    const baselineRank = Math.max(1, Math.min(4, a?.needRank ?? 2));
    let goalTypeKey = rng.weighted([
      ['develop', 60],
      ['maintain', 30],
      ['limit_loss', 10],
    ] as const);
    if (baselineRank <= 1 && goalTypeKey === 'develop') goalTypeKey = 'maintain';
    return {
      id: sim.m.ids('order_goal').next(),
      position: i + 1,
      theme: t.display,
      goalTypeKey,
      baselineRank,
      targetRank: goalTypeKey === 'develop' ? baselineRank - 1 : baselineRank,
      statuses: [],
      endedOn: null,
      version: 1,
      targetDate: addMonths(orderedOn, rng.int(6, 12)),
    } as GoalState & { targetDate: PlainDate };
  });
}

/**
 * The order (bestilling) and what follows it: the provider accepts and starts the support (meeting the start
 * deadline), scores FKO statuses when `nextFkoStatus` says they are due, writes the daily journal, registers
 * hours against the frame and asks questions; the caseworker follows up on the follow-up date and continues, ends
 * (a stop decision; § 85 support continues 4 weeks by `supportEndsAfterStop`), refers or revisits. Nothing happens
 * on or after `until` (the day an upheld complaint reopens the case) or today.
 */
export async function runOrder(sim: CaseSim, decision: DecisionState, until: PlainDate | null): Promise<OrderEnd> {
  const { rng, g, m } = sim;
  const stopBy = until && until < g.today ? until : g.today;
  const orderedOn = sim.after(decision.decidedOn, 0, sim.plan.script ? 3 : 10);
  if (!orderedOn || orderedOn >= stopBy) return { end: 'running' };
  const offer = pickOffer(sim, decision);
  if (!offer) return { end: 'running' };
  const cw = sim.caseworker;
  const at = sim.step(orderedOn);
  const goals = drawGoals(sim, orderedOn, offer);
  const order: OrderState = {
    id: m.ids('case_order').next(),
    offer,
    decision,
    orderedOn,
    followUp: workingDayAfter(addMonths(orderedOn, 3), 0),
    acceptedOn: null,
    actualStart: null,
    endsOn: null,
    endedReason: null,
    version: 1,
    goals,
    createdAt: at.toISOString(),
    actionPlan: rng.chance(0.75)
      ? {
          purpose: 'At borgeren mestrer mere af sin hverdag i egen bolig',
          services: `${decision.version.title} (${decision.legalBasis})`,
          expectedDuration: decision.timeLimitUntil ? `Til ${danishDate(decision.timeLimitUntil)}` : '1 år',
          otherCircumstances: 'Borgeren ønsker, at pårørende inddrages ved opfølgning.',
        }
      : null,
    deviating: sim.plan.script ? sim.plan.script.deviating === true : rng.chance(0.08),
    onHold: false,
  };
  // A new order replaces the case's earlier one: it ends the day this one is placed, with its goals.
  for (const earlier of sim.orders) {
    if (earlier.endsOn === null) {
      earlier.endsOn = orderedOn;
      earlier.endedReason = 'replaced';
      earlier.version += 1;
      for (const goal of earlier.goals) goal.endedOn ??= orderedOn;
    }
  }
  sim.orders.push(order);
  sim.hasOrder = true;
  sim.reads(at, cw);
  sim.act('order', at);
  sim.journal(
    at,
    cw,
    'order',
    `Bestilt hos ${offer.name}`,
    goals.map((goal, i) => `Mål ${i + 1}: ${goalText(sim, goal)}`).join('\n'),
  );
  sim.audit(at, cw, 'create', 'order', order.id);
  sim.finalizers.push(() => writeOrder(sim, order));
  const received: TaskDraft = {
    kind: 'order_received',
    at,
    orderId: order.id,
    unitId: offer.unitId,
    record: { type: 'order', ref: { id: order.id } },
    summary: goals.map((goal, i) => `Mål ${i + 1}: ${goalText(sim, goal)}`).join(' · '),
    doneBy: null,
    // A new order waits for the provider's answer (accept, ask or decline), not for a mark.
    waits: true,
  };
  sim.task(received);

  // The provider accepts and starts the support, or first asks about the order and waits for the answer.
  const waiting = sim.plan.script?.orderQuestion || sim.plan.script?.awaitingAcceptance;
  const accepted = waiting ? null : sim.after(orderedOn, 1, sim.plan.script || rng.chance(0.94) ? 8 : 30);
  if (!accepted || accepted >= stopBy) {
    // (A database before the task inbox has no held order: the upgrade test loads the demo at 0011.)
    if (sim.g.schema.tasks && (sim.plan.script?.orderQuestion || rng.chance(0.35)))
      holdWithQuestion(sim, order, received, stopBy);
    return { end: 'running' };
  }
  const provider = providerOf(sim, offer);
  const granted = decision.startDate ?? decision.decidedOn;
  let start = addDays(accepted > granted ? accepted : granted, rng.int(0, 3));
  if (start >= g.today) start = accepted;
  const acceptedAt = sim.at(accepted);
  sim.audit(new Date(acceptedAt.getTime() - 120_000), provider, 'read', 'order', order.id);
  order.acceptedOn = accepted;
  order.actualStart = start;
  order.version += 1;
  sim.meet('start', start);
  sim.journal(
    acceptedAt,
    provider,
    'order_accepted',
    `Bestilling accepteret af ${offer.name}; støtten starter ${danishDate(start)}`,
    null,
  );
  sim.audit(acceptedAt, provider, 'update', 'order', order.id, { change: 'accepted' });
  received.doneBy = { at: acceptedAt, actor: provider, resolution: 'followed_up' };

  subgoals(sim, order, start, stopBy);
  if (rng.chance(0.25)) providerQuestion(sim, order, start, stopBy);

  // Follow-up periods: statuses and journal until the follow-up date, then the caseworker's outcome.
  let from = start;
  for (let round = 0; round < 20; round++) {
    const heldOn = workingDayAfter(order.followUp, rng.chance(0.85) ? rng.int(-5, 3) : rng.int(10, 40));
    const periodEnd = heldOn < stopBy ? heldOn : stopBy;
    fkoStatuses(sim, order, periodEnd);
    journal(sim, order, from, periodEnd);
    if (heldOn >= stopBy) return { end: 'running' };
    from = heldOn;
    const outcome = followUpOutcome(sim, order, heldOn);
    if (outcome === 'continue') {
      continueSupport(sim, order, heldOn);
      continue;
    }
    if (outcome === 'revisit') {
      const revisitAt = sim.step(heldOn);
      sim.reads(revisitAt, cw);
      sim.act('reopen_for_new_decision', revisitAt);
      sim.journal(revisitAt, cw, 'revisitation', 'Revisitation påbegyndt', rng.pick(REASONS.revisitation));
      sim.audit(revisitAt, cw, 'update', 'case', sim.id, { change: 'revisitation' });
      return { end: 'new_decision', cause: 'revisit' };
    }
    const stop = await stopSupport(sim, order, heldOn, outcome);
    return outcome === 'end' ? { end: 'closed', stop } : { end: 'new_decision', cause: 'refer', stop };
  }
  return { end: 'running' };
}

function goalText(sim: CaseSim, goal: GoalState): string {
  const [text] = GOALS[goal.theme]?.[goal.position % 2] ?? ['klarer hverdagen'];
  return `${sim.citizen.firstName} ${text}`;
}

/** What the caseworker decides at a follow-up: support time-limited by law is ended, extended or referred at its end. */
function followUpOutcome(sim: CaseSim, order: OrderState, heldOn: PlainDate): 'continue' | 'end' | 'end_and_refer' | 'revisit' {
  const { rng } = sim;
  if (sim.plan.script?.keepRunning) return 'continue';
  if (sim.complaintOpenUntil && sim.complaintOpenUntil >= heldOn) return 'continue';
  const limit = order.decision.timeLimitUntil;
  if (limit && limit <= addDays(heldOn, 45)) {
    return rng.weighted([
      ['end', 50],
      ['revisit', 40],
      ['end_and_refer', 10],
    ] as const);
  }
  const rest = 1 - sim.g.size.continueShare;
  return rng.weighted([
    ['continue', sim.g.size.continueShare],
    ['end', rest * 0.64],
    ['end_and_refer', rest * 0.14],
    ['revisit', rest * 0.22],
  ] as const);
}

function continueSupport(sim: CaseSim, order: OrderState, heldOn: PlainDate): void {
  const cw = sim.caseworker;
  const at = sim.step(heldOn);
  sim.audit(new Date(at.getTime() - 240_000), cw, 'read', 'order', order.id);
  const next = workingDayAfter(addMonths(heldOn, 6), 0);
  const limit = order.decision.timeLimitUntil;
  order.followUp = limit && limit < next ? workingDayAfter(addDays(limit, -30), 0) : next;
  if (order.followUp <= heldOn) order.followUp = workingDayAfter(heldOn, 14);
  const note = sim.rng.pick(FOLLOW_UP_NOTES.continue);
  sim.bump(at);
  const id = sim.m.ids('follow_up').next();
  sim.add(
    'follow_up',
    {
      id,
      municipality_id: sim.m.id,
      case_id: sim.id,
      order_id: order.id,
      held_on: heldOn,
      outcome: 'continue',
      note,
      next_follow_up: order.followUp,
      decision_id: null,
      held_by_name: cw.name,
      created_at: at.toISOString(),
    },
    at,
  );
  sim.journal(at, cw, 'follow_up', 'Opfølgning: indsatsen fortsætter', note);
  sim.audit(at, cw, 'create', 'follow_up', id, { outcome: 'continue' });
}

/**
 * Ending support is a stop decision with a letter and complaint guidance; housing support (§ 85) continues 4 weeks
 * (`supportEndsAfterStop`). The goals end with the order and get their final FKO status.
 */
async function stopSupport(
  sim: CaseSim,
  order: OrderState,
  heldOn: PlainDate,
  outcome: 'end' | 'end_and_refer',
): Promise<DecisionState> {
  const { rng, m } = sim;
  const cw = sim.caseworker;
  const at = sim.step(heldOn);
  sim.audit(new Date(at.getTime() - 240_000), cw, 'read', 'order', order.id);
  const d = order.decision;
  const { endsOn, continuation } = supportEndsAfterStop(d.legalBasis, heldOn, m.rules);
  const complaint = sim.compute('complaint', heldOn);
  const reasons = rng.pick(REASONS.stop);
  const hearingDone = rng.chance(0.8);
  const doc = await sim.letter(
    'decision_letter',
    heldOn,
    at,
    cw,
    stopLetter({
      serviceTitle: d.version.title,
      legalBasis: d.legalBasis,
      offerName: order.offer.name,
      serviceLevel: {
        municipalityName: m.name,
        legalBasis: d.legalBasis,
        versionNumber: d.version.number,
        inForceFrom: d.version.inForceFrom,
      },
      continuesUntil: continuation ? continuation.counted : null,
      endsOn,
      reasons,
      partyHearing: hearingDone ? { held: true } : { held: false, why: NOT_NEEDED_HEARING },
      referred: outcome === 'end_and_refer',
      complaint: complaintGuidanceOf({
        content: d.version,
        letterhead: m.letterhead,
        due: complaint.due,
        rules: m.rules,
        caseworker: cw.name,
      }),
    }),
  );
  const stop: DecisionState = {
    id: m.ids('decision').next(),
    kind: 'stop',
    outcome: 'refused',
    version: d.version,
    legalBasis: d.legalBasis,
    weeklyHours: null,
    profileCode: null,
    moduleDays: null,
    startDate: null,
    timeLimitUntil: null,
    decidedOn: heldOn,
    reasons,
    guidance: true,
    letter: doc.letter,
  };
  sim.decisions.push(stop);
  sim.add(
    'decision',
    {
      id: stop.id,
      municipality_id: m.id,
      case_id: sim.id,
      kind: 'stop',
      outcome: 'refused',
      legal_basis: d.legalBasis,
      service_description_version_id: d.version.id,
      weekly_hours: null,
      profile_code: null,
      module_days: null,
      start_date: null,
      time_limit_until: null,
      reasons,
      party_hearing: hearingDone ? 'done' : 'not_needed',
      party_hearing_note: hearingDone ? null : NOT_NEEDED_HEARING,
      decided_on: heldOn,
      decided_by: cw.userId,
      letter_document_id: doc.id,
      created_at: at.toISOString(),
    },
    at,
  );
  order.endsOn = endsOn;
  order.endedReason = outcome;
  order.version += 1;
  for (const goal of order.goals) goal.endedOn ??= endsOn;
  if (continuation) sim.deadline(continuation, at);
  sim.deadline(complaint, at);
  const note = rng.pick(FOLLOW_UP_NOTES[outcome]);
  if (outcome === 'end') {
    sim.act('close', at);
  } else {
    sim.act('reopen_for_new_decision', at);
  }
  const id = m.ids('follow_up').next();
  sim.add(
    'follow_up',
    {
      id,
      municipality_id: m.id,
      case_id: sim.id,
      order_id: order.id,
      held_on: heldOn,
      outcome,
      note,
      next_follow_up: null,
      decision_id: stop.id,
      held_by_name: cw.name,
      created_at: at.toISOString(),
    },
    at,
  );
  sim.journal(
    at,
    cw,
    'follow_up',
    `Opfølgning: indsatsen ${outcome === 'end' ? 'afsluttes' : 'afsluttes – ny indsats'}`,
    note,
    doc.id,
  );
  sim.audit(at, cw, 'create', 'follow_up', id, { outcome });
  finalStatuses(sim, order, endsOn);
  return stop;
}

/** The provider's final status on each goal when the plan ends (FKO), a few days after. */
function finalStatuses(sim: CaseSim, order: OrderState, endsOn: PlainDate): void {
  for (const goal of order.goals) {
    const on = addDays(endsOn, sim.rng.int(0, 10));
    if (on >= sim.g.today || !order.actualStart) continue;
    score(sim, order, goal, on, 'final');
  }
}

/** The quarterly statuses due before `until`, each scored near its due date (a few late, a few not yet). */
function fkoStatuses(sim: CaseSim, order: OrderState, until: PlainDate): void {
  const { rng } = sim;
  if (!order.actualStart) return;
  for (const goal of order.goals) {
    for (let n = 0; n < 40; n++) {
      const next = nextFkoStatus(
        {
          start: order.actualStart,
          statuses: goal.statuses.map((s) => ({ scoredOn: s.scoredOn, kind: s.kind })),
          endsOn: order.endsOn ?? goal.endedOn,
        },
        sim.m.rules,
      );
      if (!next || next.kind === 'final') break;
      // A status the provider has not scored yet: the latest one due, for a scripted overdue status.
      if (sim.plan.script?.fkoOverdue && next.due >= addDays(sim.g.today, -90)) break;
      const late = rng.chance(0.1);
      const last = goal.statuses.at(-1)?.scoredOn ?? order.actualStart;
      let on = addDays(next.due, late ? rng.int(10, 40) : rng.int(-10, 5));
      if (on <= last) on = addDays(last, 1);
      if (on >= until) break;
      score(sim, order, goal, on, 'quarterly');
    }
  }
}

function score(sim: CaseSim, order: OrderState, goal: GoalState, on: PlainDate, kind: 'quarterly' | 'final'): void {
  const { rng } = sim;
  const provider = providerOf(sim, order.offer);
  const previous = goal.statuses.at(-1)?.rank ?? goal.baselineRank;
  // Progress drifts towards the target: most goals keep or gain mastery (Randers' baseline: about 60 %).
  const move = rng.weighted([
    [-1, previous > goal.targetRank ? 35 : 12],
    [0, 50],
    [1, 13],
  ] as const);
  const rank = Math.max(0, Math.min(4, previous + move));
  goal.statuses.push({ scoredOn: on, kind, rank });
  goal.version += 1;
  const at = instantAt(on, rng.int(9 * 60, 15 * 60));
  const id = sim.m.ids('fko_status').next();
  const justification = rng.pick(FKO_JUSTIFICATIONS[move < 0 ? 'better' : move > 0 ? 'worse' : 'same']);
  sim.add(
    'fko_status',
    {
      id,
      municipality_id: sim.m.id,
      order_id: order.id,
      goal_id: goal.id,
      kind,
      scored_on: on,
      support_need_code: needCode(rank),
      justification,
      scored_by_name: provider.name,
      created_at: at.toISOString(),
    },
    at,
  );
  sim.journal(
    at,
    provider,
    'fko_status',
    `${kind === 'final' ? 'Slutstatus' : 'FKO-status'} på mål ${goal.position} fra ${order.offer.name}`,
    justification,
  );
  sim.audit(at, provider, 'create', 'fko_status', id);
  sim.task({
    kind: 'fko_status',
    at,
    orderId: order.id,
    unitId: null,
    record: { type: 'fko_status', ref: { id } },
    summary: `${kind === 'final' ? 'Slutstatus' : 'FKO-status'} på mål ${goal.position}: ${justification}`,
    doneBy: null,
  });
}

function journal(sim: CaseSim, order: OrderState, from: PlainDate, until: PlainDate): void {
  const { rng } = sim;
  const perMonth = sim.g.size.journalPerMonth;
  if (!perMonth || !order.goals.length) return;
  const days = daysBetween(from, until);
  const count = Math.round((days / 30) * perMonth);
  const written: PlainDate[] = [];
  for (let i = 0; i < count; i++) written.push(workingDayAfter(from, rng.int(0, Math.max(0, days - 1))));
  for (const on of written.sort()) {
    if (on >= until || on >= sim.g.today) continue;
    const provider = providerOf(sim, order.offer);
    const goal = rng.pick(order.goals);
    const at = instantAt(on, rng.int(9 * 60, 16 * 60));
    sim.add(
      'order_journal',
      {
        id: 0,
        municipality_id: sim.m.id,
        order_id: order.id,
        goal_id: goal.id,
        written_on: on,
        body: rng.pick(JOURNAL_TEXTS),
        author_name: provider.name,
        created_at: at.toISOString(),
      },
      at,
    );
    sim.g.audit.add(sim.m, {
      at,
      actor: provider,
      action: 'create',
      purpose: 'follow_up',
      citizenIndex: sim.citizen.index,
      recordType: 'order_journal',
      recordId: null,
    });
  }
}

function subgoals(sim: CaseSim, order: OrderState, start: PlainDate, until: PlainDate): void {
  for (const goal of order.goals) {
    if (!sim.rng.chance(0.4)) continue;
    const on = workingDayAfter(start, sim.rng.int(7, 30));
    if (on >= until) continue;
    const provider = providerOf(sim, order.offer);
    const at = instantAt(on, sim.rng.int(9 * 60, 15 * 60));
    const id = sim.m.ids('order_subgoal').next();
    sim.add(
      'order_subgoal',
      {
        id,
        municipality_id: sim.m.id,
        order_id: order.id,
        goal_id: goal.id,
        text: sim.rng.pick(SUBGOALS),
        target_date: addMonths(on, 2),
        created_by_name: provider.name,
        created_at: at.toISOString(),
      },
      at,
    );
    sim.audit(at, provider, 'create', 'order_subgoal', id);
  }
}

function providerQuestion(sim: CaseSim, order: OrderState, start: PlainDate, until: PlainDate): void {
  const asked = workingDayAfter(start, sim.rng.int(10, 60));
  if (asked >= until) return;
  const [question, answer] = sim.rng.pick(PROVIDER_QUESTIONS);
  const provider = providerOf(sim, order.offer);
  const at = instantAt(asked, sim.rng.int(9 * 60, 15 * 60));
  const ref = sim.message(
    at,
    provider,
    {
      channel: 'provider',
      fromParty: 'provider',
      orderId: order.id,
      body: question,
      authorName: `${provider.name}, ${order.offer.name}`,
    },
    `Besked fra ${order.offer.name}`,
  );
  sim.task({
    kind: 'provider_message',
    at,
    orderId: order.id,
    unitId: null,
    record: { type: 'case_message', ref },
    summary: question,
    doneBy: null,
  });
  const answered = workingDayAfter(asked, sim.rng.int(0, 3));
  if (answered >= until) return;
  const at2 = instantAt(answered, sim.rng.int(9 * 60, 15 * 60) + 1);
  const answeredAt = at2 > at ? at2 : new Date(at.getTime() + 600_000);
  const answerRef = sim.message(
    answeredAt,
    sim.caseworker,
    { channel: 'provider', fromParty: 'authority', orderId: order.id, body: answer },
    `Besked til ${order.offer.name}`,
  );
  sim.task({
    kind: 'authority_message',
    at: answeredAt,
    orderId: order.id,
    unitId: order.offer.unitId,
    record: { type: 'case_message', ref: answerRef },
    summary: answer,
    doneBy: null,
  });
}

/**
 * The provider asks about a new order before accepting it and holds it (rules/follow-up/order-actions.ts: ordered →
 * on hold); the question waits in the caseworker's inbox until it is answered.
 */
function holdWithQuestion(sim: CaseSim, order: OrderState, received: TaskDraft, until: PlainDate): void {
  const asked = sim.after(order.orderedOn, 1, 2);
  if (!asked || asked >= until) return;
  const provider = providerOf(sim, order.offer);
  const question = sim.rng.pick(ORDER_QUESTIONS);
  const at = instantAt(asked, sim.rng.int(9 * 60, 15 * 60));
  order.onHold = true;
  order.version += 1;
  sim.audit(new Date(at.getTime() - 120_000), provider, 'read', 'order', order.id);
  const ref = sim.message(
    at,
    provider,
    {
      channel: 'provider',
      fromParty: 'provider',
      orderId: order.id,
      body: question,
      authorName: `${provider.name}, ${order.offer.name}`,
    },
    `Spørgsmål fra ${order.offer.name} om bestillingen`,
  );
  sim.task({
    kind: 'provider_question',
    at,
    orderId: order.id,
    unitId: null,
    record: { type: 'case_message', ref },
    summary: question,
    doneBy: null,
    waits: true,
  });
  received.doneBy = { at, actor: provider, resolution: 'followed_up' };
  sim.audit(new Date(at.getTime() + 1000), provider, 'update', 'order', order.id, { change: 'on_hold' });
}

/** Delivered ATA hours per completed week, around the frame; a deviating order falls to half in its last weeks. */
function hours(sim: CaseSim, order: OrderState): void {
  const weekly = order.decision.weeklyHours;
  if (weekly === null || !order.actualStart) return;
  const { rng } = sim;
  const current = isoWeekStart(sim.g.today);
  // Completed weeks only: up to last week, or the week the order ended in if that was earlier.
  const lastWeek = addWeeks(current, -1);
  const last = order.endsOn && isoWeekStart(order.endsOn) < lastWeek ? isoWeekStart(order.endsOn) : lastWeek;
  let first = isoWeekStart(order.actualStart);
  const keep = addWeeks(last, -(sim.g.size.hoursWeeks - 1));
  if (first < keep) first = keep;
  const provider = order.offer.staff[0] ?? sim.caseworker;
  for (let w = first; w <= last; w = addWeeks(w, 1)) {
    if (rng.chance(0.03)) continue;
    const deviating = order.deviating && daysBetween(w, last) < 7 * 6;
    const factor = deviating ? rng.stepped(0.3, 0.6, 0.05) : rng.stepped(0.85, 1.1, 0.05);
    const value = Math.min(168, Math.max(0, Math.round(weekly * factor * 4) / 4));
    sim.g.writer.add('delivered_hours', {
      id: sim.m.ids('delivered_hours').next(),
      municipality_id: sim.m.id,
      order_id: order.id,
      week_start: w,
      hours: value,
      registered_by_name: provider.name,
      updated_at: instantAt(addDays(w, 4), 15 * 60).toISOString(),
    });
  }
}

function writeOrder(sim: CaseSim, o: OrderState): void {
  const w = sim.g.writer;
  w.add('case_order', {
    id: o.id,
    municipality_id: sim.m.id,
    case_id: sim.id,
    decision_id: o.decision.id,
    offer_id: o.offer.id,
    ordered_on: o.orderedOn,
    first_follow_up: o.followUp,
    action_plan: o.actionPlan ? JSON.stringify(o.actionPlan) : null,
    status: o.acceptedOn ? 'accepted' : o.onHold ? 'on_hold' : 'ordered',
    accepted_on: o.acceptedOn,
    actual_start: o.actualStart,
    ends_on: o.endsOn,
    ended_reason: o.endedReason,
    version: o.version,
    created_at: o.createdAt,
  });
  for (const goal of o.goals as (GoalState & { targetDate: PlainDate })[]) {
    const [, indicator] = GOALS[goal.theme]?.[goal.position % 2] ?? ['', 'Antal gange om ugen uden støtte'];
    w.add('order_goal', {
      id: goal.id,
      municipality_id: sim.m.id,
      order_id: o.id,
      position: goal.position,
      text: goalText(sim, goal),
      indicator,
      target_date: goal.targetDate,
      condition_code: ASSESSMENT_THEMES.find((t) => t.display === goal.theme)?.code ?? '',
      goal_type_code: GOAL_TYPES.find((t) => t.key === goal.goalTypeKey)?.code ?? '',
      baseline_support_need_code: needCode(goal.baselineRank),
      target_support_need_code: needCode(goal.targetRank),
      version: goal.version,
      ended_on: goal.endedOn,
    });
  }
  hours(sim, o);
}
