import type { ClosedDayRule } from '../calendar/closed-days.ts';

/**
 * The deadline rules as data. Each row says how to count and where the rule comes from: the seed and the
 * municipality for a local service level, the law for a general rule. A municipality can set its own rows;
 * every computed deadline stores the rule set's version, so a later change never moves an existing deadline.
 */
export const DEADLINE_KINDS = [
  'receipt',
  'decision',
  'decision_day_offer',
  'start',
  'complaint',
  'forward_to_ankestyrelsen',
  'housing_support_continuation',
  'sel82_max_duration',
  'sel107_max_duration',
  'fko_status',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export type CountUnit = 'days' | 'weeks' | 'months' | 'years';

export type EndsAt = 'end_of_day' | 'close_of_office_hours';

/** How a complaint reaches the municipality (the forms of `complaint.form`). */
export type ComplaintChannel = 'written' | 'digital' | 'oral';

/**
 * - `rollForward`: a deadline on a Saturday, Sunday or public holiday moves to the next working day. True for
 *   deadlines for acting; false for how long support lasts (an end date is not an act).
 * - `closedDays`: which days besides those stop a deadline from ending. A deadline the citizen must meet also
 *   passes over Grundlovsdag, 24 and 31 December (forældelsesloven § 27, stk. 2; `calendar/closed-days.ts`); the
 *   municipality's own deadlines keep the public-holiday rule.
 * - `endsAt`: 'end_of_day', or 'close_of_office_hours' at the municipality's `officeHoursClose`.
 * - `endsAtByChannel`: for the complaint deadline, the end per channel where it differs from `endsAt`.
 * - `source`: the rule as a citizen or caseworker reads it (shown on the case and in letters).
 * - `seed`: the seed document the row is transcribed from, for developers (never shown).
 */
export type DeadlineRule = {
  kind: DeadlineKind;
  amount: number;
  unit: CountUnit;
  /** What the count runs from, as the case records it. */
  from: string;
  rollForward: boolean;
  closedDays: ClosedDayRule;
  endsAt: EndsAt;
  endsAtByChannel?: Partial<Record<ComplaintChannel, EndsAt>>;
  source: string;
  seed?: string;
};

export type DeadlineRuleSet = {
  /** Stored with every computed deadline. */
  version: string;
  /** HH:MM, for rules that end at the close of office hours. */
  officeHoursClose: string;
  rules: Record<DeadlineKind, DeadlineRule>;
};

const RKSK = 'Ringkøbing-Skjern Kommunes serviceniveau';
const SEED_001 = 'shared/seeds/001_7d1de020988095b2.txt';

/** The general rules and the example service level of seed 001, which every municipality starts from. */
export const BASE_DEADLINE_RULES: DeadlineRuleSet = {
  version: 'base-2026.2',
  officeHoursClose: '15:00',
  rules: {
    receipt: {
      kind: 'receipt',
      amount: 14,
      unit: 'days',
      from: 'request received',
      rollForward: true,
      closedDays: 'public_holidays',
      endsAt: 'end_of_day',
      source: `${RKSK} for sagsbehandlingstider: kvittering inden for 14 dage. Retssikkerhedsloven § 3, stk. 2: kommunen fastsætter og offentliggør sine frister`,
      seed: `${SEED_001}, "Sagsbehandlingstider"`,
    },
    decision: {
      kind: 'decision',
      amount: 3,
      unit: 'months',
      from: 'application received by the special team',
      rollForward: true,
      closedDays: 'public_holidays',
      endsAt: 'end_of_day',
      source: `${RKSK} for sagsbehandlingstider: afgørelse inden for 3 måneder`,
      seed: `${SEED_001}, "Sagsbehandlingstider"`,
    },
    decision_day_offer: {
      kind: 'decision_day_offer',
      amount: 2,
      unit: 'months',
      from: 'application received by the special team',
      rollForward: true,
      closedDays: 'public_holidays',
      endsAt: 'end_of_day',
      source: `${RKSK} for sagsbehandlingstider: afgørelse om dagtilbud (SEL §§ 103 og 104) inden for 2 måneder`,
      seed: `${SEED_001}, "Sagsbehandlingstider"`,
    },
    start: {
      kind: 'start',
      amount: 4,
      unit: 'weeks',
      from: 'decision date',
      rollForward: true,
      closedDays: 'public_holidays',
      endsAt: 'end_of_day',
      source: `${RKSK} for sagsbehandlingstider: støtten sættes i gang inden for 4 uger efter afgørelsen`,
      seed: `${SEED_001}, "Sagsbehandlingstider"`,
    },
    complaint: {
      kind: 'complaint',
      amount: 4,
      unit: 'weeks',
      from: 'decision received by the citizen',
      rollForward: true,
      // The citizen's deadline: it also passes over Grundlovsdag, 24 and 31 December (forældelsesloven § 27, stk. 2).
      closedDays: 'citizen_deadline',
      // A written or digital complaint is in time until midnight of the last day (retssikkerhedsloven § 67).
      endsAt: 'end_of_day',
      source:
        'Retssikkerhedsloven § 67, stk. 1: klagefrist 4 uger fra modtagelsen af afgørelsen. Falder fristens sidste dag på en weekend, helligdag, grundlovsdag, 24. eller 31. december, forlænges den til næste hverdag (forældelsesloven § 27, stk. 2)',
    },
    forward_to_ankestyrelsen: {
      kind: 'forward_to_ankestyrelsen',
      amount: 4,
      unit: 'weeks',
      from: 'complaint received',
      rollForward: true,
      closedDays: 'public_holidays',
      endsAt: 'end_of_day',
      source: `Retssikkerhedsloven § 66, stk. 2, og ${RKSK} for klager: videresendes inden 4 uger og normalt inden 14 dage`,
      seed: `${SEED_001}, "Klage"`,
    },
    housing_support_continuation: {
      kind: 'housing_support_continuation',
      amount: 4,
      unit: 'weeks',
      from: 'decision date of the stop decision',
      rollForward: false,
      closedDays: 'public_holidays',
      endsAt: 'end_of_day',
      source: `${RKSK} for SEL § 85: bostøtten fortsætter i 4 uger fra afgørelsesdatoen`,
      seed: `${SEED_001}, "SEL § 85"`,
    },
    sel82_max_duration: {
      kind: 'sel82_max_duration',
      amount: 6,
      unit: 'months',
      from: 'start of support',
      rollForward: false,
      closedDays: 'public_holidays',
      endsAt: 'end_of_day',
      source: 'Norddjurs Kommunes kvalitetsstandarder: indsatser efter SEL § 82 varer højst 6 måneder',
      seed: 'shared/seeds/004_a817390a8deaa908.txt',
    },
    sel107_max_duration: {
      kind: 'sel107_max_duration',
      amount: 3,
      unit: 'years',
      from: 'start of stay',
      rollForward: false,
      closedDays: 'public_holidays',
      endsAt: 'end_of_day',
      source: `${RKSK} for SEL § 107: et midlertidigt botilbud gives for højst 3 år (afklaringsperiode)`,
      seed: `${SEED_001}, "SEL § 107"`,
    },
    fko_status: {
      kind: 'fko_status',
      amount: 3,
      unit: 'months',
      from: 'start of support, then each status',
      rollForward: true,
      closedDays: 'public_holidays',
      endsAt: 'end_of_day',
      source: 'Randers Kommunes aftalestyring (FKO): udføreren giver en status hver tredje måned',
      seed: 'shared/seeds/003_7fc7c482ae890792.txt, "FKO"',
    },
  },
};

/**
 * Municipalities' own rows. Ringkøbing-Skjern's service level says the complaint deadline ends "ved kontortids ophør"
 * (seed 001, "Klage"). A municipality cannot shorten the statutory 4 weeks (retssikkerhedsloven § 67), so that can
 * only hold for an oral complaint made at the office while it is open; written and digital complaints run to midnight
 * (`STATUTORY_END_OF_DAY`, enforced by `deadlineRulesFor`).
 */
export const MUNICIPALITY_DEADLINE_RULES: Record<
  string,
  { version: string; officeHoursClose?: string; rules: Partial<Record<DeadlineKind, Partial<DeadlineRule>>> }
> = {
  '760': {
    version: '760-2026.2',
    // Assumed: the seed says "kontortids ophør" without a time; set from the municipality's published hours.
    officeHoursClose: '15:00',
    rules: {
      complaint: {
        endsAtByChannel: { oral: 'close_of_office_hours' },
        source:
          'Retssikkerhedsloven § 67, stk. 1: klagefrist 4 uger fra modtagelsen af afgørelsen. En skriftlig eller digital klage kan sendes til og med fristens sidste dag; en mundtlig klage på kontoret skal gives inden kontortids ophør den dag (Ringkøbing-Skjern Kommunes serviceniveau for klager). Falder fristens sidste dag på en weekend, helligdag, grundlovsdag, 24. eller 31. december, forlænges den til næste hverdag (forældelsesloven § 27, stk. 2)',
        seed: `${SEED_001}, "Klage": klagefristen udløber ved kontortids ophør`,
      },
    },
  },
};

/** Channels whose complaint deadline always runs to midnight of the last day (retssikkerhedsloven § 67). */
export const STATUTORY_END_OF_DAY: readonly ComplaintChannel[] = ['written', 'digital'];

/** The rule set in force for a municipality: the base rows with the municipality's own rows on top. */
export function deadlineRulesFor(municipalityCode: string): DeadlineRuleSet {
  const own = MUNICIPALITY_DEADLINE_RULES[municipalityCode];
  if (!own) return BASE_DEADLINE_RULES;
  const rules = { ...BASE_DEADLINE_RULES.rules };
  for (const [kind, patch] of Object.entries(own.rules) as [DeadlineKind, Partial<DeadlineRule>][]) {
    rules[kind] = { ...rules[kind], ...patch, kind };
  }
  // No local row can cut a written or digital complaint short of midnight.
  const complaint = rules.complaint;
  rules.complaint = {
    ...complaint,
    endsAt: 'end_of_day',
    endsAtByChannel: Object.fromEntries(
      Object.entries(complaint.endsAtByChannel ?? {}).filter(
        ([channel]) => !STATUTORY_END_OF_DAY.includes(channel as ComplaintChannel),
      ),
    ),
  };
  return {
    version: `${BASE_DEADLINE_RULES.version}+${own.version}`,
    officeHoursClose: own.officeHoursClose ?? BASE_DEADLINE_RULES.officeHoursClose,
    rules,
  };
}
