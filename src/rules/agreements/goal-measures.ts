import { MEASURE_KEYS, type MeasureKey, STAY_OUTCOMES, type StayOutcome } from '../../shared/agreements/agreements.schema.ts';
import type { PlainDate } from '../../shared/plain-date.ts';
import { addDays, daysBetween } from '../calendar/date-arithmetic.ts';
import { classifyProgress, type ScoredGoal } from '../follow-up/goal-progress.ts';
import { type AgreementTheme, themeOfCondition } from './goal-themes.ts';

/**
 * How a goal's value is measured from the cases: each definition has a key and a version, and a measurement stores
 * both, so a status report says which definition gave its figure. A changed definition gets a new version; the old
 * figures keep theirs.
 */

export const MEASURE_DEFINITIONS: Record<
  MeasureKey,
  { version: number; da: string; en: string; source: string; unit: 'percent' }
> = {
  fko_keep_or_gain: {
    version: 1,
    da: 'Andelen af mål (ikke borgere) på handleplaner afsluttet i perioden, hvor borgeren ved seneste FKO-status (slutstatus, ellers nyeste kvartalsstatus) har samme eller lavere støttebehov end ved start. Mål uden status tælles ikke med. Temaet følger målets FFB-tilstand.',
    en: 'The share of goals (not citizens) on plans closed in the period where the citizen’s latest FKO status (the final one, else the newest quarterly) shows the same or a lower support need than at the start. Goals without a status are left out. The theme follows the goal’s FFB condition.',
    source: 'seed 003, afsnit 3.1 (centermål) og tekstboksen »Hvad er Faglige Kvalitetsoplysninger (FKO)?«',
    unit: 'percent',
  },
  fko_gain: {
    version: 1,
    da: 'Andelen af mål på handleplaner afsluttet i perioden, hvor borgeren ved seneste FKO-status har lavere støttebehov end ved start (opnår større mestring).',
    en: 'The share of goals on plans closed in the period where the citizen’s latest FKO status shows a lower support need than at the start (gains mastery).',
    source: 'seed 003, afsnit 3.2.4 (tilbudsmål 4: »opnår større personlig mestring«)',
    unit: 'percent',
  },
  shelter_long_stays: {
    version: 1,
    da: 'Andelen af ophold på forsorgshjem (SEL § 110), i Randers og i andre kommuner, som har varet over 120 dage, blandt ophold der var i gang i perioden; opholdstiden regnes til fraflytning eller periodens slutning.',
    en: 'The share of stays at shelters (SEL § 110), in Randers and elsewhere, that lasted over 120 days, among the stays under way in the period; a stay counts to the departure or the end of the period.',
    source: 'seed 003, afsnit 3.1 (Mestring af eget liv) og note 9',
    unit: 'percent',
  },
  shelter_youth_housing: {
    version: 1,
    da: 'Andelen af unge (18–24 år ved ankomst) der fraflyttede herberget i perioden med en boligløsning (egen bolig, botilbud eller udslusnings-/ungebolig).',
    en: 'The share of young people (18–24 at arrival) who left the shelter in the period with a housing solution (own home, a housing offer or a transitional/youth home).',
    source: 'seed 003, afsnit 3.1 (Mestring af eget liv); unge 18–24 år jf. afsnit 2.2.6',
    unit: 'percent',
  },
};

/** A measured share: numerator of denominator; the value in per cent (one decimal), null without a denominator. */
export type Share = { numerator: number; denominator: number; value: number | null };

export function share(numerator: number, denominator: number): Share {
  return { numerator, denominator, value: denominator ? Math.round((1000 * numerator) / denominator) / 10 : null };
}

export type ClosedGoal = ScoredGoal & { conditionCode: string; endedOn: PlainDate | null };

const inPeriod = (d: PlainDate | null, from: PlainDate, to: PlainDate) => d !== null && d >= from && d <= to;

/**
 * The FKO share of goals on plans closed in the period (goal ended in it), overall or for one theme. `gainOnly`
 * counts only gained mastery (offer goal 4). Goals without a status are counted apart, never as failures.
 */
export function fkoShare(
  goals: readonly ClosedGoal[],
  period: { from: PlainDate; to: PlainDate },
  opts: { theme?: AgreementTheme | null; gainOnly?: boolean } = {},
): Share & { withoutStatus: number } {
  const closed = goals.filter(
    (g) => inPeriod(g.endedOn, period.from, period.to) && (!opts.theme || themeOfCondition(g.conditionCode) === opts.theme),
  );
  const progress = closed.map(classifyProgress);
  const measured = progress.filter((p) => p !== 'no_status').length;
  const hits = progress.filter((p) => p === 'gained' || (!opts.gainOnly && p === 'kept')).length;
  return { ...share(hits, measured), withoutStatus: closed.length - measured };
}

export type { MeasureKey, StayOutcome };
export { MEASURE_KEYS, STAY_OUTCOMES };

/** What a shelter stay ended with. A housing solution is a home of one's own or in an offer (seed 003, 2.2.6–2.2.7). */

export const HOUSING_SOLUTIONS: readonly StayOutcome[] = ['own_home', 'housing_offer', 'transitional_home'];

export const OUTCOME_LABELS: Record<StayOutcome, { da: string; en: string }> = {
  own_home: { da: 'Egen bolig', en: 'Own home' },
  housing_offer: { da: 'Botilbud (SEL §§ 107/108, ABL § 105)', en: 'Housing offer (SEL §§ 107/108, ABL § 105)' },
  transitional_home: { da: 'Udslusnings- eller ungebolig', en: 'Transitional or youth home' },
  other_shelter: { da: 'Andet forsorgshjem eller herberg', en: 'Another shelter' },
  hospital_or_treatment: { da: 'Hospital eller døgnbehandling', en: 'Hospital or residential treatment' },
  prison: { da: 'Fængsel eller arrest', en: 'Prison or custody' },
  family_or_friends: { da: 'Familie eller venner', en: 'Family or friends' },
  street: { da: 'Gaden', en: 'The street' },
  died: { da: 'Død', en: 'Died' },
  unknown: { da: 'Ukendt', en: 'Unknown' },
};

export type Stay = {
  arrivedOn: PlainDate;
  leftOn: PlainDate | null;
  outcome: StayOutcome | null;
  birthDate: PlainDate;
};

/** 120 days (seed 003, afsnit 3.1: »opholdstid på forsorgshjem udover 120 dage«). */
export const LONG_STAY_DAYS = 120;
/** Young people: 18–24 years (seed 003, afsnit 2.2.6: »unge hjemløse mellem 18-24 år«). */
export const YOUNG_AGES = { from: 18, to: 24 } as const;

/** Length of a stay in days to its departure or the given day (the arrival day counts as day 0). */
export function stayDays(stay: Stay, until: PlainDate): number {
  const end = stay.leftOn && stay.leftOn < until ? stay.leftOn : until;
  return daysBetween(stay.arrivedOn, end);
}

/** The share of stays under way in the period that lasted over 120 days (to departure or the period's end). */
export function longStayShare(stays: readonly Stay[], period: { from: PlainDate; to: PlainDate }): Share {
  const under = stays.filter((s) => s.arrivedOn <= period.to && (s.leftOn === null || s.leftOn >= period.from));
  return share(under.filter((s) => stayDays(s, period.to) > LONG_STAY_DAYS).length, under.length);
}

/** Whole years on a date; born on 29 February, one is a year older on 1 March in other years. */
export function ageOn(birthDate: PlainDate, on: PlainDate): number {
  const age = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? age - 1 : age;
}

/** The share of young people (18–24 at arrival) leaving in the period who left with a housing solution. */
export function youthHousingShare(stays: readonly Stay[], period: { from: PlainDate; to: PlainDate }): Share {
  const left = stays.filter((s) => {
    const age = ageOn(s.birthDate, s.arrivedOn);
    return inPeriod(s.leftOn, period.from, period.to) && age >= YOUNG_AGES.from && age <= YOUNG_AGES.to;
  });
  return share(left.filter((s) => s.outcome !== null && HOUSING_SOLUTIONS.includes(s.outcome)).length, left.length);
}

/**
 * The periods an agreement is measured over up to a day: each of its calendar years begun before that day, from 1
 * January (or the agreement's first day) to 31 December (or its last day, or the day before: the cases are known up
 * to yesterday). The first is the midway status's year, the last the final's (seed 003, afsnit 4).
 */
export function agreementYearsBegun(agreement: { from: PlainDate; to: PlainDate }, today: PlainDate) {
  const yesterday = addDays(today, -1);
  const out: { from: PlainDate; to: PlainDate }[] = [];
  for (let y = Number(agreement.from.slice(0, 4)); y <= Number(agreement.to.slice(0, 4)); y++) {
    const start = `${y}-01-01` < agreement.from ? agreement.from : (`${y}-01-01` as PlainDate);
    const endOfYear = `${y}-12-31` > agreement.to ? agreement.to : (`${y}-12-31` as PlainDate);
    const end = endOfYear > yesterday ? yesterday : endOfYear;
    if (start <= end) out.push({ from: start, to: end });
  }
  return out;
}
