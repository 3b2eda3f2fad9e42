import { followUpRepository } from './follow-up.repository.ts';

/** For the citizen's own view: the goals and FKO statuses of orders, read inside the caller's transaction. */
export const orderProgress = {
  goals: followUpRepository.goals,
  statuses: followUpRepository.statuses,
};
export { followUpRoutes } from './follow-up.routes.ts';
