import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/access/permissions.ts';
import { AUDIT_PURPOSES } from '../../shared/audit/audit.schema.ts';
import { PURPOSE_BY_ROLE, purposeOf } from './audit-purpose.ts';

describe('the purpose of a look-up follows from the role, in every module', () => {
  it.each([
    ['caseworker', 'case_processing'],
    ['team_leader', 'supervision'],
    ['administrator', 'administration'],
    ['analyst', 'administration'],
    ['provider_staff', 'follow_up'],
    ['economist', 'economy'],
    ['council_member', 'steering'],
    ['citizen', 'citizen_self_service'],
  ] as const)('%s → %s', (role, purpose) => {
    expect(purposeOf(role)).toBe(purpose);
  });

  it('covers every role with a known purpose and a reason', () => {
    for (const role of ROLES) {
      expect(AUDIT_PURPOSES).toContain(PURPOSE_BY_ROLE[role].purpose);
      expect(PURPOSE_BY_ROLE[role].why.length).toBeGreaterThan(10);
    }
  });
});
