import { describe, expect, it } from 'vitest';
import { ACTIONS, can, PERMISSIONS, ROLES } from './permissions.ts';

/** The whole role × action matrix, spelled out: a change to access must change this table too. */
const EXPECTED: Record<string, string[]> = {
  caseworker: [
    'citizen.search',
    'citizen.read',
    'citizen.create',
    'citizen.update',
    'organisation.read',
    'case.read',
    'case.write',
    'capacity.read',
    'waiting_list.read',
    'waiting_list.write',
    'shelter.read',
    'shelter.write',
    'task.work',
  ],
  team_leader: [
    'citizen.search',
    'citizen.read',
    'citizen.create',
    'citizen.update',
    'organisation.read',
    'citizen.access_log.read',
    'case.read',
    'case.write',
    'case.assign',
    'capacity.read',
    'waiting_list.read',
    'waiting_list.write',
    'economy.detail',
    'decision.approve',
    'dashboard.team',
    'dashboard.strategy',
    'agreement.read',
    'shelter.read',
    'task.work',
  ],
  provider_staff: ['citizen.read', 'organisation.read', 'order.read', 'order.write', 'task.work'],
  administrator: [
    'citizen.search',
    'citizen.read',
    'organisation.read',
    'citizen.access_log.read',
    'audit.read',
    'catalogue.edit',
    'user.admin',
    'economy.what_if',
    'reporting.manage',
    'data.import',
  ],
  analyst: [
    'organisation.read',
    'statistics.read',
    'economy.read',
    'capacity.read',
    'economy.what_if',
    'agreement.read',
    'agreement.edit',
    'dashboard.strategy',
  ],
  economist: [
    'organisation.read',
    'statistics.read',
    'economy.read',
    'economy.detail',
    'economy.edit',
    'economy.what_if',
    'capacity.read',
    'waiting_list.read',
    'agreement.read',
    'agreement.edit',
    'dashboard.strategy',
  ],
  council_member: ['agreement.read', 'dashboard.strategy'],
  citizen: ['own_data.read', 'own_data.write'],
};

describe('permissions (deny by default)', () => {
  const cells = ROLES.flatMap((role) =>
    ACTIONS.map((action) => [role, action, EXPECTED[role]?.includes(action) ?? false] as const),
  );
  it.each(cells)('%s may %s: %s', (role, action, allowed) => {
    expect(can(role, action)).toBe(allowed);
  });

  it('gives the analyst no action on citizens (statistics without identities)', () => {
    expect(PERMISSIONS.analyst.filter((a) => a.startsWith('citizen.'))).toEqual([]);
  });

  it('gives the analyst aggregates only: no drill-down to grants and no waiting-list names', () => {
    expect(can('analyst', 'economy.detail')).toBe(false);
    expect(can('analyst', 'waiting_list.read')).toBe(false);
  });

  it('gives a council member figures only: nothing on citizens or cases, nothing to change', () => {
    expect(PERMISSIONS.council_member.every((a) => a === 'agreement.read' || a.startsWith('dashboard.'))).toBe(true);
  });
});
