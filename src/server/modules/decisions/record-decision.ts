import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/tx.ts';
import { type CaseRow, journaliseLetter } from '../case-file/index.ts';
import type { LetterBody, PartyHearingModel } from '../letters/index.ts';
import { type DecisionRow, decisionsRepository } from './decisions.repository.ts';

/**
 * The one place a decision is written: its letter is journalised on the case first, then the decision that
 * points to it. Every kind goes through here: an application granted, partly granted or refused, a revisitation,
 * and a stop.
 */
export async function recordDecision(
  tx: Tx,
  ctx: RequestContext,
  c: CaseRow,
  decision: Omit<DecisionRow, 'municipality_id' | 'case_id' | 'decided_by' | 'letter_document_id'>,
  letter: LetterBody,
  /** Who decides, when not the one acting: the caseworker whose proposal a team leader approved. */
  decider?: { userId: string; name: string },
): Promise<{ decisionId: string; documentId: string }> {
  const documentId = await journaliseLetter(tx, ctx, c, {
    kind: 'decision_letter',
    on: decision.decided_on as PlainDate,
    body: letter,
    ...(decider ? { signedBy: { name: decider.name, title: 'Rådgiver' } } : {}),
  });
  const decisionId = await decisionsRepository.insert(tx, {
    ...decision,
    municipality_id: ctx.actor.municipalityId,
    case_id: c.id,
    decided_by: decider?.userId ?? ctx.actor.userId,
    letter_document_id: documentId,
  });
  return { decisionId, documentId };
}

/** The party hearing as the letter states it, from the form's answer (forvaltningsloven § 19). */
export function partyHearingOf(input: { partyHearing: 'done' | 'not_needed'; partyHearingNote: string }): PartyHearingModel {
  return input.partyHearing === 'done' ? { held: true } : { held: false, why: input.partyHearingNote };
}
