import { OUTREACH_LIMITS } from '../../../rules/outreach/outreach-rules.ts';
import { dateProblems } from '../../../rules/records/date-constraints.ts';
import type { OutreachContact } from '../../../shared/cases/complaint.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflictOn, refuseFields } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase, journal, loadCase, transition } from './case-file.helpers.ts';
import { caseFileRepository } from './case-file.repository.ts';

/**
 * Outreach advice (seed 003): a clarifying talk (at most 3) or the start of the ½-year advice course, counted on
 * the case, which must have come in through outreach advice.
 */
export async function recordOutreach(ctx: RequestContext, id: string, input: OutreachContact): Promise<void> {
  await runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, id);
    transition(c, 'add_note');
    if (c.channel !== 'outreach_advice') throw conflictOn('kind', 'outreach.notOutreach');
    refuseFields(
      dateProblems('outreach_contact', input, { today: ctx.clock.today(), 'request.receivedOn': c.received_on as PlainDate }),
    );
    const contacts = await caseFileRepository.outreachContacts(tx, id);
    if (input.kind === 'clarifying_talk') {
      const talks = contacts.filter((o) => o.kind === 'clarifying_talk').length;
      if (talks >= OUTREACH_LIMITS.clarifyingTalks.max) throw conflictOn('kind', 'outreach.talks.limit');
    } else if (contacts.some((o) => o.kind === 'course_start')) {
      throw conflictOn('kind', 'outreach.course.started');
    }
    await caseFileRepository.insertOutreachContact(tx, {
      municipality_id: ctx.actor.municipalityId,
      case_id: id,
      kind: input.kind,
      held_on: input.heldOn,
      note: input.note || null,
    });
    await journal(
      tx,
      ctx,
      id,
      'outreach',
      input.kind === 'clarifying_talk' ? 'Afklaringssamtale (fremskudt rådgivning)' : 'Råd- og vejledningsforløb startet',
      input.note || null,
    );
    await auditCase(tx, ctx, {
      action: 'update',
      citizenId: c.citizen_id,
      recordType: 'case',
      recordId: id,
      details: { change: `outreach:${input.kind}` },
    });
  });
}
