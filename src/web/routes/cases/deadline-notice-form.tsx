import { type FormEvent, useState } from 'react';
import { dateProblems } from '../../../rules/records/date-constraints.ts';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { deadlineNoticeSchema } from '../../../shared/cases/complaint.schema.ts';
import { plainDateInCopenhagen } from '../../../shared/plain-date.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCaseCommand } from '../../modules/cases/cases.api.ts';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDate } from '../../ui/format.ts';
import { DraftLetter, useDraftLetter } from './letter-preview.tsx';

const plusDays = (date: string, days: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const ids = fieldIdOf('n');

/**
 * The notice to the citizen that a deadline cannot be kept (retssikkerhedsloven § 3, stk. 2), drafted with a reason
 * and a new expected date the caseworker adjusts; sent as a letter and journalised. The drafted date is 30 days from
 * today or from the deadline, whichever is later: always a date that is still to come.
 */
export function DeadlineNoticeForm({
  caseId,
  deadline,
  onDone,
}: {
  caseId: string;
  deadline: CaseDetail['deadlines'][number];
  onDone: () => void;
}) {
  const { t, td } = useI18n();
  const today = plainDateInCopenhagen(new Date());
  const [expectedBy, setExpectedBy] = useState(plusDays(deadline.dueDate > today ? deadline.dueDate : today, 30));
  const [reason, setReason] = useState(td(`notice.draft.${deadline.kind}`));
  const send = useCaseCommand<unknown, { documentId: string }>(caseId, 'deadline-notices');
  const errors = useFormErrors();
  const draft = useDraftLetter<unknown>(caseId, 'deadline-notices');
  const input = { kind: deadline.kind, expectedBy, reason };
  const checked = () =>
    errors.check(
      deadlineNoticeSchema,
      input,
      dateProblems('deadline_notice', input, { today, 'deadline.dueDate': deadline.dueDate }),
    );
  function show() {
    const parsed = checked();
    if (parsed) draft.show(parsed, input, errors.fail);
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = checked();
    if (parsed) send.mutate(parsed, { onSuccess: onDone, onError: errors.fail });
  }
  return (
    <form onSubmit={submit} noValidate className="vt-panel" aria-label={t('notice.title')} data-testid="notice-form">
      <h3 className="h4">
        {t('notice.title')}: {td(`deadline.${deadline.kind}`)} ({formatDate(deadline.dueDate)})
      </h3>
      <p>{t('notice.intro')}</p>
      <ErrorSummary errors={errors} fieldId={ids} idPrefix="n" />
      <Field id={ids('reason')} label={t('notice.reason')} error={errors.at('reason')}>
        <textarea
          id={ids('reason')}
          className="form-input vt-textarea"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      <Field
        id={ids('expectedBy')}
        label={t('notice.expectedBy')}
        hint={t('notice.expectedBy.hint')}
        error={errors.at('expectedBy')}
      >
        <input
          id={ids('expectedBy')}
          type="date"
          className="form-input"
          value={expectedBy}
          onChange={(e) => setExpectedBy(e.target.value)}
        />
      </Field>
      <div className="vt-actions">
        <button type="submit" className="button button-primary" disabled={send.isPending}>
          {t('notice.send')}
        </button>
        <button type="button" className="button button-secondary" onClick={show} disabled={draft.isPending}>
          {t('letter.draft.show')}
          <span className="sr-only"> ({t('notice.title')})</span>
        </button>
        <button type="button" className="button button-tertiary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
      <DraftLetter letter={draft.letter} stale={draft.isStale(input)} />
    </form>
  );
}
