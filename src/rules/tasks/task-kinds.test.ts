import { describe, expect, it } from 'vitest';
import { TASK_KINDS } from '../../shared/tasks/task.schema.ts';
import { DEADLINE_KINDS } from '../deadlines/deadline-rules.ts';
import { canMarkDone, DEADLINE_TASK_HORIZON_DAYS, deadlineAudience, deadlineKindsFor, TASK_KIND_RULES } from './task-kinds.ts';

describe('task kinds', () => {
  it.each([
    ['citizen_complaint', 'authority', true],
    ['citizen_message', 'authority', true],
    ['citizen_document', 'authority', true],
    ['provider_message', 'authority', true],
    ['provider_question', 'authority', false],
    ['order_declined', 'authority', true],
    ['fko_status', 'authority', true],
    ['order_received', 'provider', true],
    ['authority_message', 'provider', true],
    ['question_answered', 'provider', true],
  ] as const)('%s goes to the %s and can be marked done by hand: %s', (kind, audience, markable) => {
    expect(TASK_KIND_RULES[kind].audience).toBe(audience);
    expect(canMarkDone(kind)).toBe(markable);
  });

  it.each(TASK_KINDS)('%s says why it is a task', (kind) => {
    expect(TASK_KIND_RULES[kind].why.length).toBeGreaterThan(10);
  });
});

describe('deadlines in the inbox follow whose duty they are', () => {
  it.each([
    ['receipt', 'authority'],
    ['decision', 'authority'],
    ['decision_day_offer', 'authority'],
    ['start', 'authority'],
    ['forward_to_ankestyrelsen', 'authority'],
    ['fko_status', 'provider'],
    ['complaint', null],
    ['housing_support_continuation', null],
    ['sel82_max_duration', null],
    ['sel107_max_duration', null],
  ] as const)('%s → %s', (kind, audience) => {
    expect(deadlineAudience(kind)).toBe(audience);
  });

  it('every deadline kind has at most one inbox, and an unknown kind none', () => {
    const both = [...deadlineKindsFor('authority'), ...deadlineKindsFor('provider')];
    expect(new Set(both).size).toBe(both.length);
    expect(both.every((k) => (DEADLINE_KINDS as readonly string[]).includes(k))).toBe(true);
    expect(deadlineAudience('something_else')).toBeNull();
  });

  it('shows a deadline a week before it runs out', () => {
    expect(DEADLINE_TASK_HORIZON_DAYS).toBe(7);
  });
});
