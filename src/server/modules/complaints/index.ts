import { complaintsRepository } from './complaints.repository.ts';

/** Complaints' public API: the complaint use case (the citizen complains digitally through it) and the one reader. */
export { complaintsRoutes } from './complaints.routes.ts';
export { registerComplaint } from './register-complaint.use-case.ts';

export const complaintReads = {
  /** Complaints of one case or a page of cases, newest first. */
  complaints: complaintsRepository.complaints,
};
