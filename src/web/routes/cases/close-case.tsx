import { type FormEvent, useState } from 'react';
import { type CaseDetail, closeCaseSchema } from '../../../shared/cases/case.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { hasOpenComplaint, useCaseCommand } from '../../modules/cases/cases.api.ts';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';

/** Closing the case, with the reason for the journal. Hidden while a complaint is under way. */
export function CloseCase({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const close = useCaseCommand<{ version: number; reason: string }>(c.id, 'close');
  const errors = useFormErrors();
  const complaintOpen = hasOpenComplaint(c);
  if (!c.allowedActions.includes('close') || complaintOpen) return null;
  if (!open) {
    return (
      <button type="button" className="button button-tertiary" onClick={() => setOpen(true)}>
        {t('cases.close')}
      </button>
    );
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = errors.check(closeCaseSchema, { version: c.version, reason });
    if (parsed) close.mutate(parsed, { onError: errors.fail });
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.close')}>
      <ErrorSummary errors={errors} fieldId={fieldIdOf('close')} idPrefix="close" />
      <Field id="close-reason" label={t('cases.close.reason')} error={errors.at('reason')}>
        <input id="close-reason" className="form-input" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <button type="submit" className="button button-secondary" disabled={close.isPending}>
        {t('cases.close')}
      </button>
    </form>
  );
}
