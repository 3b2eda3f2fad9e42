import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { openCaseSchema, REQUEST_CHANNELS, REQUESTERS } from '../../../shared/cases/case.schema.ts';
import { translateIssue } from '../../../shared/i18n/validation-messages.ts';
import { plainDateInCopenhagen } from '../../../shared/plain-date.ts';
import { ApiRequestError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useOpenCase } from '../../modules/cases/cases.api.ts';

/** Register a request on one screen; the same zod schema as the server checks it first. */
export function NewRequestForm({ citizenId }: { citizenId: string }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const open = useOpenCase();
  const [channel, setChannel] = useState<(typeof REQUEST_CHANNELS)[number]>('pre_visitation');
  const [receivedOn, setReceivedOn] = useState(plainDateInCopenhagen(new Date()));
  const [requestedBy, setRequestedBy] = useState<(typeof REQUESTERS)[number]>('citizen');
  const [requesterName, setRequesterName] = useState('');
  const [what, setWhat] = useState('');
  const [dayOffer, setDayOffer] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { citizenId, channel, receivedOn, requestedBy, requesterName: requesterName || null, what, dayOffer };
    const parsed = openCaseSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), translateIssue(i, lang)])));
      return;
    }
    setErrors({});
    open.mutate(parsed.data, {
      onSuccess: ({ id }) => navigate(`/sager/${id}`),
      onError: (e) => {
        if (e instanceof ApiRequestError) setErrors(Object.fromEntries((e.body.fields ?? []).map((f) => [f.path, f.message])));
      },
    });
  }

  const err = (field: string) =>
    errors[field] ? (
      <span className="form-error-message" id={`r-${field}-error`}>
        {errors[field]}
      </span>
    ) : null;

  return (
    <form onSubmit={submit} noValidate className="vt-panel" aria-labelledby="new-request-heading">
      <h2 id="new-request-heading" className="h3">
        {t('cases.new')}
      </h2>
      <div className={`form-group${errors.what ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor="r-what">
          {t('cases.request.what')}
        </label>
        {err('what')}
        <textarea
          id="r-what"
          className="form-input vt-textarea"
          rows={3}
          value={what}
          onChange={(e) => setWhat(e.target.value)}
        />
      </div>
      <div className="vt-filters">
        <div className={`form-group${errors.receivedOn ? ' form-error' : ''}`}>
          <label className="form-label" htmlFor="r-date">
            {t('cases.request.received')}
          </label>
          {err('receivedOn')}
          <input
            id="r-date"
            type="date"
            className="form-input"
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.target.value as typeof receivedOn)}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="r-channel">
            {t('cases.request.channel')}
          </label>
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
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="r-by">
            {t('cases.request.by')}
          </label>
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
        </div>
        {requestedBy !== 'citizen' ? (
          <div className="form-group">
            <label className="form-label" htmlFor="r-name">
              {t('cases.request.requesterName')}
            </label>
            <input id="r-name" className="form-input" value={requesterName} onChange={(e) => setRequesterName(e.target.value)} />
          </div>
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
