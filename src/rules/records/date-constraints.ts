import { mentionsParagraph } from '../../shared/catalogue/paragraphs.ts';
import type { ValidationKey } from '../../shared/i18n/validation-messages.ts';
import { isPlainDate, type PlainDate } from '../../shared/plain-date.ts';
import { addMonths, addYears } from '../calendar/date-arithmetic.ts';
import type { DeadlineRuleSet } from '../deadlines/deadline-rules.ts';

/**
 * Dates a legal record cannot have, as one table per record. The server refuses a record that breaks a row (400
 * naming the field, nothing saved), and the forms check the same rows before they send, so a caseworker sees the
 * problem at the field. Each row says why, citing the law or the seed.
 *
 * A row reads: the record's `field` must be `relation` `than`, where `than` is `today`, another field of the same
 * record, or a fact from outside the record the caller supplies, named with a dot (`request.receivedOn`, `decision.decidedOn`, `law.maximumEnd`, …). A field
 * `goals.*.targetDate` is checked in every goal. A row whose field or reference is empty is not checked (a missing
 * value is the schema's job), except `present_when`: the field is required whenever the reference exists.
 *
 * This file is pure and imports no calendar library, so the web forms can use it (see docs/adr/0002).
 */
export const DATE_RECORDS = [
  'request',
  'decision',
  'order',
  'deadline_notice',
  'complaint',
  'reconsideration',
  'appeal_result',
  'outreach_contact',
  'follow_up',
  'order_acceptance',
  'subgoal',
  'journal_entry',
  'fko_status',
  'consent',
  'consent_withdrawal',
  'uploaded_document',
] as const;
export type DateRecord = (typeof DATE_RECORDS)[number];

export type DateRelation = 'on_or_before' | 'on_or_after' | 'after' | 'present_when';

export type DateConstraint = {
  record: DateRecord;
  field: string;
  relation: DateRelation;
  than: string;
  key: ValidationKey;
  why: string;
};

/** What happened cannot be dated later than today (notatpligt: the record states when things happened). */
const HAPPENED = 'Notatpligt (offentlighedsloven § 13): en registrering gengiver, hvad der er sket og hvornår';
const ORDERED_IN_TIME = 'Støtten sættes i gang på grundlag af afgørelsen (seed 001, "Sagsbehandlingstider")';
const TO_COME = 'Et mål eller en opfølgning er noget, der skal ske: datoen kan ikke være passeret, når den sættes';

export const DATE_CONSTRAINTS: readonly DateConstraint[] = [
  // The request (henvendelse): received on a day that has come.
  {
    record: 'request',
    field: 'receivedOn',
    relation: 'on_or_before',
    than: 'today',
    key: 'request.receivedOn.future',
    why: HAPPENED,
  },

  // The decision (afgørelse): after the request, not in the future; support starts on or after it; a time limit
  // ends after the start, within the law's maximum, and is required where the law limits the support.
  {
    record: 'decision',
    field: 'decidedOn',
    relation: 'on_or_before',
    than: 'today',
    key: 'decision.decidedOn.future',
    why: HAPPENED,
  },
  {
    record: 'decision',
    field: 'decidedOn',
    relation: 'on_or_after',
    than: 'request.receivedOn',
    key: 'decision.decidedOn.beforeRequest',
    why: 'Retssikkerhedsloven § 3, stk. 2: sagsbehandlingen regnes fra henvendelsen; en afgørelse kan ikke gå forud for den',
  },
  {
    record: 'decision',
    field: 'startDate',
    relation: 'on_or_after',
    than: 'decidedOn',
    key: 'decision.start.beforeDecision',
    why: ORDERED_IN_TIME,
  },
  {
    record: 'decision',
    field: 'timeLimitUntil',
    relation: 'after',
    than: 'startDate',
    key: 'decision.timeLimit.beforeStart',
    why: 'En tidsbegrænset bevilling slutter efter, at støtten er begyndt',
  },
  {
    record: 'decision',
    field: 'timeLimitUntil',
    relation: 'on_or_before',
    than: 'law.maximumEnd',
    key: 'decision.timeLimit.exceedsLaw',
    why: 'SEL § 107 højst 3 år (seed 001); SEL § 82 højst 6 måneder (seed 004)',
  },
  {
    record: 'decision',
    field: 'timeLimitUntil',
    relation: 'present_when',
    than: 'law.maximumEnd',
    key: 'decision.timeLimit.required',
    why: 'SEL §§ 82 og 107 er tidsbegrænsede: bevillingen skal have en slutdato, ellers håndhæves grænsen ikke',
  },

  // The order (bestilling): not before its decision, not in the future; follow-up and goals still to come.
  {
    record: 'order',
    field: 'orderedOn',
    relation: 'on_or_after',
    than: 'decision.decidedOn',
    key: 'order.orderedOn.beforeDecision',
    why: 'SEL § 141 og seed 001: bestillingen følger af afgørelsen og kan ikke gå forud for den',
  },
  { record: 'order', field: 'orderedOn', relation: 'on_or_before', than: 'today', key: 'order.orderedOn.future', why: HAPPENED },
  {
    record: 'order',
    field: 'firstFollowUp',
    relation: 'after',
    than: 'orderedOn',
    key: 'order.followUp.beforeOrder',
    why: TO_COME,
  },
  { record: 'order', field: 'firstFollowUp', relation: 'on_or_after', than: 'today', key: 'order.followUp.past', why: TO_COME },
  {
    record: 'order',
    field: 'goals.*.targetDate',
    relation: 'after',
    than: 'orderedOn',
    key: 'order.targetDate.beforeOrder',
    why: TO_COME,
  },
  {
    record: 'order',
    field: 'goals.*.targetDate',
    relation: 'on_or_after',
    than: 'today',
    key: 'order.targetDate.past',
    why: TO_COME,
  },

  // The notice of a missed deadline (retssikkerhedsloven § 3, stk. 2): the citizen is told when to expect the step.
  {
    record: 'deadline_notice',
    field: 'expectedBy',
    relation: 'after',
    than: 'today',
    key: 'notice.expectedBy.past',
    why: 'Retssikkerhedsloven § 3, stk. 2: borgeren skal have at vide, hvornår en afgørelse kan forventes — en dato, der kommer',
  },
  {
    record: 'deadline_notice',
    field: 'expectedBy',
    relation: 'after',
    than: 'deadline.dueDate',
    key: 'notice.expectedBy',
    why: 'Retssikkerhedsloven § 3, stk. 2: varslet gælder en frist, der ikke kan holdes',
  },

  // The complaint's track (retssikkerhedsloven §§ 66–67).
  {
    record: 'complaint',
    field: 'receivedOn',
    relation: 'on_or_before',
    than: 'today',
    key: 'complaint.receivedOn.future',
    why: HAPPENED,
  },
  {
    record: 'complaint',
    field: 'receivedOn',
    relation: 'on_or_after',
    than: 'decision.decidedOn',
    key: 'complaint.beforeDecision',
    why: 'Retssikkerhedsloven § 67: der klages over en afgørelse, der er truffet',
  },
  {
    record: 'reconsideration',
    field: 'decidedOn',
    relation: 'on_or_before',
    than: 'today',
    key: 'complaint.decidedOn.future',
    why: HAPPENED,
  },
  {
    record: 'reconsideration',
    field: 'decidedOn',
    relation: 'on_or_after',
    than: 'complaint.receivedOn',
    key: 'complaint.beforeReceived',
    why: 'Retssikkerhedsloven § 66, stk. 2: genvurderingen følger klagen',
  },
  {
    record: 'appeal_result',
    field: 'decidedOn',
    relation: 'on_or_before',
    than: 'today',
    key: 'complaint.decidedOn.future',
    why: HAPPENED,
  },
  {
    record: 'appeal_result',
    field: 'decidedOn',
    relation: 'on_or_after',
    than: 'complaint.forwardedOn',
    key: 'complaint.appeal.beforeForwarded',
    why: 'Ankestyrelsen afgør en klage, den har fået',
  },

  // Outreach advice (seed 003): talks held on the case.
  {
    record: 'outreach_contact',
    field: 'heldOn',
    relation: 'on_or_before',
    than: 'today',
    key: 'outreach.heldOn.future',
    why: HAPPENED,
  },
  {
    record: 'outreach_contact',
    field: 'heldOn',
    relation: 'on_or_after',
    than: 'request.receivedOn',
    key: 'outreach.heldOn.beforeRequest',
    why: HAPPENED,
  },

  // Follow-up (opfølgning) by the authority, and the provider's records of an order.
  { record: 'follow_up', field: 'heldOn', relation: 'on_or_before', than: 'today', key: 'followUp.heldOn.future', why: HAPPENED },
  {
    record: 'follow_up',
    field: 'nextFollowUp',
    relation: 'after',
    than: 'heldOn',
    key: 'followUp.next.beforeHeld',
    why: TO_COME,
  },
  {
    record: 'order_acceptance',
    field: 'startDate',
    relation: 'on_or_after',
    than: 'decision.decidedOn',
    key: 'order.start.beforeDecision',
    why: ORDERED_IN_TIME,
  },
  { record: 'subgoal', field: 'targetDate', relation: 'on_or_after', than: 'today', key: 'order.targetDate.past', why: TO_COME },
  { record: 'journal_entry', field: 'writtenOn', relation: 'on_or_before', than: 'today', key: 'date.future', why: HAPPENED },
  { record: 'fko_status', field: 'scoredOn', relation: 'on_or_before', than: 'today', key: 'fko.future', why: HAPPENED },

  // The citizen's consent to share with a relative (src/rules/consent/consent.ts): given on a day that has come, an
  // end after it; withdrawn on or after it was given, and not ahead of time.
  {
    record: 'consent',
    field: 'givenOn',
    relation: 'on_or_before',
    than: 'today',
    key: 'consent.givenOn.future',
    why: 'Databeskyttelsesforordningen art. 7, stk. 1: kommunen skal kunne påvise et samtykke, der er givet',
  },
  {
    record: 'consent',
    field: 'expiresOn',
    relation: 'after',
    than: 'givenOn',
    key: 'consent.expiresOn.beforeGiven',
    why: 'Et samtykke gælder for en periode, der begynder, når det gives',
  },
  {
    record: 'consent_withdrawal',
    field: 'withdrawnOn',
    relation: 'on_or_before',
    than: 'today',
    key: 'date.future',
    why: HAPPENED,
  },
  {
    record: 'consent_withdrawal',
    field: 'withdrawnOn',
    relation: 'on_or_after',
    than: 'consent.givenOn',
    key: 'consent.withdrawnOn.beforeGiven',
    why: 'Databeskyttelsesforordningen art. 7, stk. 3: et samtykke trækkes tilbage med virkning fremover',
  },
  // A document uploaded to a case is dated the day it was written or received: a day that has come.
  {
    record: 'uploaded_document',
    field: 'documentDate',
    relation: 'on_or_before',
    than: 'today',
    key: 'date.future',
    why: HAPPENED,
  },
];

export type DateProblem = { path: string; key: ValidationKey };

/** Facts from outside the record, by the names the rows use; `today` is always one (never the clock here). */
export type DateFacts = { today: PlainDate } & Partial<Record<string, PlainDate | null | undefined>>;

/** `today` and names with a dot are facts from outside the record; other names are the record's own fields. */
export function isFact(name: string): boolean {
  return name === 'today' || name.includes('.');
}

function asDate(value: unknown): PlainDate | null {
  return typeof value === 'string' && isPlainDate(value) ? value : null;
}

function holds(relation: Exclude<DateRelation, 'present_when'>, value: PlainDate, than: PlainDate): boolean {
  if (relation === 'on_or_before') return value <= than;
  if (relation === 'on_or_after') return value >= than;
  return value > than;
}

/** The values a row's field names: one for a plain field, one per element for `list.*.field`. */
function valuesOf(record: Record<string, unknown>, field: string): { path: string; value: unknown }[] {
  const [list, , rest] = field.split('.');
  if (field.includes('.*.') && list && rest) {
    const items = record[list];
    return Array.isArray(items)
      ? items.map((item, i) => ({ path: `${list}.${i}.${rest}`, value: (item as Record<string, unknown>)?.[rest] }))
      : [];
  }
  return [{ path: field, value: record[field] }];
}

/**
 * Every problem with a record's dates, in the table's order, at most one per field (the first row that fails).
 * `values` is the record as the form or the API has it; invalid or empty dates are left to the schema.
 */
export function dateProblems(record: DateRecord, values: Record<string, unknown>, facts: DateFacts): DateProblem[] {
  const problems: DateProblem[] = [];
  for (const row of DATE_CONSTRAINTS) {
    if (row.record !== record) continue;
    const reference = asDate(isFact(row.than) ? facts[row.than] : values[row.than]);
    for (const { path, value } of valuesOf(values, row.field)) {
      if (problems.some((p) => p.path === path)) continue;
      const date = asDate(value);
      if (row.relation === 'present_when') {
        if (reference !== null && (value === null || value === undefined || value === '')) problems.push({ path, key: row.key });
        continue;
      }
      if (date !== null && reference !== null && !holds(row.relation, date, reference)) problems.push({ path, key: row.key });
    }
  }
  return problems;
}

/**
 * The legal maximum end of time-limited support from its start: SEL § 107 three years (seed 001), SEL § 82 six
 * months (seed 004); null where the law sets no limit. Counted from the deadline rules' rows (an end date, never moved
 * to a working day). Pure calendar arithmetic, so the decision form can show it as the default end date.
 */
export function legalTimeLimit(legalBasis: string, start: PlainDate, rules: DeadlineRuleSet): PlainDate | null {
  const kind = mentionsParagraph(legalBasis, '107')
    ? 'sel107_max_duration'
    : mentionsParagraph(legalBasis, '82')
      ? 'sel82_max_duration'
      : null;
  if (!kind) return null;
  const rule = rules.rules[kind];
  if (rule.unit === 'years') return addYears(start, rule.amount);
  if (rule.unit === 'months') return addMonths(start, rule.amount);
  throw new RangeError(`${kind} is counted in ${rule.unit}`);
}
