import type { Role } from './permissions.ts';

/**
 * Where each role starts after logging in: the server's OIDC callback redirects there and the UI's "/" forwards
 * there, so the two cannot disagree (a citizen was once sent to a page that did not exist).
 */
export const HOME_PATH: Record<Role, string> = {
  caseworker: '/',
  team_leader: '/',
  administrator: '/',
  analyst: '/',
  economist: '/',
  // The social committee's members start at the agreements and their statuses.
  council_member: '/aftaler',
  provider_staff: '/udfoerer',
  citizen: '/mig',
};
