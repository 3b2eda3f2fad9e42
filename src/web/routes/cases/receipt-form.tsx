import { type FormEvent, useEffect, useState } from 'react';
import { type CaseDetail, receiptSchema } from '../../../shared/cases/case.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCaseCommand } from '../../modules/cases/cases.api.ts';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';
import { DraftLetter, useDraftLetter } from './letter-preview.tsx';

const ids = fieldIdOf('rc');

/**
 * The receipt (kvittering): shown as the citizen will get it before it is sent, with the request described in the
 * caseworker's words (the recorded request to start with) and an optional personal note; the rest is the template.
 */
export function ReceiptForm({ c, onCancel }: { c: CaseDetail; onCancel: () => void }) {
  const { t } = useI18n();
  const [what, setWhat] = useState(c.request.what);
  const [note, setNote] = useState('');
  const send = useCaseCommand<unknown, { documentId: string }>(c.id, 'receipt');
  const draft = useDraftLetter<unknown>(c.id, 'receipt');
  const errors = useFormErrors();
  const input = { version: c.version, what, note };

  function show() {
    const parsed = errors.check(receiptSchema, input);
    if (parsed) draft.show(parsed, input, errors.fail);
  }
  // The letter is shown as soon as the receipt is opened: nothing goes out unseen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: shown once, on opening
  useEffect(show, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = errors.check(receiptSchema, input);
    if (parsed) send.mutate(parsed, { onError: errors.fail });
  }

  return (
    <form onSubmit={submit} noValidate className="vt-panel" aria-labelledby="receipt-heading" data-testid="receipt-form">
      <h3 id="receipt-heading" className="h4">
        {t('receipt.title')}
      </h3>
      <ErrorSummary errors={errors} fieldId={ids} idPrefix="rc" />
      <Field id={ids('what')} label={t('receipt.what')} error={errors.at('what')}>
        <textarea
          id={ids('what')}
          className="form-input vt-textarea"
          rows={3}
          value={what}
          onChange={(e) => setWhat(e.target.value)}
        />
      </Field>
      <Field id={ids('note')} label={t('receipt.note')} error={errors.at('note')}>
        <textarea
          id={ids('note')}
          className="form-input vt-textarea"
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
      <div className="vt-actions">
        <button type="submit" className="button button-primary" disabled={send.isPending}>
          {t('receipt.send')}
        </button>
        <button type="button" className="button button-secondary" onClick={show} disabled={draft.isPending}>
          {t('letter.draft.show')}
          <span className="sr-only"> ({t('receipt.title')})</span>
        </button>
        <button type="button" className="button button-tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <DraftLetter letter={draft.letter} stale={draft.isStale(input)} />
    </form>
  );
}
