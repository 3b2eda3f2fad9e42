import { addMonths, addYears } from '../../../../rules/calendar/date-arithmetic.ts';
import { APPROVAL_RULES, approvalNeeded, approvalThreshold } from '../../../../rules/cases/decision-approval.ts';
import { decisionFrameProblems, reducesSupport } from '../../../../rules/cases/decision-rules.ts';
import { versionInForce } from '../../../../rules/catalogue/version-lifecycle.ts';
import { profileInBands } from '../../../../rules/profiles/citizen-profiles.ts';
import { proposeSupport } from '../../../../rules/proposal/proposal-rules.ts';
import { dateProblems, legalTimeLimit } from '../../../../rules/records/date-constraints.ts';
import { mentionsParagraph } from '../../../../shared/catalogue/paragraphs.ts';
import type { PlainDate } from '../../../../shared/plain-date.ts';
import { complaintGuidanceOf } from '../../../modules/decisions/index.ts';
import { decisionLetter, type Letter } from '../../../modules/letters/index.ts';
import type { ServiceVersionRef } from '../context.ts';
import { APPROVAL_JUSTIFICATIONS, NOT_NEEDED_HEARING, REASONS } from '../texts.ts';
import { addDays } from '../time.ts';
import type { CaseSim } from './case-sim.ts';

export type DecisionState = {
  id: string;
  kind: 'application' | 'revisitation' | 'stop';
  outcome: 'granted' | 'partly_granted' | 'refused';
  version: ServiceVersionRef;
  legalBasis: string;
  weeklyHours: number | null;
  profileCode: string | null;
  moduleDays: number | null;
  startDate: PlainDate | null;
  timeLimitUntil: PlainDate | null;
  decidedOn: PlainDate;
  reasons: string;
  /** Not fully in the citizen's favour: complaint guidance and a complaint deadline (forvaltningsloven § 25). */
  guidance: boolean;
  letter: Letter;
};

/** The service-level versions in force on `date`, one per description (rules: versionInForce). */
export function versionsInForce(versions: readonly ServiceVersionRef[], date: PlainDate): ServiceVersionRef[] {
  const byDescription = new Map<string, ServiceVersionRef[]>();
  for (const v of versions) byDescription.set(v.descriptionId, [...(byDescription.get(v.descriptionId) ?? []), v]);
  return [...byDescription.values()].flatMap((vs) => {
    const inForce = versionInForce(
      vs.map((v) => ({ number: v.number, status: 'approved' as const, inForceFrom: v.inForceFrom })),
      date,
    );
    return vs.filter((v) => v.number === inForce?.number);
  });
}

/** Quarter hours within a band (above, upTo]: strictly above its lower end, at most its upper. */
function hoursIn(sim: CaseSim, band: { above: number; upTo: number }): number {
  const low = Math.floor(band.above * 4 + 1) / 4;
  const high = Math.floor(band.upTo * 4) / 4;
  return high <= low ? high : sim.rng.stepped(low, high, 0.25);
}

/** Weekly hours by support need where a service level sets no hour bands (Norddjurs' quality standards). */
const HOURS_BY_NEED: readonly (readonly [number, number])[] = [
  [0.5, 1],
  [1, 2],
  [2, 4],
  [4, 8],
  [8, 14],
];

/** Why a decision is made: a new application, a new decision after a complaint, a revisitation, or a referral. */
export type DecisionCause = 'application' | 'complaint' | 'revisit' | 'refer';

function outcomeOf(sim: CaseSim, needRank: number, housing: boolean, cause: DecisionCause) {
  const scripted = cause === 'application' ? sim.plan.script?.outcome : undefined;
  if (scripted) return scripted;
  if (cause === 'complaint')
    return sim.rng.weighted([
      ['granted', 85],
      ['partly_granted', 15],
    ] as const);
  if (cause === 'revisit')
    return sim.rng.weighted([
      ['granted', 90],
      ['partly_granted', 10],
    ] as const);
  if (needRank <= 1)
    return sim.rng.weighted(
      housing
        ? ([
            ['refused', 85],
            ['partly_granted', 15],
          ] as const)
        : ([
            ['granted', 35],
            ['partly_granted', 20],
            ['refused', 45],
          ] as const),
    );
  if (needRank === 2 && housing)
    return sim.rng.weighted([
      ['granted', 40],
      ['partly_granted', 10],
      ['refused', 50],
    ] as const);
  return sim.rng.weighted([
    ['granted', 75],
    ['partly_granted', 13],
    ['refused', 12],
  ] as const);
}

/**
 * The decision (afgørelse): against the service-level version in force on its date, with the frame the proposal
 * rule points to (profile band → hours inside it), the legal time limit, reasons, the party hearing and the letter;
 * it meets the decision deadline and starts the start and complaint deadlines. Returns null when it is not made by
 * today (the case waits in assessment, its deadline running or overdue).
 */
export async function decide(
  sim: CaseSim,
  cause: DecisionCause,
  beforeDeciding: (decidedOn: PlainDate) => Promise<void>,
): Promise<DecisionState | null> {
  const { rng, plan, m } = sim;
  const a = sim.assessment;
  if (!a?.complete) return null;
  const late = !plan.script && cause === 'application' && rng.chance(0.12);
  const on = plan.script
    ? sim.after(sim.day, 5, 20)
    : plan.dayOffer
      ? sim.after(sim.day, late ? 40 : 5, late ? 70 : 35)
      : sim.after(sim.day, late ? 70 : 8, late ? 110 : 60);
  if (!on) return null;
  await beforeDeciding(on);
  const inForce = versionsInForce(m.versions, on);
  const candidates = inForce.filter((v) => mentionsParagraph(v.legalBasis, plan.paragraph));
  if (!candidates.length) throw new Error(`generator: no service level for § ${plan.paragraph} in force on ${on} in ${m.code}`);
  const housing = plan.paragraph === '107' || plan.paragraph === '108';
  const outcome = outcomeOf(sim, a.needRank, housing, cause);
  const version = candidates.length === 1 ? (candidates[0] as ServiceVersionRef) : rng.pick(candidates);
  if (plan.script?.awaitingApproval && cause === 'application' && outcome !== 'refused') {
    proposeForApproval(sim, version, on);
    return null;
  }
  const previous = [...sim.decisions].reverse().find((d) => d.kind !== 'stop' && d.outcome !== 'refused');
  const kind = sim.hasOrder ? 'revisitation' : 'application';

  let weeklyHours: number | null = null;
  let moduleDays: number | null = null;
  let startDate: PlainDate | null = null;
  let timeLimitUntil: PlainDate | null = null;
  if (outcome !== 'refused') {
    startDate = addDays(on, rng.int(0, 14));
    if (plan.dayOffer) {
      moduleDays =
        outcome === 'partly_granted'
          ? rng.int(1, 2)
          : rng.weighted([
              [2, 30],
              [3, 35],
              [4, 30],
              [5, 5],
            ] as const);
    } else if (version.bands.length) {
      const proposal = proposeSupport({
        supportNeedCode: a.supportNeedCode,
        themeLevels: [...a.levels].map(([themeCode, levelCode]) => ({ themeCode, levelCode })),
        dayOffer: false,
        candidates: [{ versionId: version.id, title: version.title, legalBasis: version.legalBasis, bands: version.bands }],
      });
      const index = proposal.profile ? version.bands.findIndex((b) => b.code === proposal.profile?.code) : 1;
      const band = version.bands[Math.max(0, outcome === 'partly_granted' ? index - 1 : index)] ?? version.bands[0];
      weeklyHours = band ? hoursIn(sim, band) : 1;
    } else {
      const [low, high] = HOURS_BY_NEED[Math.max(0, a.needRank - (outcome === 'partly_granted' ? 1 : 0))] ?? [1, 2];
      weeklyHours = rng.stepped(low, high, 0.25);
    }
    const limit = legalTimeLimit(version.legalBasis, startDate, m.rules);
    if (limit) {
      // Where the law limits support (§ 82: 6 months, § 107: 3 years), the grant is time-limited within it.
      const wanted = mentionsParagraph(version.legalBasis, '107') ? addYears(startDate, rng.int(1, 2)) : limit;
      timeLimitUntil = wanted < limit ? wanted : limit;
    } else if (!plan.dayOffer && mentionsParagraph(version.legalBasis, '85') && rng.chance(0.4)) {
      timeLimitUntil = addMonths(startDate, rng.pick([6, 12]));
    }
  }
  const problems = [
    ...decisionFrameProblems({ outcome, legalBasis: version.legalBasis, weeklyHours, moduleDays }, version.bands),
    ...dateProblems(
      'decision',
      { decidedOn: on, startDate, timeLimitUntil },
      {
        today: on,
        'request.receivedOn': plan.openedOn,
        'law.maximumEnd': startDate ? legalTimeLimit(version.legalBasis, startDate, m.rules) : null,
      },
    ),
  ];
  if (problems.length) throw new Error(`generator: decision frame refused by the rules: ${JSON.stringify(problems)}`);
  const profileCode = weeklyHours !== null ? (profileInBands(version.bands, weeklyHours)?.code ?? null) : null;
  const reduces =
    kind === 'revisitation' &&
    reducesSupport(
      previous ? { outcome: previous.outcome, weeklyHours: previous.weeklyHours, moduleDays: previous.moduleDays } : null,
      { outcome, weeklyHours, moduleDays },
    );
  const guidance = outcome !== 'granted' || reduces;
  // A partial grant says what was applied for (the request) and what is refused (beyond the frame granted).
  const partial =
    outcome === 'partly_granted'
      ? {
          appliedFor: sim.what,
          refused:
            moduleDays !== null
              ? `Dagtilbud mere end ${moduleDays} dage om ugen.`
              : `Støtte ud over ${String(weeklyHours ?? 0).replace('.', ',')} timer om ugen.`,
        }
      : null;
  const complaint = guidance ? sim.compute('complaint', on) : null;
  const reasons = rng.pick(cause === 'revisit' ? REASONS.revisitation : REASONS[outcome]);
  const hearingDone = outcome !== 'granted' || rng.chance(0.6);

  const cw = sim.caseworker;
  const at = sim.step(on);
  if (rng.chance(0.7)) {
    sim.audit(new Date(at.getTime() - 300_000), cw, 'read', 'assessment', a.id, { view: 'proposal' });
  }
  sim.reads(at, cw);
  const doc = await sim.letter(
    'decision_letter',
    on,
    at,
    cw,
    decisionLetter({
      outcome,
      municipalityName: m.name,
      service: {
        title: version.title,
        legalBasis: version.legalBasis,
        versionNumber: version.number,
        inForceFrom: version.inForceFrom,
      },
      frame: { weeklyHours, profileCode, moduleDays, startsOn: startDate ?? on, timeLimitUntil },
      partial: partial ? { appliedFor: partial.appliedFor, refused: partial.refused } : null,
      reasons,
      partyHearing: hearingDone ? { held: true } : { held: false, why: NOT_NEEDED_HEARING },
      complaint: complaint
        ? complaintGuidanceOf({
            content: version,
            letterhead: m.letterhead,
            due: complaint.due,
            rules: m.rules,
            caseworker: cw.name,
          })
        : null,
    }),
  );
  const decision: DecisionState = {
    id: m.ids('decision').next(),
    kind,
    outcome,
    version,
    legalBasis: version.legalBasis,
    weeklyHours,
    profileCode,
    moduleDays,
    startDate,
    timeLimitUntil,
    decidedOn: on,
    reasons,
    guidance,
    letter: doc.letter,
  };
  sim.decisions.push(decision);
  sim.add(
    'decision',
    {
      id: decision.id,
      municipality_id: m.id,
      case_id: sim.id,
      kind,
      outcome,
      legal_basis: version.legalBasis,
      service_description_version_id: version.id,
      weekly_hours: weeklyHours,
      profile_code: profileCode,
      module_days: moduleDays,
      start_date: startDate,
      time_limit_until: timeLimitUntil,
      reasons,
      party_hearing: hearingDone ? 'done' : 'not_needed',
      party_hearing_note: hearingDone ? null : NOT_NEEDED_HEARING,
      decided_on: on,
      decided_by: cw.userId,
      letter_document_id: doc.id,
      created_at: at.toISOString(),
    },
    at,
  );
  sim.meet(plan.dayOffer ? 'decision_day_offer' : 'decision', on);
  sim.lapse(['start', 'complaint'], on);
  if (outcome !== 'refused') sim.deadline(sim.compute('start', on), at);
  if (complaint) sim.deadline(complaint, at);
  sim.act(outcome === 'refused' ? 'decide_refuse' : 'decide_grant', at);
  sim.journal(
    at,
    cw,
    'decision',
    `Afgørelse: ${{ granted: 'bevilget', partly_granted: 'delvist bevilget', refused: 'afslag' }[outcome]}`,
    reasons,
    doc.id,
  );
  sim.audit(at, cw, 'create', 'decision', decision.id);
  return decision;
}

/**
 * A grant above the highest citizen profile, proposed as the decision form sends it (modules/decisions decide): no
 * decision and no letter, the case waits in `awaiting_approval` with the caseworker's justification for the team
 * leader of their unit (rules/cases/decision-approval.ts). It starts a few weeks after the generated "today", so the
 * demo team leader can approve it on a fresh start (a decision's start is on or after the day it is made).
 */
function proposeForApproval(sim: CaseSim, version: ServiceVersionRef, on: PlainDate): void {
  const { rng, m } = sim;
  const rule = APPROVAL_RULES[0];
  if (!rule) throw new Error('generator: no approval rule');
  const thresholdHours = approvalThreshold(rule, version.bands);
  const weeklyHours = Math.min(168, Math.max(thresholdHours + 2, rng.pick([100, 105, 112, 119])));
  const need = approvalNeeded({ outcome: 'granted', weeklyHours }, version.bands);
  if (!need) throw new Error(`generator: ${weeklyHours} hours need no approval in ${m.code}`);
  const justification = rng.pick(APPROVAL_JUSTIFICATIONS);
  const proposal = {
    outcome: 'granted',
    serviceDescriptionVersionId: version.id,
    decidedOn: on,
    weeklyHours,
    moduleDays: null,
    startDate: addDays(sim.g.today, rng.int(7, 21)),
    timeLimitUntil: null,
    appliedFor: '',
    refusedPart: '',
    reasons: rng.pick(REASONS.granted),
    partyHearing: 'done',
    partyHearingNote: '',
    alongside: false,
    hoursJustification: justification,
  };
  const cw = sim.caseworker;
  const at = sim.step(on);
  sim.reads(at, cw);
  const id = m.ids('decision_approval').next();
  sim.add(
    'decision_approval',
    {
      municipality_id: m.id,
      id,
      case_id: sim.id,
      rule: need.rule,
      threshold_hours: need.thresholdHours,
      proposal: JSON.stringify(proposal),
      justification,
      requested_by: cw.userId,
      unit_id: cw.unitId,
      requested_at: at.toISOString(),
      status: 'pending',
    },
    at,
  );
  sim.act('request_approval', at);
  sim.journal(
    at,
    cw,
    'decision_approval_requested',
    `Afgørelse (bevilget, ${weeklyHours} timer om ugen) sendt til teamlederens godkendelse`,
    `Over den højeste borgerprofil (${need.thresholdHours} timer). Begrundelse: ${justification}`,
  );
  sim.audit(at, cw, 'create', 'decision_approval', id);
}
