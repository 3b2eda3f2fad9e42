import type { TASK_KINDS } from '../../shared/tasks/task.schema.ts';
import { DEADLINE_DUTY } from '../deadlines/deadline-duty.ts';

/**
 * What lands in an inbox (issue 16) and whose inbox it is: events written as tasks when they happen, and deadlines
 * derived from the case's stored deadlines by whose duty they are (deadline-duty.ts). A task is done by hand, or by
 * the step it asks for (`doneBy`): a question is done when it is answered, a declined order when a new one is placed.
 */
export type TaskAudience = 'authority' | 'provider';
export type TaskDoneBy = 'marking' | 'answering' | 'ordering';

export type TaskKindRow = { audience: TaskAudience; doneBy: TaskDoneBy; why: string };

export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_KIND_RULES: Record<TaskKind, TaskKindRow> = {
  citizen_complaint: {
    audience: 'authority',
    doneBy: 'marking',
    why: 'Retssikkerhedsloven § 66, stk. 2: kommunen genvurderer en klage inden 4 uger; en digital klage skal ses med det samme',
  },
  citizen_message: { audience: 'authority', doneBy: 'marking', why: 'Borgerens besked til sagsbehandleren' },
  citizen_document: {
    audience: 'authority',
    doneBy: 'marking',
    why: 'Borgeren har sendt et dokument til sagen (journaliseret, offentlighedsloven § 15); sagsbehandleren læser det og tager det med i sagen (officialprincippet)',
  },
  provider_message: { audience: 'authority', doneBy: 'marking', why: 'Udførerens besked om bestillingen' },
  provider_question: {
    audience: 'authority',
    doneBy: 'answering',
    why: 'Udføreren holder bestillingen, til sagsbehandleren svarer (order-actions.ts: ask → answer)',
  },
  order_declined: {
    audience: 'authority',
    doneBy: 'ordering',
    why: 'Udføreren har afvist bestillingen; startfristen løber, så der skal bestilles et andet sted',
  },
  fko_status: {
    audience: 'authority',
    doneBy: 'marking',
    why: 'Seed 003 (FKO): udføreren giver status hver tredje måned; myndigheden følger scoringerne på målene',
  },
  order_received: {
    audience: 'provider',
    doneBy: 'marking',
    why: 'En ny bestilling til tilbuddet skal accepteres, afvises eller spørges til',
  },
  authority_message: { audience: 'provider', doneBy: 'marking', why: 'Sagsbehandlerens besked om bestillingen' },
  question_answered: {
    audience: 'provider',
    doneBy: 'marking',
    why: 'Svar på udførerens spørgsmål; bestillingen kan nu accepteres',
  },
};

/** Whether the inbox offers "Markér som løst" for a task of `kind` (a question is done by answering it). */
export function canMarkDone(kind: TaskKind): boolean {
  return TASK_KIND_RULES[kind].doneBy !== 'answering';
}

/** A deadline shows in the inbox this many days before it runs out (and every day after, until it is met). */
export const DEADLINE_TASK_HORIZON_DAYS = 7;

/** Whose inbox a deadline of `kind` goes to: the municipality's to the caseworker, the provider's to the provider. */
export function deadlineAudience(kind: string): TaskAudience | null {
  const duty = (DEADLINE_DUTY as Record<string, { duty: string } | undefined>)[kind]?.duty;
  return duty === 'municipality' ? 'authority' : duty === 'provider' ? 'provider' : null;
}

/** The deadline kinds that go to `audience`'s inbox, for the query over stored deadlines. */
export function deadlineKindsFor(audience: TaskAudience): string[] {
  return Object.keys(DEADLINE_DUTY).filter((k) => deadlineAudience(k) === audience);
}
