import { type FormEvent, useState } from 'react';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { hasOpenComplaint, useCaseCommand } from '../../modules/cases/cases.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Field, fieldErrorOf, formErrorOf } from '../../ui/field.tsx';

/** Closing the case, with the reason for the journal. Hidden while a complaint is under way. */
export function CloseCase({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const close = useCaseCommand<{ version: number; reason: string }>(c.id, 'close');
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
    close.mutate({ version: c.version, reason });
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.close')}>
      {formErrorOf(close.error) ? <Alert variant="error" heading={formErrorOf(close.error)} /> : null}
      <Field id="close-reason" label={t('cases.close.reason')} error={fieldErrorOf(close.error, 'reason')}>
        <input id="close-reason" className="form-input" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <button type="submit" className="button button-secondary" disabled={close.isPending}>
        {t('cases.close')}
      </button>
    </form>
  );
}
