import { useState } from 'react';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCaseCommand } from '../../modules/cases/cases.api.ts';
import { Field, fieldErrorOf } from '../../ui/field.tsx';
import { formatDateTime } from '../../ui/format.ts';

/** The conversation with the citizen: their messages from their own page, and the caseworker's answers. */
export function CitizenMessages({ c }: { c: CaseDetail }) {
  const { t, td, lang } = useI18n();
  const [body, setBody] = useState('');
  const send = useCaseCommand<{ body: string }>(c.id, 'messages');
  return (
    <section aria-labelledby="citizen-messages-heading" className="vt-section" data-testid="citizen-messages">
      <h2 id="citizen-messages-heading">{t('messages.citizen')}</h2>
      {c.messages.length ? (
        <ul className="vt-messages">
          {c.messages.map((m) => (
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
        aria-label={t('messages.toCitizen')}
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate({ body }, { onSuccess: () => setBody('') });
        }}
      >
        <Field id="cm-body" label={t('messages.toCitizen')} error={fieldErrorOf(send.error, 'body')}>
          <textarea
            id="cm-body"
            className="form-input vt-textarea"
            rows={2}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        </Field>
        <button type="submit" className="button button-secondary" disabled={send.isPending}>
          {t('messages.send')}
        </button>
      </form>
    </section>
  );
}
