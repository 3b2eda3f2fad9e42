import { describe, expect, it } from 'vitest';
import { VALIDATION_MESSAGES } from '../../shared/i18n/validation-messages.ts';
import type { PlainDate } from '../../shared/plain-date.ts';
import { addDays } from '../calendar/date-arithmetic.ts';
import { BASE_DEADLINE_RULES, deadlineRulesFor } from '../deadlines/deadline-rules.ts';
import { DATE_CONSTRAINTS, DATE_RECORDS, type DateFacts, dateProblems, isFact, legalTimeLimit } from './date-constraints.ts';

const d = (s: string) => s as PlainDate;
const R = d('2026-03-10');

/** A record holding only the row's field (and the referenced field), so no other row can fire. */
function recordFor(field: string, value: PlainDate | null, than: string) {
  const values: Record<string, unknown> = {};
  const facts = { today: null } as unknown as DateFacts;
  if (isFact(than)) (facts as Record<string, unknown>)[than] = R;
  else values[than] = R;
  const [list, , rest] = field.split('.');
  if (field.includes('.*.') && list && rest) values[list] = [{ [rest]: value }];
  else values[field] = value;
  const path = field.replace('.*.', '.0.');
  return { values, facts, path };
}

const FAILING = {
  on_or_before: addDays(R, 1),
  on_or_after: addDays(R, -1),
  after: R,
  present_when: null,
} as const;
const PASSING = { on_or_before: R, on_or_after: R, after: addDays(R, 1), present_when: R } as const;

describe('the date-constraint table', () => {
  it.each(DATE_CONSTRAINTS)('$record.$field $relation $than: refused with $key', (row) => {
    const { values, facts, path } = recordFor(row.field, FAILING[row.relation], row.than);
    expect(dateProblems(row.record, values, facts)).toEqual([{ path, key: row.key }]);
  });

  it.each(DATE_CONSTRAINTS)('$record.$field $relation $than: the boundary is accepted', (row) => {
    const { values, facts } = recordFor(row.field, PASSING[row.relation], row.than);
    expect(dateProblems(row.record, values, facts)).toEqual([]);
  });

  it.each(DATE_CONSTRAINTS)('$record.$field: says why ($why) and has a message in Danish and English', (row) => {
    expect(row.why.length).toBeGreaterThan(10);
    expect(VALIDATION_MESSAGES[row.key].da).toMatch(/\.$/);
    expect(VALIDATION_MESSAGES[row.key].en).toMatch(/\.$/);
  });

  it.each(DATE_RECORDS)('%s has at least one row', (record) => {
    expect(DATE_CONSTRAINTS.some((r) => r.record === record)).toBe(true);
  });

  it.each(DATE_CONSTRAINTS)('$record.$field: an empty value or reference is left to the schema', (row) => {
    if (row.relation === 'present_when') return expect(dateProblems(row.record, {}, { today: R })).toEqual([]);
    const { values, facts } = recordFor(row.field, FAILING[row.relation], 'nothing.here');
    expect(dateProblems(row.record, values, facts)).toEqual([]);
  });
});

describe('the impossible records of issue 12, refused at the field', () => {
  const today = d('2026-03-20');
  it.each([
    ['a request received in the future', 'request', { receivedOn: '2026-03-21' }, {}, 'receivedOn', 'request.receivedOn.future'],
    [
      'a decision before its request was received',
      'decision',
      { decidedOn: '2026-03-01' },
      { 'request.receivedOn': '2026-03-02' },
      'decidedOn',
      'decision.decidedOn.beforeRequest',
    ],
    ['a decision in the future', 'decision', { decidedOn: '2026-03-21' }, {}, 'decidedOn', 'decision.decidedOn.future'],
    [
      'a start date before the decision',
      'decision',
      { decidedOn: '2026-03-10', startDate: '2026-03-09' },
      {},
      'startDate',
      'decision.start.beforeDecision',
    ],
    [
      'a time limit that ends before the start',
      'decision',
      { decidedOn: '2026-03-10', startDate: '2026-03-12', timeLimitUntil: '2026-03-11' },
      {},
      'timeLimitUntil',
      'decision.timeLimit.beforeStart',
    ],
    [
      'a § 107 grant without an end date',
      'decision',
      { decidedOn: '2026-03-10', startDate: '2026-03-12', timeLimitUntil: null },
      { 'law.maximumEnd': '2029-03-12' },
      'timeLimitUntil',
      'decision.timeLimit.required',
    ],
    [
      'a § 82 grant beyond six months',
      'decision',
      { decidedOn: '2026-03-10', startDate: '2026-03-12', timeLimitUntil: '2026-09-13' },
      { 'law.maximumEnd': '2026-09-12' },
      'timeLimitUntil',
      'decision.timeLimit.exceedsLaw',
    ],
    [
      'an order dated before its decision',
      'order',
      { orderedOn: '2025-01-10', firstFollowUp: '2026-06-01', goals: [] },
      { 'decision.decidedOn': '2026-03-10' },
      'orderedOn',
      'order.orderedOn.beforeDecision',
    ],
    [
      'an order with its follow-up already past',
      'order',
      { orderedOn: '2026-03-15', firstFollowUp: '2026-03-18', goals: [] },
      { 'decision.decidedOn': '2026-03-10' },
      'firstFollowUp',
      'order.followUp.past',
    ],
    [
      'an order with a goal date already past',
      'order',
      {
        orderedOn: '2026-03-15',
        firstFollowUp: '2026-06-01',
        goals: [{ targetDate: '2026-12-01' }, { targetDate: '2026-03-19' }],
      },
      { 'decision.decidedOn': '2026-03-10' },
      'goals.1.targetDate',
      'order.targetDate.past',
    ],
    [
      'a deadline notice whose expected date is already past',
      'deadline_notice',
      { expectedBy: '2026-03-19' },
      { 'deadline.dueDate': '2026-03-01' },
      'expectedBy',
      'notice.expectedBy.past',
    ],
    [
      'a deadline notice expecting the step today',
      'deadline_notice',
      { expectedBy: '2026-03-20' },
      { 'deadline.dueDate': '2026-03-01' },
      'expectedBy',
      'notice.expectedBy.past',
    ],
  ] as const)('%s', (_label, record, values, facts, path, key) => {
    expect(dateProblems(record, values, { today, ...facts } as DateFacts)).toEqual([{ path, key }]);
  });

  it('reports one problem per field, the first row that fails', () => {
    // In the future and before the request: the future is named first.
    expect(dateProblems('decision', { decidedOn: '2026-04-01' }, { today, 'request.receivedOn': d('2026-05-01') })).toEqual([
      { path: 'decidedOn', key: 'decision.decidedOn.future' },
    ]);
  });

  it('accepts a possible record', () => {
    expect(
      dateProblems(
        'order',
        { orderedOn: '2026-03-20', firstFollowUp: '2026-06-20', goals: [{ targetDate: '2026-09-01' }] },
        { today, 'decision.decidedOn': d('2026-03-10') },
      ),
    ).toEqual([]);
  });
});

describe('legalTimeLimit (the maximum end, shown as the default end date)', () => {
  it.each([
    ['SEL § 107', '2026-12-01', '2029-12-01'],
    ['SEL § 107', '2024-02-29', '2027-02-28'],
    ['SEL §§ 82 og 85', '2026-08-31', '2027-02-28'],
    ['SEL § 82', '2026-12-24', '2027-06-24'], // an end date does not move to a working day
    ['SEL § 85', '2026-12-01', null],
    ['SEL § 82 b', '2026-12-01', null], // § 82 b (unvisited) is not § 82
  ])('%s from %s ends at the latest %s', (basis, start, limit) => {
    expect(legalTimeLimit(basis, d(start), BASE_DEADLINE_RULES)).toBe(limit);
    expect(legalTimeLimit(basis, d(start), deadlineRulesFor('760'))).toBe(limit);
  });
});
