import { noticeAllowed } from '../../../rules/deadlines/deadline-notice.ts';
import type { DeadlineKind } from '../../../rules/deadlines/deadline-rules.ts';
import { dateProblems } from '../../../rules/records/date-constraints.ts';
import type { DeadlineNotice } from '../../../shared/cases/complaint.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { fieldError, refuseFields } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { missedDeadlineNoticeLetter } from '../letters/index.ts';
import { auditCase, journal, journaliseLetter, loadCase, transition } from './case-file.helpers.ts';
import { caseFileRepository } from './case-file.repository.ts';

/**
 * The written notice that a deadline cannot be kept (retssikkerhedsloven § 3, stk. 2): why, and when the citizen
 * can expect the step instead. Generated as a letter, journalised, and recorded on the deadline.
 */
export async function sendDeadlineNotice(
  ctx: RequestContext,
  id: string,
  input: DeadlineNotice,
): Promise<{ documentId: string }> {
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, id);
    transition(c, 'send_deadline_notice');
    const deadline = (await caseFileRepository.deadlines(tx, id)).find(
      (d) => d.kind === input.kind && noticeAllowed(d.kind as DeadlineKind, d.met_on),
    );
    if (!deadline) throw fieldError('kind', 'notice.kind');
    const on = ctx.clock.today();
    // The date the citizen is told to expect is still to come, and after the deadline that could not be kept.
    refuseFields(dateProblems('deadline_notice', input, { today: on, 'deadline.dueDate': deadline.due_date as PlainDate }));
    const documentId = await journaliseLetter(tx, ctx, c, {
      kind: 'missed_deadline_notice',
      on,
      body: missedDeadlineNoticeLetter({
        kind: input.kind as DeadlineKind,
        due: deadline.due_date as PlainDate,
        reason: input.reason,
        expectedBy: input.expectedBy,
      }),
    });
    await caseFileRepository.markNoticeSent(tx, id, input.kind, on);
    await journal(tx, ctx, id, 'deadline_notice', 'Varsel om overskredet frist sendt', input.reason, documentId);
    await auditCase(tx, ctx, { action: 'create', citizenId: c.citizen_id, recordType: 'case_document', recordId: documentId });
    return { documentId };
  });
}
