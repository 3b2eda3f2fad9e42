import { mentionsParagraph } from '../../../../shared/catalogue/paragraphs.ts';
import type { PlainDate } from '../../../../shared/plain-date.ts';
import { missedDeadlineNoticeLetter, receiptLetter } from '../../../modules/letters/index.ts';
import type { Generation, Municipality } from '../context.ts';
import type { Rng } from '../random.ts';
import { CITIZEN_QUESTIONS, CLOSE_REASONS, NOTES, NOTICE_REASONS, OUTREACH_NOTES, REQUEST_TEXTS, REQUESTERS } from '../texts.ts';
import { addDays, daysBetween, instantAt, workingDayAfter } from '../time.ts';
import { assess } from './assessments.ts';
import { type CasePlan, type CaseScript, type CaseSim, close } from './case-sim.ts';
import { planComplaint, runComplaint } from './complaints.ts';
import { type DecisionCause, decide } from './decisions.ts';
import { runOrder } from './orders.ts';

/** The request (henvendelse) opens the case with its receipt and decision deadlines. */
function request(sim: CaseSim): void {
  const { rng, plan } = sim;
  const cw = sim.caseworker;
  const at = sim.step(plan.openedOn);
  const { title, what } = rng.pick(REQUEST_TEXTS[plan.paragraph] ?? REQUEST_TEXTS['85'] ?? []);
  sim.what = what;
  sim.title = title;
  const requestedBy = rng.weighted([
    ['citizen', 70],
    ['relative_with_consent', 15],
    ['professional', 15],
  ] as const);
  sim.add(
    'case_request',
    {
      id: sim.m.ids('case_request').next(),
      municipality_id: sim.m.id,
      case_id: sim.id,
      channel: plan.channel,
      received_on: plan.openedOn,
      requested_by: requestedBy,
      requester_name: requestedBy === 'citizen' ? null : rng.pick(REQUESTERS[requestedBy]),
      what,
      created_at: at.toISOString(),
    },
    at,
  );
  // The caseworker found the citizen by CPR or name before registering the request.
  const criterion = rng.chance(0.6) ? sim.citizen.cpr : sim.citizen.lastName;
  sim.g.audit.add(sim.m, {
    at: new Date(at.getTime() - 120_000),
    actor: cw,
    action: 'search',
    purpose: 'case_processing',
    citizenIndex: null,
    recordType: 'citizen',
    recordId: null,
    criterion,
    details: { hits: 1, page: 1 },
  });
  sim.audit(new Date(at.getTime() - 60_000), cw, 'read', 'citizen', sim.citizen.id);
  for (const kind of ['receipt', plan.dayOffer ? 'decision_day_offer' : 'decision'] as const) {
    sim.deadline(sim.compute(kind, plan.openedOn), at);
  }
  sim.journal(at, cw, 'request', 'Henvendelse modtaget', what);
  sim.audit(at, cw, 'create', 'case', sim.id);
}

/** The receipt letter meets the receipt deadline (most within the 14 days, some late). */
async function receipt(sim: CaseSim): Promise<boolean> {
  const on = sim.plan.script
    ? sim.after(sim.day, 1, 3)
    : sim.rng.chance(0.9)
      ? sim.after(sim.day, 1, 10)
      : sim.after(sim.day, 14, 24);
  if (!on) return false;
  const at = sim.step(on);
  const cw = sim.caseworker;
  sim.reads(at, cw);
  const decision = sim.deadlines.find((d) => d.kind === 'decision' || d.kind === 'decision_day_offer');
  const doc = await sim.letter(
    'receipt_letter',
    on,
    at,
    cw,
    receiptLetter({
      receivedOn: sim.plan.openedOn,
      what: sim.what,
      handledBy: cw.unitName ?? sim.m.name,
      dayOffer: sim.plan.dayOffer,
      decisionDue: decision?.due_date ?? null,
      note: '',
    }),
  );
  sim.meet('receipt', on);
  sim.act('send_receipt', at);
  sim.journal(at, cw, 'receipt', 'Kvittering sendt', null, doc.id);
  sim.audit(at, cw, 'create', 'case_document', doc.id);
  return true;
}

/** Outreach advice (Randers, seed 003): up to three clarifying talks, noted on the case. */
function outreach(sim: CaseSim, until: PlainDate): void {
  let day = sim.day;
  const talks = sim.rng.int(1, 3);
  for (let i = 0; i < talks; i++) {
    const on = sim.after(day, 2, 12);
    if (!on || on >= until) return;
    day = on;
    const at = sim.at(on);
    const note = OUTREACH_NOTES[i] ?? null;
    sim.add(
      'outreach_contact',
      {
        id: sim.m.ids('outreach_contact').next(),
        municipality_id: sim.m.id,
        case_id: sim.id,
        kind: 'clarifying_talk',
        held_on: on,
        note,
        created_at: at.toISOString(),
      },
      at,
    );
    sim.journal(at, sim.caseworker, 'outreach', 'Afklaringssamtale (fremskudt rådgivning)', note);
    sim.audit(at, sim.caseworker, 'update', 'case', sim.id, { change: 'outreach:clarifying_talk' });
  }
}

/** A journal note (notatpligt) on a working day between two dates. */
function note(sim: CaseSim, from: PlainDate, until: PlainDate): void {
  const on = sim.after(from, 1, 20);
  if (!on || on >= until) return;
  const at = sim.at(on);
  const [subject, body] = sim.rng.pick(NOTES);
  sim.reads(at, sim.caseworker);
  sim.journal(at, sim.caseworker, 'note', subject, body);
  sim.audit(at, sim.caseworker, 'update', 'case', sim.id, { change: 'note' });
}

/** A question from the citizen on their own page, and the caseworker's answer. */
function citizenMessages(sim: CaseSim, from: PlainDate): void {
  const on = sim.after(from, 1, 30);
  if (!on) return;
  const [question, answer] = sim.rng.pick(CITIZEN_QUESTIONS);
  const citizen = sim.citizenUser();
  const asked = instantAt(on, sim.rng.int(7 * 60, 21 * 60));
  sim.g.audit.add(sim.m, {
    at: new Date(asked.getTime() - 60_000),
    actor: citizen,
    action: 'read',
    purpose: 'citizen_self_service',
    citizenIndex: sim.citizen.index,
    recordType: 'own_overview',
    recordId: sim.citizen.id,
  });
  const ref = sim.message(
    asked,
    citizen,
    { channel: 'citizen', fromParty: 'citizen', orderId: null, body: question },
    'Besked fra borgeren',
  );
  sim.task({
    kind: 'citizen_message',
    at: asked,
    orderId: null,
    unitId: null,
    record: { type: 'case_message', ref },
    summary: question,
    doneBy: null,
  });
  const answered = sim.after(on, 0, 3);
  if (!answered) return;
  const at = sim.at(answered);
  sim.reads(at, sim.caseworker);
  sim.message(
    at,
    sim.caseworker,
    { channel: 'citizen', fromParty: 'authority', orderId: null, body: answer },
    'Besked til borgeren',
  );
}

/** The § 3, stk. 2 notice for a decision deadline that will not be kept: drafted a few days before it runs out. */
async function notice(sim: CaseSim, decidedOn: PlainDate | null): Promise<void> {
  const deadline = sim.deadlines.find(
    (d) => (d.kind === 'decision' || d.kind === 'decision_day_offer') && d.met_on === null && d.lapsed_on === null,
  );
  if (!deadline) return;
  const late = decidedOn === null ? deadline.due_date < sim.g.today : decidedOn > deadline.due_date;
  if (!late || !sim.rng.chance(0.6)) return;
  const on = workingDayAfter(addDays(deadline.due_date, -sim.rng.int(3, 8)), 0);
  if (on >= sim.g.today || on <= sim.day || (decidedOn !== null && on >= decidedOn)) return;
  const at = sim.at(on);
  const reason = sim.rng.pick(NOTICE_REASONS);
  const expectedBy = decidedOn ?? addDays(deadline.due_date, sim.rng.int(14, 45));
  const doc = await sim.letter(
    'missed_deadline_notice',
    on,
    at,
    sim.caseworker,
    missedDeadlineNoticeLetter({ kind: deadline.kind, due: deadline.due_date, reason, expectedBy }),
  );
  deadline.notice_sent_on = on;
  sim.act('send_deadline_notice', at);
  sim.journal(at, sim.caseworker, 'deadline_notice', 'Varsel om overskredet frist sendt', reason, doc.id);
  sim.audit(at, sim.caseworker, 'create', 'case_document', doc.id);
}

/** A referral moves the case up the intervention ladder: own home → temporary housing → long-term housing. */
function escalate(sim: CaseSim): void {
  const up: Record<string, string> = { '85': '107', '107': '108' };
  const next = up[sim.plan.paragraph];
  if (next && sim.m.versions.some((v) => mentionsParagraph(v.legalBasis, next))) sim.plan.paragraph = next;
}

/**
 * The whole life of a case: request, receipt, assessment, decisions (each with its complaint on its own track),
 * orders with their follow-up, and closing. Each step stops the story when its day has not come.
 */
export async function runCase(sim: CaseSim): Promise<void> {
  const { rng, plan } = sim;
  const stage = plan.script?.stage;
  request(sim);
  if (stage === 'request_received') return;
  if (plan.channel === 'outreach_advice') outreach(sim, addDays(sim.day, 40));
  if (!(await receipt(sim)) || stage === 'receipt_sent') return;
  if (rng.chance(0.4)) note(sim, sim.day, sim.lastDay);
  if (plan.script?.citizenMessages || rng.chance(0.12)) citizenMessages(sim, sim.day);
  if (!plan.script && rng.chance(0.03)) {
    const on = sim.after(sim.day, 3, 30);
    if (on) close(sim, on, CLOSE_REASONS.withdrawn);
    return;
  }
  let cause: DecisionCause = 'application';
  for (let round = 0; round < 6; round++) {
    if (cause === 'refer') escalate(sim);
    if (!(await assess(sim, round === 0, stage === 'assessment'))) {
      await notice(sim, null);
      return;
    }
    const decision = await decide(sim, cause, (on) => notice(sim, on));
    if (!decision) {
      if (round === 0) await notice(sim, null);
      return;
    }
    let next: DecisionCause | null = null;
    const pending = [decision];
    while (pending.length) {
      const d = pending.shift() as (typeof pending)[number];
      const complaint = planComplaint(sim, d);
      if (d.kind !== 'stop' && d.outcome !== 'refused' && stage !== 'decided') {
        const end = await runOrder(sim, d, complaint?.reopensOn ?? null);
        if (end.stop) pending.push(end.stop);
        if (end.cause) next = end.cause;
      }
      if (complaint) {
        if (await runComplaint(sim, d, complaint)) next = 'complaint';
      } else if (d.kind !== 'stop' && d.outcome === 'refused' && sim.status === 'refused' && !plan.script) {
        // A refusal that stands is closed once the complaint deadline has run out.
        const due = sim.deadlines.find((x) => x.kind === 'complaint' && x.from_date === d.decidedOn);
        const on = due && rng.chance(0.8) ? sim.after(due.due_date, 2, 20) : null;
        if (on) close(sim, on, CLOSE_REASONS.refusal_stands);
      }
    }
    if (!next) return;
    cause = next;
  }
}

/** Which paragraph a new case asks for, per the municipality's service levels in force. */
export function drawPlan(g: Generation, m: Municipality, rng: Rng, script: CaseScript | null): CasePlan {
  const paragraphs = [
    ...new Set(m.versions.flatMap((v) => PARAGRAPH_WEIGHTS.filter(([p]) => mentionsParagraph(v.legalBasis, p)))),
  ];
  const paragraph = script?.paragraph ?? rng.weighted(paragraphs);
  const days = daysBetween(m.historyStart, g.today);
  const backlog = rng.chance(g.size.backlogShare);
  const openedOn = script
    ? workingDayAfter(addDays(g.today, -script.openedDaysAgo), 0)
    : workingDayAfter(addDays(m.historyStart, rng.int(0, backlog ? Math.min(59, days - 1) : days - 1)), 0);
  const channel = rng.weighted(CHANNELS[m.code] ?? CHANNELS.default ?? []);
  return {
    paragraph,
    dayOffer: paragraph === '103' || paragraph === '104',
    openedOn: openedOn < g.today ? openedOn : addDays(g.today, -1),
    channel,
    script,
  };
}

const PARAGRAPH_WEIGHTS: readonly (readonly [string, number])[] = [
  ['85', 55],
  ['82', 20],
  ['104', 12],
  ['103', 8],
  ['107', 12],
  ['108', 8],
];

const CHANNELS: Record<string, readonly (readonly [CasePlan['channel'], number])[]> = {
  '730': [
    ['outreach_advice', 25],
    ['letter', 20],
    ['digital', 25],
    ['phone', 20],
    ['pre_visitation', 10],
  ],
  '760': [
    ['pre_visitation', 15],
    ['letter', 30],
    ['digital', 30],
    ['phone', 25],
  ],
  default: [
    ['letter', 35],
    ['digital', 35],
    ['phone', 30],
  ],
};
