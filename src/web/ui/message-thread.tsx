import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { messageSchema } from '../../shared/follow-up/follow-up.schema.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Alert } from './alert.tsx';
import { Field } from './field.tsx';
import { ErrorSummary, useFormErrors } from './form-errors.tsx';
import { formatDateTime } from './format.ts';

export type ThreadMessage = { id: number; fromParty: string; authorName: string; body: string; createdAt: string };

/**
 * A conversation on a case, oldest first, with a box to write the next message: between caseworker and provider
 * about an order, or between caseworker and citizen.
 */
export function MessageThread({
  id,
  messages,
  label,
  send,
}: {
  id: string;
  messages: readonly ThreadMessage[];
  label: string;
  send: UseMutationResult<unknown, Error, { body: string }>;
}) {
  const { t, td, lang } = useI18n();
  const [body, setBody] = useState('');
  const errors = useFormErrors();
  return (
    <>
      {messages.length ? (
        <ul className="vt-messages" data-testid="messages">
          {messages.map((m) => (
            <li key={m.id}>
              <strong>{m.authorName}</strong>{' '}
              <span className="vt-muted">
                ({td(`party.${m.fromParty}`)}, {formatDateTime(m.createdAt, lang)})
              </span>
              <br />
              {m.body}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('messages.none')}</p>
      )}
      <form
        noValidate
        aria-label={label}
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = errors.check(messageSchema, { body });
          if (parsed) send.mutate(parsed, { onSuccess: () => setBody(''), onError: errors.fail });
        }}
      >
        <ErrorSummary errors={errors} fieldId={() => id} idPrefix={id} />
        {send.isSuccess && !errors.state.problems.length ? <Alert variant="success" heading={t('messages.sent')} /> : null}
        <Field id={id} label={label} error={errors.at('body')}>
          <textarea id={id} className="form-input vt-textarea" rows={2} value={body} onChange={(e) => setBody(e.target.value)} />
        </Field>
        <button type="submit" className="button button-secondary" disabled={send.isPending}>
          {t('messages.send')}
        </button>
      </form>
    </>
  );
}
