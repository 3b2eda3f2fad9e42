import { DEADLINE_KINDS, type DeadlineKind } from './deadline-rules.ts';

/**
 * Who must act before a deadline runs out. Only the municipality's own deadlines make a case late: a citizen's
 * complaint deadline that runs out without a complaint is the end of a right, not a missed step, and the end of a
 * period of support (§ 85's four weeks after a stop, the §§ 82 and 107 limits) happens by itself. The provider's
 * FKO status is the provider's to hand in (the follow-up alerts show the caseworker when it is late).
 */
export type DeadlineDuty = 'municipality' | 'citizen' | 'provider' | 'period_end';

export type DeadlineDutyRow = { duty: DeadlineDuty; source: string };

export const DEADLINE_DUTY: Record<DeadlineKind, DeadlineDutyRow> = {
  receipt: {
    duty: 'municipality',
    source:
      'Retssikkerhedsloven § 3, stk. 2: kommunen fastsætter frister for sine afgørelser og skal overholde dem (kvittering, seed 001)',
  },
  decision: {
    duty: 'municipality',
    source: 'Retssikkerhedsloven § 3, stk. 2: kommunen skal træffe afgørelse inden for sin offentliggjorte frist',
  },
  decision_day_offer: {
    duty: 'municipality',
    source: 'Retssikkerhedsloven § 3, stk. 2: kommunens frist for afgørelse om dagtilbud (SEL §§ 103 og 104)',
  },
  start: {
    duty: 'municipality',
    source: 'Ringkøbing-Skjern Kommunes serviceniveau: kommunen sætter støtten i gang inden for 4 uger efter afgørelsen',
  },
  complaint: {
    duty: 'citizen',
    source: 'Retssikkerhedsloven § 67, stk. 1: borgeren kan klage inden 4 uger; en frist uden klage er ikke en forsinkelse',
  },
  forward_to_ankestyrelsen: {
    duty: 'municipality',
    source: 'Retssikkerhedsloven § 66, stk. 2: kommunen genvurderer og videresender klagen inden 4 uger',
  },
  housing_support_continuation: {
    duty: 'period_end',
    source:
      'Ringkøbing-Skjern Kommunes serviceniveau for SEL § 85: bostøtten fortsætter 4 uger efter afgørelsen og slutter af sig selv',
  },
  sel82_max_duration: {
    duty: 'period_end',
    source:
      'Norddjurs Kommunes kvalitetsstandarder: en indsats efter SEL § 82 varer højst 6 måneder (opfølgningen varsler slutningen)',
  },
  sel107_max_duration: {
    duty: 'period_end',
    source:
      'Ringkøbing-Skjern Kommunes serviceniveau for SEL § 107: midlertidigt ophold i højst 3 år (opfølgningen varsler slutningen)',
  },
  fko_status: {
    duty: 'provider',
    source: 'Randers Kommunes aftalestyring (FKO): udføreren giver status hver tredje måned',
  },
};

/** Whether a deadline of `kind` is one the municipality must meet: only these make a case's next deadline or overdue. */
export function isMunicipalityDeadline(kind: string): boolean {
  return (DEADLINE_DUTY as Record<string, DeadlineDutyRow | undefined>)[kind]?.duty === 'municipality';
}

/** The kinds the municipality must meet, for queries over stored deadlines. */
export const MUNICIPALITY_DEADLINE_KINDS: readonly DeadlineKind[] = DEADLINE_KINDS.filter(isMunicipalityDeadline);
