import { describe, expect, it } from 'vitest';
import { CONSENT_SCOPES } from '../../shared/citizens/relative.schema.ts';
import type { PlainDate } from '../../shared/plain-date.ts';
import {
  CONSENT_LAW,
  CONSENT_SCOPE_RULES,
  CONSENT_STATE_RULES,
  type Consent,
  consentState,
  mayShare,
  sharingOf,
} from './consent.ts';

const d = (s: string) => s as PlainDate;
const consent = (over: Partial<Consent> = {}): Consent => ({
  id: 'c1',
  scopes: ['letters'],
  givenOn: d('2027-01-10'),
  expiresOn: null,
  withdrawnOn: null,
  ...over,
});

describe('a consent on a day', () => {
  it.each([
    ['given and open-ended', {}, '2027-01-10', 'active'],
    ['before it is given', {}, '2027-01-09', 'not_yet'],
    ['the day before it ends', { expiresOn: d('2028-01-10') }, '2028-01-09', 'active'],
    ['on its end date', { expiresOn: d('2028-01-10') }, '2028-01-10', 'expired'],
    ['the day it is withdrawn (art. 7, stk. 3)', { withdrawnOn: d('2027-05-01') }, '2027-05-01', 'withdrawn'],
    ['before the withdrawal', { withdrawnOn: d('2027-05-01') }, '2027-04-30', 'active'],
    ['withdrawn after it expired', { expiresOn: d('2027-03-01'), withdrawnOn: d('2027-05-01') }, '2027-06-01', 'withdrawn'],
  ] as const)('%s → %s', (_label, over, today, state) => {
    expect(consentState(consent(over), d(today))).toBe(state);
  });
});

describe('what may be shared follows the consent', () => {
  it.each([
    ['letters with a consent to letters', [consent()], 'letters', true],
    ['not information with a consent to letters only', [consent()], 'information', false],
    ['nothing without a consent', [], 'letters', false],
    ['nothing once withdrawn', [consent({ withdrawnOn: d('2027-02-01') })], 'letters', false],
    ['nothing once expired', [consent({ expiresOn: d('2027-02-01') })], 'letters', false],
    [
      'a new consent after a withdrawn one',
      [consent({ withdrawnOn: d('2027-02-01') }), consent({ id: 'c2', givenOn: d('2027-02-15') })],
      'letters',
      true,
    ],
  ] as const)('%s', (_label, consents, scope, allowed) => {
    expect(mayShare(consents, scope, d('2027-03-01')).allowed).toBe(allowed);
  });

  it('names the consent that lasts longest', () => {
    const short = consent({ id: 'short', expiresOn: d('2027-06-01') });
    const open = consent({ id: 'open' });
    expect(mayShare([short, open], 'letters', d('2027-03-01'))).toEqual({ allowed: true, consentId: 'open', until: null });
    expect(sharingOf([short], d('2027-03-01'))).toEqual({ contact: false, information: false, letters: true, meetings: false });
  });
});

describe('every scope and state cites the law', () => {
  it.each(CONSENT_SCOPES)('%s', (scope) => {
    const rule = CONSENT_SCOPE_RULES[scope];
    expect(rule.law.length).toBeGreaterThan(0);
    for (const law of rule.law) expect(CONSENT_LAW[law].source).toMatch(/§|art\.|Seed/);
  });
  it.each(Object.entries(CONSENT_STATE_RULES))('%s', (_state, rule) => {
    expect(CONSENT_LAW[rule.law].source).toMatch(/§|art\./);
  });
});
