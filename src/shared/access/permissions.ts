/**
 * Roles and what each may do. Deny by default: an action not listed for a role is refused on the server
 * (platform/auth) and hidden in the UI. The table is the single place access is granted.
 */
export const ROLES = ['caseworker', 'provider_staff', 'team_leader', 'administrator', 'analyst', 'citizen'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'citizen.search',
  'citizen.read',
  'citizen.create',
  'citizen.update',
  'citizen.access_log.read',
  'organisation.read',
  'audit.read',
  'statistics.read',
  'own_data.read',
  'catalogue.edit',
  'case.read',
  'case.write',
  // A team leader's: the team's caseload and giving a case to another caseworker of the team.
  'case.assign',
  'order.read',
  'order.write',
  'own_data.write',
  'user.admin',
] as const;
export type Action = (typeof ACTIONS)[number];

export const PERMISSIONS: Record<Role, readonly Action[]> = {
  caseworker: [
    'citizen.search',
    'citizen.read',
    'citizen.create',
    'citizen.update',
    'organisation.read',
    'case.read',
    'case.write',
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
  ],
  // Provider staff read only the citizens of their own offers; the scope is checked by the module that reads.
  // Orders, goals, documentation, hours and FKO statuses at their own offers (SEL § 141, stk. 5).
  provider_staff: ['citizen.read', 'organisation.read', 'order.read', 'order.write'],
  administrator: [
    'citizen.search',
    'citizen.read',
    'organisation.read',
    'citizen.access_log.read',
    'audit.read',
    'catalogue.edit',
    // The municipality's users: end their sessions, deactivate and reactivate them.
    'user.admin',
  ],
  // Statistics without identities: no citizen action at all.
  analyst: ['organisation.read', 'statistics.read'],
  // Their own decisions, letters, plan and access log; messages and digital complaints.
  citizen: ['own_data.read', 'own_data.write'],
};

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}

export const ROLE_LABELS: Record<Role, { da: string; en: string }> = {
  caseworker: { da: 'Rådgiver (myndighed)', en: 'Caseworker (authority)' },
  provider_staff: { da: 'Medarbejder (udfører)', en: 'Provider staff' },
  team_leader: { da: 'Teamleder', en: 'Team leader' },
  administrator: { da: 'Administrator', en: 'Administrator' },
  analyst: { da: 'Controller/analytiker', en: 'Controller/analyst' },
  citizen: { da: 'Borger', en: 'Citizen' },
};
