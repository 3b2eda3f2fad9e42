import { deadlineRulesFor } from '../../../rules/deadlines/deadline-rules.ts';
import { computeDeadline } from '../../../rules/deadlines/deadlines.ts';
import { dateProblems } from '../../../rules/records/date-constraints.ts';
import type { OpenCase } from '../../../shared/cases/case.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { fieldError, notFound, refuseFields } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase, journal, storeDeadlines } from './case-file.helpers.ts';
import { caseFileRepository } from './case-file.repository.ts';

/**
 * A request opens a case, and starts its deadlines: the receipt (14 days) and the decision (3 months, or 2 for
 * a day offer), each stored with the rule set that computed it.
 */
export async function openCase(ctx: RequestContext, input: OpenCase): Promise<{ id: string }> {
  return runUseCase(ctx, async (tx) => {
    refuseFields(dateProblems('request', input, { today: ctx.clock.today() }));
    const citizen = await caseFileRepository.citizenForCase(tx, input.citizenId);
    if (!citizen) throw notFound();
    if (input.caseNumber && (await caseFileRepository.caseNumberTaken(tx, ctx.actor.municipalityId, input.caseNumber))) {
      throw fieldError('caseNumber', 'caseNumber.taken');
    }
    const { id } = await caseFileRepository.insertCase(tx, {
      municipality_id: ctx.actor.municipalityId,
      citizen_id: citizen.id,
      caseworker_id: ctx.actor.userId,
      status: 'request_received',
      title: input.title,
      opened_on: input.receivedOn,
      day_offer: input.dayOffer,
      case_number: input.caseNumber,
    });
    await caseFileRepository.insertRequest(tx, {
      municipality_id: ctx.actor.municipalityId,
      case_id: id,
      channel: input.channel,
      received_on: input.receivedOn,
      requested_by: input.requestedBy,
      requester_name: input.requesterName,
      what: input.what,
    });
    const rules = deadlineRulesFor(ctx.actor.municipalityCode);
    const kinds = ['receipt', input.dayOffer ? 'decision_day_offer' : 'decision'] as const;
    await storeDeadlines(
      tx,
      ctx,
      id,
      kinds.map((kind) => computeDeadline(kind, input.receivedOn, rules)),
    );
    await journal(tx, ctx, id, 'request', 'Henvendelse modtaget', input.what);
    await auditCase(tx, ctx, { action: 'create', citizenId: citizen.id, recordType: 'case', recordId: id });
    return { id };
  });
}
