import { APPEAL_OUTCOMES, type AppealOutcome, complaintTimeliness } from '../../../../rules/complaints/complaint-rules.ts';
import type { PlainDate } from '../../../../shared/plain-date.ts';
import { COMPLAINT_FORM_DA, forwardingLetter } from '../../../modules/letters/index.ts';
import type { Actor } from '../context.ts';
import { APPEAL_NOTES, CLOSE_REASONS, COMPLAINT_TEXTS, RECONSIDERATION_TEXTS } from '../texts.ts';
import { addDays, daysBetween, instantAt, isWorkingDay, workingDayAfter } from '../time.ts';
import { type CaseSim, close } from './case-sim.ts';
import type { DecisionState } from './decisions.ts';

export type ComplaintPlan = {
  form: 'written' | 'oral' | 'digital';
  receivedOn: PlainDate;
  receivedAt: string | null;
  text: string;
  timeliness: 'in_time' | 'late';
  reconsideredOn: PlainDate | null;
  outcome: 'upheld' | 'maintained' | null;
  appealOn: PlainDate | null;
  appealOutcome: AppealOutcome | null;
  /** The day the case goes back for a new decision (an upheld complaint, a changed or remitted appeal). */
  reopensOn: PlainDate | null;
};

const CHANCE: Record<DecisionState['kind'], number> = { application: 0.3, revisitation: 0.2, stop: 0.12 };

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * Whether the citizen complains about a decision, and how the complaint's own track runs (seed 001 "Klage"): received
 * within the 4 weeks (a few late, judged by `complaintTimeliness` against the stored deadline), reconsidered within
 * weeks, upheld or maintained and forwarded, and decided by Ankestyrelsen months later. Planned up front, because the
 * order track runs beside it: until the complaint is settled the support goes on unchanged. One complaint at a time.
 */
export function planComplaint(sim: CaseSim, d: DecisionState): ComplaintPlan | null {
  const { rng, g } = sim;
  if (!d.guidance) return null;
  if (sim.complaintOpenUntil && sim.complaintOpenUntil >= d.decidedOn) return null;
  // A stop that referred the case on (back in assessment) is not complained about here: the new decision follows.
  if (d.kind === 'stop' && sim.status !== 'closed') return null;
  const script = sim.plan.script?.complaint;
  const scripted = script !== undefined && script !== 'none' && d.kind === 'application';
  if (script === 'none' || (script && !scripted)) return null;
  const extra = d.outcome === 'partly_granted' ? -0.05 : 0;
  if (!scripted && !rng.chance(CHANCE[d.kind] + extra)) return null;
  const deadline = sim.deadlines.find((x) => x.kind === 'complaint' && x.from_date === d.decidedOn && x.lapsed_on === null);
  if (!deadline) return null;
  const form = scripted
    ? 'written'
    : rng.weighted([
        ['written', 50],
        ['oral', 30],
        ['digital', 20],
      ] as const);
  const late = !scripted && rng.chance(0.06);
  let receivedOn = late
    ? addDays(deadline.due_date, rng.int(1, 12))
    : addDays(d.decidedOn, rng.int(3, Math.max(3, Math.min(24, daysBetween(d.decidedOn, g.today) - 1))));
  if (!late && receivedOn > deadline.due_date) receivedOn = deadline.due_date;
  if (form !== 'digital' && !isWorkingDay(receivedOn)) receivedOn = workingDayAfter(receivedOn, 0);
  if (receivedOn >= g.today) return null;
  const receivedAt =
    form === 'oral' ? hhmm(rng.int(8 * 60, 15 * 60 + 30)) : form === 'digital' ? hhmm(rng.int(7 * 60, 22 * 60)) : null;
  const timeliness = complaintTimeliness(
    { on: receivedOn, at: receivedAt },
    { due: deadline.due_date, endsAtTime: deadline.ends_at_time },
  );
  const plan: ComplaintPlan = {
    form,
    receivedOn,
    receivedAt,
    text: rng.pick(COMPLAINT_TEXTS),
    timeliness,
    reconsideredOn: null,
    outcome: null,
    appealOn: null,
    appealOutcome: null,
    reopensOn: null,
  };
  const reconsideredOn = workingDayAfter(receivedOn, rng.int(5, 24));
  if (reconsideredOn < g.today && script !== 'in_reconsideration') {
    plan.reconsideredOn = reconsideredOn;
    plan.outcome =
      scripted || timeliness === 'late'
        ? 'maintained'
        : rng.weighted([
            ['upheld', 30],
            ['maintained', 70],
          ] as const);
    if (plan.outcome === 'upheld') plan.reopensOn = reconsideredOn;
    const appealOn = workingDayAfter(reconsideredOn, rng.int(40, 150));
    if (plan.outcome === 'maintained' && appealOn < g.today && script !== 'forwarded_pending') {
      plan.appealOn = appealOn;
      plan.appealOutcome = scripted
        ? 'confirmed'
        : timeliness === 'late'
          ? rng.weighted([
              ['dismissed', 70],
              ['confirmed', 30],
            ] as const)
          : rng.weighted([
              ['confirmed', 60],
              ['changed', 12],
              ['remitted', 13],
              ['dismissed', 15],
            ] as const);
      if (APPEAL_OUTCOMES[plan.appealOutcome].newDecision) plan.reopensOn = appealOn;
    }
  }
  sim.complaintOpenUntil = plan.outcome === 'upheld' ? reconsideredOn : (plan.appealOn ?? g.today);
  return plan;
}

/** Writes the complaint's track on the case; true when it sends the case back for a new decision. */
export async function runComplaint(sim: CaseSim, d: DecisionState, p: ComplaintPlan): Promise<boolean> {
  const { rng, m } = sim;
  const cw = sim.caseworker;
  const staff = p.form !== 'digital';
  const by: Actor = staff ? cw : sim.citizenUser();
  const minute = p.receivedAt ? Number(p.receivedAt.slice(0, 2)) * 60 + Number(p.receivedAt.slice(3)) : null;
  const at = minute === null ? sim.at(p.receivedOn) : instantAt(p.receivedOn, minute);
  const id = m.ids('complaint').next();
  if (staff) sim.reads(at, cw);
  sim.act('register_complaint', at);
  sim.meet('complaint', p.receivedOn);
  sim.deadline(sim.compute('forward_to_ankestyrelsen', p.receivedOn), at);
  sim.journal(
    at,
    by,
    'complaint',
    `Klage modtaget (${COMPLAINT_FORM_DA[p.form]})${p.timeliness === 'late' ? ' – efter klagefristen' : ''}`,
    p.text,
  );
  sim.audit(at, by, 'create', 'complaint', id);
  // A digital complaint from the citizen's own page lands in the caseworker's inbox.
  if (!staff) {
    sim.task({
      kind: 'citizen_complaint',
      at,
      orderId: null,
      unitId: null,
      record: { type: 'complaint', ref: { id } },
      summary: p.text,
      doneBy: null,
    });
  }

  let status: 'reconsideration' | 'upheld' | 'forwarded' | 'appeal_decided' = 'reconsideration';
  let version = 1;
  let forwardingDocumentId: string | null = null;
  let reopened = false;
  if (p.reconsideredOn && p.outcome) {
    const on = p.reconsideredOn;
    const rAt = sim.step(on);
    sim.reads(rAt, cw);
    const reasons = RECONSIDERATION_TEXTS[p.outcome];
    version++;
    if (p.outcome === 'upheld') {
      status = 'upheld';
      sim.act('reopen_for_new_decision', rAt);
      sim.lapse(['forward_to_ankestyrelsen'], on);
      sim.journal(rAt, cw, 'complaint_upheld', 'Genvurdering: klagen gives medhold – ny afgørelse', reasons);
      reopened = true;
    } else {
      status = 'forwarded';
      const doc = await sim.letter(
        'forwarding_letter',
        on,
        rAt,
        cw,
        forwardingLetter({
          municipalityName: m.name,
          citizenName: `${sim.citizen.firstName} ${sim.citizen.lastName}`,
          decision: {
            decidedOn: d.decidedOn,
            outcome: d.outcome,
            serviceTitle: d.version.title,
            legalBasis: d.legalBasis,
            versionNumber: d.version.number,
            reasons: d.reasons,
          },
          complaint: { form: p.form, receivedOn: p.receivedOn, receivedAt: p.receivedAt, timeliness: p.timeliness, text: p.text },
          reconsideration: { decidedOn: on, reasons },
          decisionLetter: d.letter,
        }),
      );
      forwardingDocumentId = doc.id;
      sim.meet('forward_to_ankestyrelsen', on);
      sim.journal(
        rAt,
        cw,
        'complaint_forwarded',
        'Genvurdering: afgørelsen fastholdes – sendt til Ankestyrelsen',
        reasons,
        doc.id,
      );
    }
    sim.audit(rAt, cw, 'update', 'complaint', id, { change: status });
  }
  if (p.appealOn && p.appealOutcome) {
    const on = p.appealOn;
    const aAt = sim.step(on);
    const effect = APPEAL_OUTCOMES[p.appealOutcome];
    status = 'appeal_decided';
    version++;
    if (effect.newDecision) {
      sim.act('reopen_for_new_decision', aAt);
      reopened = true;
    }
    sim.journal(
      aAt,
      cw,
      'appeal_result',
      `Ankestyrelsens afgørelse: ${effect.danish}${effect.newDecision ? ' – kommunen træffer ny afgørelse' : ''}`,
      APPEAL_NOTES[p.appealOutcome],
    );
    sim.audit(aAt, cw, 'update', 'complaint', id, { change: 'appeal_result', outcome: p.appealOutcome });
    if (!effect.newDecision && sim.status === 'refused' && (sim.plan.script || rng.chance(0.7))) {
      const closeOn = sim.after(on, 1, 10);
      if (closeOn) close(sim, closeOn, CLOSE_REASONS.appeal_confirmed);
    }
  }
  const row = {
    id,
    municipality_id: m.id,
    case_id: sim.id,
    decision_id: d.id,
    form: p.form,
    received_on: p.receivedOn,
    received_at: p.receivedAt,
    text: p.text,
    timeliness: p.timeliness,
    status,
    reconsidered_on: p.reconsideredOn,
    reconsideration_reasons: p.outcome ? RECONSIDERATION_TEXTS[p.outcome] : null,
    forwarded_on: status === 'forwarded' || status === 'appeal_decided' ? p.reconsideredOn : null,
    forwarding_document_id: forwardingDocumentId,
    appeal_outcome: p.appealOutcome,
    appeal_decided_on: p.appealOn,
    appeal_note: p.appealOutcome ? APPEAL_NOTES[p.appealOutcome] : null,
    registered_by: staff ? cw.userId : null,
    version,
    created_at: at.toISOString(),
  };
  sim.finalizers.push(() => sim.g.writer.add('complaint', row));
  return reopened;
}
