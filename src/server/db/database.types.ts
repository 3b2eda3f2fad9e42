import type { ColumnType, Generated } from 'kysely';

/** Table types for Kysely, kept by hand in step with db/migrations. Dates are `YYYY-MM-DD` strings (type-parsers.ts). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type PlainDateColumn = string;

export interface MunicipalityTable {
  id: Generated<string>;
  code: string;
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  is_system: Generated<boolean>;
  created_at: Timestamp;
}

export interface OrgUnitTable {
  id: Generated<string>;
  municipality_id: string;
  parent_id: string | null;
  kind: 'center' | 'authority' | 'department' | 'offer';
  name: string;
  created_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  role: 'caseworker' | 'provider_staff' | 'team_leader' | 'administrator' | 'analyst' | 'citizen';
  unit_id: string | null;
  citizen_id: string | null;
  oidc_subject: string | null;
  email: string | null;
  is_demo: Generated<boolean>;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface AppUserOfferTable {
  municipality_id: string;
  user_id: string;
  unit_id: string;
}

export interface CitizenTable {
  id: Generated<string>;
  municipality_id: string;
  cpr: string;
  substitute_cpr: boolean;
  birth_date: PlainDateColumn;
  first_name: string;
  last_name: string;
  address: string | null;
  postal_code: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  /** Generated: lower(first_name), lower(last_name) (migration 0002). */
  search_first_name: Generated<string>;
  search_last_name: Generated<string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  municipality_id: string;
  occurred_at: Date | string;
  request_id: string | null;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  actor_unit_id: string | null;
  actor_unit_name: string | null;
  action: string;
  purpose: string;
  citizen_id: string | null;
  record_type: string | null;
  record_id: string | null;
  criterion: string | null;
  details: unknown;
  prev_hash: string;
  hash: string;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

export interface FfbCodeSystemTable {
  url: string;
  version: string;
  imported_at: Timestamp;
}

export interface FfbCodeTable {
  code: string;
  display: string;
  definition: string | null;
  parent_code: string | null;
  root: string;
  path: string;
  legal_basis: string | null;
  is_local: boolean;
  system_version: string;
}

export interface ServiceDescriptionTable {
  id: Generated<string>;
  municipality_id: string;
  key: string;
  kind: 'service_level' | 'quality_standard';
  legal_basis: string;
  title: string;
  ffb_code: string | null;
  created_at: Timestamp;
}

export interface ServiceDescriptionVersionTable {
  id: Generated<string>;
  municipality_id: string;
  service_description_id: string;
  number: number;
  status: 'draft' | 'approved';
  /** Validated by catalogueContentSchema (src/shared/catalogue) on the way in and out. */
  content: unknown;
  change_note: string | null;
  created_by: string | null;
  created_at: Timestamp;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_by_body: string | null;
  approved_at: Date | string | null;
  in_force_from: PlainDateColumn | null;
  lock_version: Generated<number>;
}

export interface OfferTable {
  id: Generated<string>;
  municipality_id: string;
  org_unit_id: string | null;
  key: string;
  name: string;
  center_name: string | null;
  owner: 'own' | 'self_governing' | 'private';
  operating_agreement: string | null;
  legal_bases: string[];
  ffb_code: string | null;
  places: number | null;
  places_note: string | null;
  staffing: string | null;
  /** numeric: a string on both drivers. */
  rate_dkk: string | null;
  rate_unit: 'day' | 'month' | 'year' | null;
  opening_hours: string | null;
  content: unknown;
  source: string;
  created_at: Timestamp;
}

export interface CaseFileTable {
  id: Generated<string>;
  municipality_id: string;
  citizen_id: string;
  caseworker_id: string | null;
  status: string;
  title: string;
  opened_on: PlainDateColumn;
  day_offer: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface CaseRequestTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  channel: string;
  received_on: PlainDateColumn;
  requested_by: string;
  requester_name: string | null;
  what: string;
  created_at: Timestamp;
}

export interface CaseDeadlineTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  kind: string;
  from_date: PlainDateColumn;
  due_date: PlainDateColumn;
  ends_at_time: string;
  rule_version: string;
  source: string;
  met_on: PlainDateColumn | null;
  notice_sent_on: ColumnType<string | null, string | null | undefined, string | null>;
  lapsed_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface CaseDocumentTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  kind: string;
  title: string;
  journalised_on: PlainDateColumn;
  content: Uint8Array;
  /** The letter as structured text (the browser preview); null for documents from before migration 0009. */
  letter: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface CaseEventTable {
  id: Generated<number>;
  municipality_id: string;
  case_id: string;
  occurred_at: Generated<Date>;
  kind: string;
  subject: string;
  body: string | null;
  actor_name: string | null;
  actor_role: string | null;
  document_id: string | null;
}

export interface AssessmentTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  support_need_code: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface AssessmentThemeTable {
  municipality_id: string;
  assessment_id: string;
  theme_code: string;
  level_code: string | null;
  wishes: string | null;
  informant_code: string | null;
  notes: string | null;
}

export interface DecisionTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  outcome: string;
  kind: ColumnType<string, string | undefined, string>;
  legal_basis: string;
  service_description_version_id: string;
  weekly_hours: string | number | null;
  profile_code: string | null;
  module_days: number | null;
  start_date: PlainDateColumn | null;
  time_limit_until: PlainDateColumn | null;
  reasons: string;
  party_hearing: string;
  party_hearing_note: string | null;
  decided_on: PlainDateColumn;
  decided_by: string | null;
  letter_document_id: string | null;
  created_at: Timestamp;
}

export interface CaseOrderTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  decision_id: string;
  offer_id: string;
  ordered_on: PlainDateColumn;
  first_follow_up: PlainDateColumn;
  action_plan: unknown;
  status: ColumnType<string, string | undefined, string>;
  accepted_on: ColumnType<string | null, string | null | undefined, string | null>;
  actual_start: ColumnType<string | null, string | null | undefined, string | null>;
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  ended_reason: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface OrderGoalTable {
  id: Generated<string>;
  municipality_id: string;
  order_id: string;
  position: number;
  text: string;
  indicator: string;
  target_date: PlainDateColumn;
  condition_code: string;
  goal_type_code: string;
  baseline_support_need_code: string;
  target_support_need_code: string;
  version: Generated<number>;
  ended_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OrderSubgoalTable {
  id: Generated<string>;
  municipality_id: string;
  order_id: string;
  goal_id: string;
  text: string;
  target_date: PlainDateColumn;
  created_by_name: string;
  created_at: Timestamp;
}

export interface OrderJournalTable {
  id: Generated<number>;
  municipality_id: string;
  order_id: string;
  goal_id: string;
  written_on: PlainDateColumn;
  body: string;
  author_name: string;
  created_at: Timestamp;
}

export interface DeliveredHoursTable {
  id: Generated<string>;
  municipality_id: string;
  order_id: string;
  week_start: PlainDateColumn;
  hours: ColumnType<string | number, number, number>;
  registered_by_name: string;
  updated_at: Timestamp;
}

export interface FkoStatusTable {
  id: Generated<string>;
  municipality_id: string;
  order_id: string;
  goal_id: string;
  kind: string;
  scored_on: PlainDateColumn;
  support_need_code: string;
  justification: string;
  scored_by_name: string;
  created_at: Timestamp;
}

export interface CaseMessageTable {
  id: Generated<number>;
  municipality_id: string;
  case_id: string;
  order_id: string | null;
  channel: string;
  from_party: string;
  author_name: string;
  body: string;
  created_at: Timestamp;
}

export interface FollowUpTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  order_id: string;
  held_on: PlainDateColumn;
  outcome: string;
  note: string;
  next_follow_up: PlainDateColumn | null;
  decision_id: string | null;
  held_by_name: string;
  created_at: Timestamp;
}

export interface ComplaintTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  decision_id: string;
  form: string;
  received_on: PlainDateColumn;
  received_at: string | null;
  text: string;
  timeliness: string;
  status: string;
  reconsidered_on: PlainDateColumn | null;
  reconsideration_reasons: string | null;
  forwarded_on: PlainDateColumn | null;
  forwarding_document_id: string | null;
  appeal_outcome: string | null;
  appeal_decided_on: PlainDateColumn | null;
  appeal_note: string | null;
  registered_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface OutreachContactTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  kind: string;
  held_on: PlainDateColumn;
  note: string | null;
  created_at: Timestamp;
}

export interface DB {
  order_subgoal: OrderSubgoalTable;
  order_journal: OrderJournalTable;
  delivered_hours: DeliveredHoursTable;
  fko_status: FkoStatusTable;
  case_message: CaseMessageTable;
  follow_up: FollowUpTable;
  complaint: ComplaintTable;
  outreach_contact: OutreachContactTable;
  case_order: CaseOrderTable;
  order_goal: OrderGoalTable;
  decision: DecisionTable;
  assessment: AssessmentTable;
  assessment_theme: AssessmentThemeTable;
  case_file: CaseFileTable;
  case_request: CaseRequestTable;
  case_deadline: CaseDeadlineTable;
  case_document: CaseDocumentTable;
  case_event: CaseEventTable;
  offer: OfferTable;
  ffb_code_system: FfbCodeSystemTable;
  ffb_code: FfbCodeTable;
  service_description: ServiceDescriptionTable;
  service_description_version: ServiceDescriptionVersionTable;
  municipality: MunicipalityTable;
  org_unit: OrgUnitTable;
  app_user: AppUserTable;
  app_user_offer: AppUserOfferTable;
  citizen: CitizenTable;
  audit_log: AuditLogTable;
  schema_migration: SchemaMigrationTable;
}
