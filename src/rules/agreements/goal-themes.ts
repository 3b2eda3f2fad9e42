import type { AgreementTheme, GoalLevel } from '../../shared/agreements/agreements.schema.ts';
import { ASSESSMENT_THEMES } from '../../shared/assessment/ffb-terms.ts';

export { AGREEMENT_THEMES, GOAL_LEVELS, THEME_LABELS } from '../../shared/agreements/agreements.schema.ts';
export type { AgreementTheme, GoalLevel };

/** The goal levels' names (seed 003, afsnit 3.1–3.2). */
export const LEVEL_LABELS: Record<GoalLevel, { da: string; en: string }> = {
  national: { da: 'Nationalt mål (også budgetmål)', en: 'National goal (also a budget goal)' },
  center: { da: 'Centermål', en: 'Center goal' },
  offer: { da: 'Tilbudsmål', en: 'Offer goal' },
};

const SEED_003_FKO =
  'seed 003, afsnit 3.3.2: FKO dækker måltemaerne mestring af eget liv, sundhed og socialt liv; uddannelse og beskæftigelse måles i indkomstregistret og UU VEJ';

/**
 * Which agreement theme an FKO goal counts under, by the FFB condition (VUM 2.0 tilstand, second level) the goal is
 * set on. Seed 003 says what each FKO theme covers; each row cites the passage that puts the condition there. No
 * condition maps to education and employment: seed 003 measures that theme outside FKO.
 */
export const CONDITION_THEME: readonly { condition: string; theme: AgreementTheme; source: string }[] = [
  {
    condition: 'Praktiske opgaver',
    theme: 'mastery',
    source: 'seed 003, afsnit 3.2.4: personlig mestring er »praktiske gøremål, aftaler, struktur af hverdag«',
  },
  {
    condition: 'Egenomsorg',
    theme: 'mastery',
    source: 'seed 003, afsnit 3.2.4: »mestringsevne, hvad angår hverdagsliv«',
  },
  {
    condition: 'Samfundsliv',
    theme: 'mastery',
    source: `seed 003, afsnit 3.2.4: »håndtering af økonomi og post« (FFB Samfundsliv: økonomi, post, bolig); ${SEED_003_FKO}`,
  },
  {
    condition: 'Mentale funktioner',
    theme: 'mastery',
    source: 'seed 003, afsnit 3.2.4: »struktur af hverdag« (FFB: organisering og planlægning, igangsætning og motivation)',
  },
  {
    condition: 'Mobilitet',
    theme: 'mastery',
    source: 'seed 003, afsnit 2.2.4 (Mestringsvejledning): støtte til vedligeholdelse og udvikling af funktionsniveau',
  },
  {
    condition: 'Kommunikation',
    theme: 'mastery',
    source: 'seed 003, afsnit 2.2.4 (Mestringsvejledning): støtte til vedligeholdelse og udvikling af funktionsniveau',
  },
  {
    condition: 'Sundhedsforhold',
    theme: 'health',
    source: 'seed 003, afsnit 3.1 Sundhed: mestring af sundhedsforhold; misbrug (FFB Sundhedsforhold: rusmidler)',
  },
  {
    condition: 'Fysiske funktioner',
    theme: 'health',
    source: 'seed 003, afsnit 3.1 Sundhed: »mestring af sundhedsforhold«',
  },
  {
    condition: 'Relationer',
    theme: 'social_life',
    source: 'seed 003, afsnit 3.2.3 og 3.2.5: relationer, netværk og meningsfulde fællesskaber',
  },
  {
    condition: 'Sociale forhold',
    theme: 'social_life',
    source: 'seed 003, afsnit 1 (målgruppen) og 3.2.3: »mangelfulde sociale netværk«, sociale aktiviteter',
  },
  {
    condition: 'Omgivelser',
    theme: 'social_life',
    source: 'seed 003, afsnit 3.2.5: netværk uden for tilbuddet (FFB Omgivelser: personer i netværk)',
  },
];

/** The theme of an FFB condition code (a VUM 2.0 theme), or null if the condition is not one of them. */
export function themeOfCondition(conditionCode: string): AgreementTheme | null {
  const display = ASSESSMENT_THEMES.find((t) => t.code === conditionCode)?.display;
  return CONDITION_THEME.find((r) => r.condition === display)?.theme ?? null;
}
