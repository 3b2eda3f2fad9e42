import { z } from 'zod';

/** What the audit log records (Datatilsynet's catalogue: read, search with criterion, add, change, extract, delete). */
export const AUDIT_ACTIONS = [
  'read',
  'search',
  'create',
  'update',
  'delete',
  'export',
  'login',
  'logout',
  'login_failed',
  'access_denied',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Why personal data was touched. Each route declares its purpose; citizens see it in their access log. */
export const AUDIT_PURPOSES = [
  'case_processing',
  'follow_up',
  'supervision',
  'administration',
  'authentication',
  'citizen_self_service',
  'economy',
  'statutory_reporting',
  'data_import',
  // A case printed as one PDF (issue 16): the user names why; the citizen reads it in their access log.
  'case_meeting',
  'access_request',
  'steering',
] as const;
export type AuditPurpose = (typeof AUDIT_PURPOSES)[number];

export const PURPOSE_LABELS: Record<AuditPurpose, { da: string; en: string }> = {
  case_processing: { da: 'Sagsbehandling', en: 'Case processing' },
  follow_up: { da: 'Opfølgning på indsats', en: 'Follow-up on support' },
  supervision: { da: 'Ledelsestilsyn', en: 'Supervision' },
  administration: { da: 'Administration', en: 'Administration' },
  authentication: { da: 'Log ind', en: 'Log-in' },
  citizen_self_service: { da: 'Dit eget opslag', en: 'Your own look-up' },
  economy: { da: 'Økonomi og kapacitet', en: 'Economy and capacity' },
  statutory_reporting: {
    da: 'Lovpligtig indberetning (KL, Danmarks Statistik)',
    en: 'Statutory reporting (KL, Statistics Denmark)',
  },
  data_import: { da: 'Dataindlæsning fra tidligere system', en: 'Data import from a previous system' },
  case_meeting: { da: 'Udskrift til møde om sagen', en: 'Printed for a meeting about the case' },
  access_request: { da: 'Aktindsigt', en: 'Access request (aktindsigt)' },
  steering: { da: 'Aftalestyring og ledelsesinformation', en: 'Agreements and management information' },
};

export const ACTION_LABELS: Record<AuditAction, { da: string; en: string }> = {
  read: { da: 'Læst', en: 'Read' },
  // Read from the citizen's side: a search that showed them (the search row itself names no citizen).
  search: { da: 'Fundet ved søgning', en: 'Found in a search' },
  create: { da: 'Oprettet', en: 'Created' },
  update: { da: 'Ændret', en: 'Changed' },
  delete: { da: 'Slettet', en: 'Deleted' },
  export: { da: 'Udtrukket', en: 'Exported' },
  login: { da: 'Logget ind', en: 'Logged in' },
  logout: { da: 'Logget ud', en: 'Logged out' },
  login_failed: { da: 'Mislykket log ind', en: 'Failed log-in' },
  access_denied: { da: 'Adgang nægtet', en: 'Access denied' },
};

/** What was touched, as the citizen reads it in their access log (a visit lists each kind once). */
export const RECORD_LABELS: Record<string, { da: string; en: string }> = {
  citizen: { da: 'dine personoplysninger', en: 'your personal details' },
  case: { da: 'din sag', en: 'your case' },
  assessment: { da: 'udredningen', en: 'the assessment' },
  decision: { da: 'afgørelsen', en: 'the decision' },
  decision_approval: { da: 'afgørelsen til godkendelse', en: 'the decision awaiting approval' },
  case_document: { da: 'breve', en: 'letters' },
  letter_preview: { da: 'et brev før afsendelse', en: 'a letter before it was sent' },
  case_message: { da: 'beskeder', en: 'messages' },
  complaint: { da: 'din klage', en: 'your complaint' },
  order: { da: 'bestillingen af din støtte', en: 'the order for your support' },
  order_journal: { da: 'journalen om din støtte', en: 'the notes on your support' },
  order_subgoal: { da: 'delmål', en: 'sub-goals' },
  follow_up: { da: 'opfølgningen', en: 'the follow-up' },
  fko_status: { da: 'status på dine mål', en: 'the status of your goals' },
  delivered_hours: { da: 'leverede timer', en: 'hours delivered' },
  own_overview: { da: 'din side', en: 'your page' },
  access_log: { da: 'din adgangslog', en: 'your access log' },
};

export const accessLogEntrySchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  purpose: z.enum(AUDIT_PURPOSES),
  actorRole: z.string().nullable(),
  actorUnit: z.string().nullable(),
  /** Only for administrators; a citizen sees the unit and purpose, not the employee (issue 5). */
  actorName: z.string().nullable(),
  recordType: z.string().nullable(),
  criterion: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;
