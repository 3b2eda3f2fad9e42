import { type FormEvent, useState } from 'react';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCaseCommand } from '../../modules/cases/cases.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Field, fieldErrorOf, formErrorOf } from '../../ui/field.tsx';
import { formatDate } from '../../ui/format.ts';

const plusDays = (date: string, days: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * The notice to the citizen that a deadline cannot be kept (retssikkerhedsloven § 3, stk. 2), drafted with a reason
 * and a new expected date the caseworker adjusts; sent as a letter and journalised.
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
  const [expectedBy, setExpectedBy] = useState(plusDays(deadline.dueDate, 30));
  const [reason, setReason] = useState(td(`notice.draft.${deadline.kind}`));
  const send = useCaseCommand<unknown, { documentId: string }>(caseId, 'deadline-notices');
  function submit(event: FormEvent) {
    event.preventDefault();
    send.mutate({ kind: deadline.kind, expectedBy, reason }, { onSuccess: onDone });
  }
  return (
    <form onSubmit={submit} noValidate className="vt-panel" aria-label={t('notice.title')} data-testid="notice-form">
      <h3 className="h4">
        {t('notice.title')}: {td(`deadline.${deadline.kind}`)} ({formatDate(deadline.dueDate)})
      </h3>
      <p>{t('notice.intro')}</p>
      {formErrorOf(send.error) ? <Alert variant="error" heading={formErrorOf(send.error)} /> : null}
      <Field id="n-reason" label={t('notice.reason')} error={fieldErrorOf(send.error, 'reason')}>
        <textarea
          id="n-reason"
          className="form-input vt-textarea"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      <Field id="n-expected" label={t('notice.expectedBy')} error={fieldErrorOf(send.error, 'expectedBy')}>
        <input
          id="n-expected"
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
        <button type="button" className="button button-tertiary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
