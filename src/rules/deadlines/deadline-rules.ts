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

/**
 * - `rollForward`: a deadline on a Saturday, Sunday or public holiday moves to the next working day. True for
 *   deadlines for acting; false for how long support lasts (an end date is not an act).
 * - `endsAt`: 'end_of_day', or 'close_of_office_hours' at the municipality's `officeHoursClose`.
 */
export type DeadlineRule = {
  kind: DeadlineKind;
  amount: number;
  unit: CountUnit;
  /** What the count runs from, as the case records it. */
  from: string;
  rollForward: boolean;
  endsAt: 'end_of_day' | 'close_of_office_hours';
  source: string;
};

export type DeadlineRuleSet = {
  /** Stored with every computed deadline. */
  version: string;
  /** HH:MM, for rules that end at the close of office hours. */
  officeHoursClose: string;
  rules: Record<DeadlineKind, DeadlineRule>;
};

const RKSK = 'Ringkøbing-Skjern Kommune, serviceniveaubeskrivelse (shared/seeds/001)';

/** The general rules and the example service level of seed 001, which every municipality starts from. */
export const BASE_DEADLINE_RULES: DeadlineRuleSet = {
  version: 'base-2026.1',
  officeHoursClose: '15:00',
  rules: {
    receipt: {
      kind: 'receipt',
      amount: 14,
      unit: 'days',
      from: 'request received',
      rollForward: true,
      endsAt: 'end_of_day',
      source: `${RKSK}, "Sagsbehandlingstider": kvittering inden for 14 dage; retssikkerhedsloven § 3, stk. 2 (frister skal fastsættes og offentliggøres)`,
    },
    decision: {
      kind: 'decision',
      amount: 3,
      unit: 'months',
      from: 'application received by the special team',
      rollForward: true,
      endsAt: 'end_of_day',
      source: `${RKSK}, "Sagsbehandlingstider": sagsbehandlingstid op til 3 måneder`,
    },
    decision_day_offer: {
      kind: 'decision_day_offer',
      amount: 2,
      unit: 'months',
      from: 'application received by the special team',
      rollForward: true,
      endsAt: 'end_of_day',
      source: `${RKSK}, "Sagsbehandlingstider": dagtilbud (SEL §§ 103, 104) op til 2 måneder`,
    },
    start: {
      kind: 'start',
      amount: 4,
      unit: 'weeks',
      from: 'decision date',
      rollForward: true,
      endsAt: 'end_of_day',
      source: `${RKSK}, "Sagsbehandlingstider": støtten iværksættes som udgangspunkt inden for 4 uger efter afgørelsen`,
    },
    complaint: {
      kind: 'complaint',
      amount: 4,
      unit: 'weeks',
      from: 'decision received by the citizen',
      rollForward: true,
      endsAt: 'end_of_day',
      source: 'Retssikkerhedsloven § 67, stk. 1: klagefrist 4 uger fra modtagelsen af afgørelsen',
    },
    forward_to_ankestyrelsen: {
      kind: 'forward_to_ankestyrelsen',
      amount: 4,
      unit: 'weeks',
      from: 'complaint received',
      rollForward: true,
      endsAt: 'end_of_day',
      source: `Retssikkerhedsloven § 66, stk. 2; ${RKSK}, "Klage": inden 4 uger og normalt inden 14 dage`,
    },
    housing_support_continuation: {
      kind: 'housing_support_continuation',
      amount: 4,
      unit: 'weeks',
      from: 'decision date of the stop decision',
      rollForward: false,
      endsAt: 'end_of_day',
      source: `${RKSK}, SEL § 85: bostøtte fortsætter i fire uger fra afgørelsesdatoen`,
    },
    sel82_max_duration: {
      kind: 'sel82_max_duration',
      amount: 6,
      unit: 'months',
      from: 'start of support',
      rollForward: false,
      endsAt: 'end_of_day',
      source:
        'Norddjurs Kommune, kvalitetsstandarder (shared/seeds/004): indsatser efter § 82 har en maksimal varighed af 6 måneder',
    },
    sel107_max_duration: {
      kind: 'sel107_max_duration',
      amount: 3,
      unit: 'years',
      from: 'start of stay',
      rollForward: false,
      endsAt: 'end_of_day',
      source: `${RKSK}, SEL § 107: afklaringsperiode på max tre år`,
    },
    fko_status: {
      kind: 'fko_status',
      amount: 3,
      unit: 'months',
      from: 'start of support, then each status',
      rollForward: true,
      endsAt: 'end_of_day',
      source: 'Randers Kommune, aftalestyring (shared/seeds/003), FKO: udfører laver hver tredje måned en statusscore',
    },
  },
};

/** Municipalities' own rows. Ringkøbing-Skjern's complaint deadline ends at the close of office hours (seed 001). */
export const MUNICIPALITY_DEADLINE_RULES: Record<
  string,
  { version: string; officeHoursClose?: string; rules: Partial<Record<DeadlineKind, Partial<DeadlineRule>>> }
> = {
  '760': {
    version: '760-2026.1',
    // Assumed: the seed says "kontortids ophør" without a time; set from the municipality's published hours.
    officeHoursClose: '15:00',
    rules: {
      complaint: {
        endsAt: 'close_of_office_hours',
        source: `${RKSK}, "Klage": klagefristen udløber ved kontortids ophør på fristens sidste dag; retssikkerhedsloven § 67`,
      },
    },
  },
};

/** The rule set in force for a municipality: the base rows with the municipality's own rows on top. */
export function deadlineRulesFor(municipalityCode: string): DeadlineRuleSet {
  const own = MUNICIPALITY_DEADLINE_RULES[municipalityCode];
  if (!own) return BASE_DEADLINE_RULES;
  const rules = { ...BASE_DEADLINE_RULES.rules };
  for (const [kind, patch] of Object.entries(own.rules) as [DeadlineKind, Partial<DeadlineRule>][]) {
    rules[kind] = { ...rules[kind], ...patch, kind };
  }
  return {
    version: `${BASE_DEADLINE_RULES.version}+${own.version}`,
    officeHoursClose: own.officeHoursClose ?? BASE_DEADLINE_RULES.officeHoursClose,
    rules,
  };
}
