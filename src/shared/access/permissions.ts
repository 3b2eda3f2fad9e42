/**
 * Roles and what each may do. Deny by default: an action not listed for a role is refused on the server
 * (platform/auth) and hidden in the UI. The table is the single place access is granted.
 */
export const ROLES = [
  'caseworker',
  'provider_staff',
  'team_leader',
  'administrator',
  'analyst',
  'economist',
  'council_member',
  'citizen',
] as const;
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
  // A team leader's: approve or send back a decision above the highest citizen profile (rules/cases/decision-approval).
  'decision.approve',
  'order.read',
  'order.write',
  // The task inbox: the caseworker's (their cases) and the provider staff's (their offers); marking a task done.
  'task.work',
  'own_data.write',
  'user.admin',
  'economy.read',
  'economy.detail',
  'economy.edit',
  'economy.what_if',
  'capacity.read',
  'waiting_list.read',
  'waiting_list.write',
  'reporting.manage',
  'data.import',
  'agreement.read',
  'agreement.edit',
  'shelter.read',
  'shelter.write',
  'dashboard.team',
  'dashboard.strategy',
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
    // Vacant places and the waiting list: a granted citizen without a place is entered by their caseworker.
    'capacity.read',
    'waiting_list.read',
    'waiting_list.write',
    // Shelter stays (SEL § 110): the authority registers arrivals it is told of and departures with their outcome.
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
    // Capacity and the waiting list on one page; places citizens; sees the grants behind the figures.
    'capacity.read',
    'waiting_list.read',
    'waiting_list.write',
    'economy.detail',
    'decision.approve',
    // The deadline dashboard of the team; agreements and strategy indicators to read.
    'dashboard.team',
    'dashboard.strategy',
    'agreement.read',
    'shelter.read',
    'task.work',
  ],
  // Provider staff read only the citizens of their own offers; the scope is checked by the module that reads.
  // Orders, goals, documentation, hours and FKO statuses at their own offers (SEL § 141, stk. 5).
  provider_staff: ['citizen.read', 'organisation.read', 'order.read', 'order.write', 'task.work'],
  administrator: [
    'citizen.search',
    'citizen.read',
    'organisation.read',
    'citizen.access_log.read',
    'audit.read',
    'catalogue.edit',
    // The municipality's users: end their sessions, deactivate and reactivate them.
    'user.admin',
    // What a draft service level would cost, before it is approved (aggregates).
    'economy.what_if',
    // FFB reports to KL and the Danmarks Statistik extract (their settings, deliveries and resending).
    'reporting.manage',
    // Importing citizens, cases, offers and rates from the systems a municipality leaves.
    'data.import',
  ],
  // Statistics without identities: no citizen action at all; economy and capacity as aggregates only.
  // Agreements: goals, values from outside sources, measuring and the status reports to the social committee.
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
  // The center's economist and management (økonomi og centerledelse): rate cards, budgets and finance imports,
  // the forecast with the grants behind it, place sales, capacity and the waiting list, and what a draft would cost.
  economist: [
    'organisation.read',
    'statistics.read',
    'economy.read',
    'economy.detail',
    'economy.edit',
    'economy.what_if',
    'capacity.read',
    'waiting_list.read',
    // Center management writes the center's comment at each status and reads the indicators.
    'agreement.read',
    'agreement.edit',
    'dashboard.strategy',
  ],
  // The social committee's members: the agreements, issued status reports and strategy indicators, read-only and
  // without identities.
  council_member: ['agreement.read', 'dashboard.strategy'],
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
  economist: { da: 'Økonom/centerledelse', en: 'Economist/center management' },
  council_member: { da: 'Byrådsmedlem (socialudvalget)', en: 'Council member (social committee)' },
  citizen: { da: 'Borger', en: 'Citizen' },
};
