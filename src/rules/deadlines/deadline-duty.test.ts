import { describe, expect, it } from 'vitest';
import { DEADLINE_DUTY, isMunicipalityDeadline, MUNICIPALITY_DEADLINE_KINDS } from './deadline-duty.ts';
import { DEADLINE_KINDS } from './deadline-rules.ts';

describe('who must act before a deadline', () => {
  it.each([
    ['receipt', 'municipality'],
    ['decision', 'municipality'],
    ['decision_day_offer', 'municipality'],
    ['start', 'municipality'],
    ['complaint', 'citizen'],
    ['forward_to_ankestyrelsen', 'municipality'],
    ['housing_support_continuation', 'period_end'],
    ['sel82_max_duration', 'period_end'],
    ['sel107_max_duration', 'period_end'],
    ['fko_status', 'provider'],
  ] as const)('%s: %s', (kind, duty) => {
    expect(DEADLINE_DUTY[kind].duty).toBe(duty);
    expect(isMunicipalityDeadline(kind)).toBe(duty === 'municipality');
    expect(MUNICIPALITY_DEADLINE_KINDS.includes(kind)).toBe(duty === 'municipality');
  });

  it.each(DEADLINE_KINDS)('%s cites the law or the service level it comes from', (kind) => {
    expect(DEADLINE_DUTY[kind].source).toMatch(/loven §|serviceniveau|kvalitetsstandarder|aftalestyring/);
  });

  it('an unknown kind is never the municipality’s', () => {
    expect(isMunicipalityDeadline('something_else')).toBe(false);
  });
});
