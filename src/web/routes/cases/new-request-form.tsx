import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { dateProblems } from '../../../rules/records/date-constraints.ts';
import { CASE_TITLE_MAX, openCaseSchema, REQUEST_CHANNELS, REQUESTERS } from '../../../shared/cases/case.schema.ts';
import { plainDateInCopenhagen } from '../../../shared/plain-date.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useOpenCase } from '../../modules/cases/cases.api.ts';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, useFormErrors } from '../../ui/form-errors.tsx';

const ids: Record<string, string> = {
  title: 'r-title',
  what: 'r-what',
  receivedOn: 'r-date',
  channel: 'r-channel',
  requestedBy: 'r-by',
  requesterName: 'r-name',
  dayOffer: 'r-day',
};

/** Register a request on one screen; the same zod schema and date rules as the server check it first. */
export function NewRequestForm({ citizenId }: { citizenId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const open = useOpenCase();
  const [channel, setChannel] = useState<(typeof REQUEST_CHANNELS)[number]>('pre_visitation');
  const [receivedOn, setReceivedOn] = useState<string>(plainDateInCopenhagen(new Date()));
  const [requestedBy, setRequestedBy] = useState<(typeof REQUESTERS)[number]>('citizen');
  const [requesterName, setRequesterName] = useState('');
  const [title, setTitle] = useState('');
  const [what, setWhat] = useState('');
  const [dayOffer, setDayOffer] = useState(false);
  const errors = useFormErrors();

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { citizenId, title, channel, receivedOn, requestedBy, requesterName: requesterName || null, what, dayOffer };
    const parsed = errors.check(
      openCaseSchema,
      input,
      dateProblems('request', input, { today: plainDateInCopenhagen(new Date()) }),
    );
    if (parsed) open.mutate(parsed, { onSuccess: ({ id }) => navigate(`/sager/${id}`), onError: errors.fail });
  }

  return (
    <form onSubmit={submit} noValidate className="vt-panel" aria-labelledby="new-request-heading">
      <h2 id="new-request-heading" className="h3">
        {t('cases.new')}
      </h2>
      <ErrorSummary errors={errors} fieldId={(p) => ids[p] ?? ''} idPrefix="r" />
      <Field id="r-title" label={t('cases.request.title')} hint={t('cases.request.title.hint')} error={errors.at('title')}>
        <input
          id="r-title"
          className="form-input"
          value={title}
          maxLength={CASE_TITLE_MAX}
          onChange={(e) => setTitle(e.target.value)}
        />
      </Field>
      <Field id="r-what" label={t('cases.request.what')} error={errors.at('what')}>
        <textarea
          id="r-what"
          className="form-input vt-textarea"
          rows={3}
          value={what}
          onChange={(e) => setWhat(e.target.value)}
        />
      </Field>
      <div className="vt-filters">
        <Field id="r-date" label={t('cases.request.received')} error={errors.at('receivedOn')}>
          <input
            id="r-date"
            type="date"
            className="form-input"
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.target.value)}
          />
        </Field>
        <Field id="r-channel" label={t('cases.request.channel')} error={errors.at('channel')}>
          <select
            id="r-channel"
            className="form-select"
            value={channel}
            onChange={(e) => setChannel(e.target.value as typeof channel)}
          >
            {REQUEST_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="r-by" label={t('cases.request.by')} error={errors.at('requestedBy')}>
          <select
            id="r-by"
            className="form-select"
            value={requestedBy}
            onChange={(e) => setRequestedBy(e.target.value as typeof requestedBy)}
          >
            {REQUESTERS.map((r) => (
              <option key={r} value={r}>
                {t(`requester.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        {requestedBy !== 'citizen' ? (
          <Field id="r-name" label={t('cases.request.requesterName')} error={errors.at('requesterName')}>
            <input id="r-name" className="form-input" value={requesterName} onChange={(e) => setRequesterName(e.target.value)} />
          </Field>
        ) : null}
      </div>
      <div className="form-group form-group-checkbox">
        <input
          id="r-day"
          className="form-checkbox"
          type="checkbox"
          checked={dayOffer}
          onChange={(e) => setDayOffer(e.target.checked)}
        />
        <label htmlFor="r-day">{t('cases.request.dayOffer')}</label>
      </div>
      <button type="submit" className="button button-primary" disabled={open.isPending}>
        {t('cases.new.submit')}
      </button>
    </form>
  );
}
