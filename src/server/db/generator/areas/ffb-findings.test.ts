import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inValueSet } from '../../../../rules/ffb-reporting/ffb-value-sets.ts';
import { ASSESSMENT_THEMES, FUNCTION_LEVELS } from '../../../../shared/assessment/ffb-terms.ts';
import { parseCpr } from '../../../../shared/cpr/cpr.ts';
import { Rng } from '../random.ts';
import { ffbFindings } from './assessments.ts';
import { inventedCpr } from './citizens.ts';

/** KL's FFB code system as a parent map (what the ffb_code table holds). */
type Concept = { code: string; concept?: Concept[] };
const codes = new Map<string, string | null>();
const walk = (cs: Concept[], parent: string | null) => {
  for (const c of cs) {
    codes.set(c.code, parent);
    walk(c.concept ?? [], c.code);
  }
};
walk(
  (
    JSON.parse(readFileSync(new URL('../../../../../policy/standards/kl-term/CodeSystem-FFB.json', import.meta.url), 'utf8')) as {
      concept: Concept[];
    }
  ).concept,
  null,
);
const ACTIVITY = ASSESSMENT_THEMES.filter((t) => t.group === 'activity').map((t) => t.code);

describe('the generator’s FFB findings (what KL’s FFB report needs of a demo assessment)', () => {
  it.each([
    ['85', [1, 2, 2, 3, 1, 2]],
    ['107', [3, 4, 3, 3, 2, 4]],
    ['82', [0, 0, 0, 0, 0, 1]],
    ['103', [0, 0, 0, 0, 0, 0]],
    ['108', [4, 4, 4, 4, 4, 4]],
  ] as const)(
    '§ %s, levels %j: FFB conditions under the reduced themes at their level, and a target group',
    (paragraph, ranks) => {
      const levels = new Map(ACTIVITY.map((t, i) => [t, FUNCTION_LEVELS[ranks[i] ?? 0]?.code ?? '']));
      for (const caseId of ['a', 'b', 'c', 'd']) {
        const f = ffbFindings(`case-${caseId}`, paragraph, levels);
        expect(f.conditions.length).toBeGreaterThan(0);
        for (const c of f.conditions) {
          expect(inValueSet('KLConditionADCodesFFB', c.code, codes)).toBe(true);
          const theme = codes.get(c.code) ?? '';
          expect(c.levelCode).toBe(levels.get(theme));
          // Only reduced functions are recorded, unless none is (then the hardest theme).
          if (ranks.some((r) => r > 0)) expect(ranks[ACTIVITY.indexOf(theme)]).toBeGreaterThan(0);
        }
        expect(new Set(f.conditions.map((c) => c.code)).size).toBe(f.conditions.length);
        expect(inValueSet('KLTargetGroupsFFB', f.targetGroupCode, codes)).toBe(true);
        expect(ffbFindings(`case-${caseId}`, paragraph, levels)).toEqual(f);
      }
    },
  );

  it('invents CPR numbers with a real birth date (not 1 January) that fail modulus 11, adults 18–90, all distinct', () => {
    const rng = Rng.of('test', 'cpr');
    const taken = new Set<string>();
    const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
    for (let i = 0; i < 1000; i++) {
      const cpr = inventedCpr(rng, 2026, taken);
      const parsed = parseCpr(cpr);
      expect(parsed.ok && !parsed.substitute).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.birthDate.slice(5)).not.toBe('01-01');
      const year = Number(parsed.birthDate.slice(0, 4));
      expect(year).toBeGreaterThanOrEqual(2026 - 90);
      expect(year).toBeLessThanOrEqual(2026 - 18);
      expect([...cpr].reduce((s, d, j) => s + Number(d) * (weights[j] ?? 0), 0) % 11).not.toBe(0);
    }
    expect(taken.size).toBe(1000);
  });
});
