import { TASK_KIND_RULES, type TaskKind } from '../../../../rules/tasks/task-kinds.ts';
import { plainDateInCopenhagen } from '../../../../shared/plain-date.ts';
import type { Actor } from '../context.ts';
import { instantAt, workingDayAfter } from '../time.ts';
import type { CaseSim } from './case-sim.ts';

/**
 * A task an event put in an inbox (modules/tasks), as the use case where the event happened would have written it.
 * Whoever it was for deals with it within a few working days: by the step it asked for (an order accepted, a
 * question answered) or by marking it done; what came in the last days is still open on the generated "today", so
 * every demo user meets an inbox of the recent days' events.
 */
export type TaskDraft = {
  kind: TaskKind;
  at: Date;
  orderId: string | null;
  /** The provider's unit (the ordered offer's), for the provider's tasks. */
  unitId: string | null;
  /** The record the event made; a message's id is known only when it is written, so it is filled in then. */
  record: { type: string; ref: { id: string | null } };
  summary: string;
  /** Done by the step it asked for, on this instant (null: marked by hand a few working days later, if before today). */
  doneBy: { at: Date; actor: Actor; resolution: 'answered' | 'followed_up' | 'marked' } | null;
  /** Never done by hand: a question waits for its answer. */
  waits?: boolean;
};

const SUMMARY_LENGTH = 240;

function summaryOf(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > SUMMARY_LENGTH ? `${one.slice(0, SUMMARY_LENGTH - 1)}…` : one;
}

/** Writes a case's tasks (after its messages, whose ids they name) and audits those marked done by hand. */
export function writeTasks(sim: CaseSim, tasks: readonly TaskDraft[], providerOf: (unitId: string) => Actor): void {
  const { g, m, rng } = sim;
  for (const t of tasks) {
    const audience = TASK_KIND_RULES[t.kind].audience;
    const id = m.ids('task').next();
    let done = t.doneBy;
    if (!done && !t.waits) {
      let on = workingDayAfter(plainDateInCopenhagen(t.at), rng.int(0, 3));
      const who = audience === 'provider' && t.unitId ? providerOf(t.unitId) : sim.caseworker;
      let at = instantAt(on, rng.int(8 * 60, 15 * 60 + 30));
      // Drawn before the event came in (the same day, earlier): it is dealt with on the next working day instead.
      if (at <= t.at) {
        on = workingDayAfter(on, 1);
        at = instantAt(on, rng.int(8 * 60, 15 * 60 + 30));
      }
      if (on < g.today) {
        done = { at, actor: who, resolution: 'marked' };
        sim.audit(at, who, 'update', 'task', id, { change: 'done', kind: t.kind });
      }
    }
    g.writer.add('task', {
      municipality_id: m.id,
      id,
      kind: t.kind,
      audience,
      case_id: sim.id,
      order_id: t.orderId,
      org_unit_id: audience === 'provider' ? t.unitId : null,
      record_type: t.record.type,
      record_id: t.record.ref.id,
      summary: summaryOf(t.summary),
      created_at: t.at.toISOString(),
      done_at: done ? done.at.toISOString() : null,
      done_by: done && done.actor.role !== 'citizen' ? done.actor.userId : null,
      done_by_name: done ? done.actor.name : null,
      resolution: done ? done.resolution : null,
      version: done ? 2 : 1,
    });
  }
}
