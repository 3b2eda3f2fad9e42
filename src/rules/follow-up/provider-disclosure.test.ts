import { describe, expect, it } from 'vitest';
import { PROVIDER_DISCLOSURE, PROVIDER_PARTS, providerMaySee } from './provider-disclosure.ts';

describe('what the provider sees of the case', () => {
  it.each([
    ['decision.grant', true],
    ['decision.frame', true],
    ['decision.reasons', true],
    ['decision.partialRefusal', false],
    ['decision.partyHearing', false],
    ['decision.complaintGuidance', false],
    ['plan.purpose', true],
    ['plan.services', true],
    ['plan.expectedDuration', true],
    ['plan.otherCircumstances', false],
    ['assessment', false],
    ['citizenMessages', false],
  ] as const)('%s: %s', (part, shown) => {
    expect(providerMaySee(part)).toBe(shown);
  });

  it.each(PROVIDER_PARTS)('%s cites the law it follows', (part) => {
    expect(PROVIDER_DISCLOSURE[part].source).toMatch(/loven §|forordningen|Seed/);
  });

  it('withholds with the minimisation rule every part it withholds', () => {
    for (const part of PROVIDER_PARTS.filter((p) => !providerMaySee(p))) {
      expect(PROVIDER_DISCLOSURE[part].source).toContain('dataminimering');
    }
  });
});
