import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Assessment } from '../../../shared/assessment/assessment.schema.ts';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import { DECISION_OUTCOMES } from '../../../shared/cases/decision.schema.ts';
import { plainDateInCopenhagen } from '../../../shared/plain-date.ts';
import { ApiRequestError, api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCaseCommand } from '../../modules/cases/cases.api.ts';
import { useDescriptions } from '../../modules/catalogue/catalogue.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { ProposalPanel } from './proposal-panel.tsx';

/** The decision on one screen. The system proposes nothing here on its own: a person decides and gives reasons. */
export function DecisionForm({ caseId, version, user }: { caseId: string; version: number; user: SessionUser }) {
  const { t, td } = useI18n();
  const assessment = useQuery({
    queryKey: ['assessment', caseId],
    queryFn: () => api<Assessment>(`/api/cases/${caseId}/assessment`),
  });
  const assessmentComplete = assessment.data?.completeness.complete ?? false;
  const levels = useDescriptions({ municipality: user.municipality.code }, 100);
  const today = plainDateInCopenhagen(new Date());
  const [outcome, setOutcome] = useState<(typeof DECISION_OUTCOMES)[number]>('granted');
  const [serviceVersion, setServiceVersion] = useState('');
  const [decidedOn, setDecidedOn] = useState<string>(today);
  const [hours, setHours] = useState('');
  const [modules, setModules] = useState('');
  const [startDate, setStartDate] = useState<string>(today);
  const [until, setUntil] = useState('');
  const [reasons, setReasons] = useState('');
  const [hearing, setHearing] = useState<'done' | 'not_needed'>('done');
  const [hearingNote, setHearingNote] = useState('');
  const decide = useCaseCommand<unknown, { documentId: string }>(caseId, 'decision');
  const error = (path: string) => (decide.error instanceof ApiRequestError ? decide.error.fieldMessage(path) : undefined);
  const field = (path: string) => {
    const message = error(path);
    return message ? (
      <span className="form-error-message" id={`d-${path}-error`}>
        {message}
      </span>
    ) : null;
  };
  const granted = outcome !== 'refused';

  function submit(event: FormEvent) {
    event.preventDefault();
    decide.mutate({
      version,
      outcome,
      serviceDescriptionVersionId: serviceVersion,
      decidedOn,
      weeklyHours: granted && hours ? Number(hours.replace(',', '.')) : null,
      moduleDays: granted && modules ? Number(modules) : null,
      startDate: granted ? startDate || null : null,
      timeLimitUntil: granted && until ? until : null,
      reasons,
      partyHearing: hearing,
      partyHearingNote: hearingNote,
    });
  }

  return (
    <section aria-labelledby="decision-heading" className="vt-section">
      <h2 id="decision-heading">{t('decision.title')}</h2>
      <p>{t('decision.intro')}</p>
      <ProposalPanel
        caseId={caseId}
        enabled={assessmentComplete}
        onUse={(p) => {
          setOutcome('granted');
          setServiceVersion(p.versionId);
          if (p.hours !== null && !hours) setHours(String(p.hours).replace('.', ','));
        }}
      />
      {decide.error && !(decide.error instanceof ApiRequestError && decide.error.body.fields?.length) ? (
        <Alert variant="error" heading={decide.error.message} />
      ) : null}
      <form onSubmit={submit} noValidate className="vt-panel">
        <fieldset className="form-group">
          <legend className="form-label">{t('decision.outcome')}</legend>
          {DECISION_OUTCOMES.map((o) => (
            <div className="form-group-radio" key={o}>
              <input
                className="form-radio"
                type="radio"
                id={`d-outcome-${o}`}
                name="outcome"
                checked={outcome === o}
                onChange={() => setOutcome(o)}
              />
              <label htmlFor={`d-outcome-${o}`}>{td(`decision.outcome.${o}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className={`form-group${error('serviceDescriptionVersionId') ? ' form-error' : ''}`}>
          <label className="form-label" htmlFor="d-version">
            {t('decision.serviceLevel')}
          </label>
          {field('serviceDescriptionVersionId')}
          <select
            id="d-version"
            className="form-select"
            value={serviceVersion}
            onChange={(e) => setServiceVersion(e.target.value)}
          >
            <option value="">{t('assessment.choose')}</option>
            {(levels.data?.items ?? [])
              .filter((d) => d.inForce)
              .map((d) => (
                <option key={d.id} value={d.inForce?.id}>
                  {d.title} ({d.legalBasis}), {t('catalogue.version').toLowerCase()} {d.inForce?.number}
                </option>
              ))}
          </select>
        </div>
        <div className="vt-filters">
          <div className="form-group">
            <label className="form-label" htmlFor="d-date">
              {t('decision.decidedOn')}
            </label>
            <input
              id="d-date"
              type="date"
              className="form-input"
              value={decidedOn}
              onChange={(e) => setDecidedOn(e.target.value)}
            />
          </div>
          {granted ? (
            <>
              <div className={`form-group${error('weeklyHours') ? ' form-error' : ''}`}>
                <label className="form-label" htmlFor="d-hours">
                  {t('decision.hours')}
                </label>
                {field('weeklyHours')}
                <input
                  id="d-hours"
                  inputMode="decimal"
                  className="form-input"
                  value={hours}
                  onChange={(e) => setHours(e.target.value)}
                />
              </div>
              <div className={`form-group${error('moduleDays') ? ' form-error' : ''}`}>
                <label className="form-label" htmlFor="d-modules">
                  {t('decision.modules')}
                </label>
                {field('moduleDays')}
                <input
                  id="d-modules"
                  inputMode="numeric"
                  className="form-input"
                  value={modules}
                  onChange={(e) => setModules(e.target.value)}
                />
              </div>
              <div className={`form-group${error('startDate') ? ' form-error' : ''}`}>
                <label className="form-label" htmlFor="d-start">
                  {t('decision.startDate')}
                </label>
                {field('startDate')}
                <input
                  id="d-start"
                  type="date"
                  className="form-input"
                  value={startDate}
                  onChange={(e) => setStartDate(e.target.value)}
                />
              </div>
              <div className={`form-group${error('timeLimitUntil') ? ' form-error' : ''}`}>
                <label className="form-label" htmlFor="d-until">
                  {t('decision.until')}
                </label>
                {field('timeLimitUntil')}
                <input id="d-until" type="date" className="form-input" value={until} onChange={(e) => setUntil(e.target.value)} />
              </div>
            </>
          ) : null}
        </div>
        <div className={`form-group${error('reasons') ? ' form-error' : ''}`}>
          <label className="form-label" htmlFor="d-reasons">
            {t('decision.reasons')}
          </label>
          {field('reasons')}
          <textarea
            id="d-reasons"
            className="form-input vt-textarea"
            rows={4}
            value={reasons}
            onChange={(e) => setReasons(e.target.value)}
          />
        </div>
        <fieldset className="form-group">
          <legend className="form-label">{t('decision.partyHearing')}</legend>
          {(['done', 'not_needed'] as const).map((h) => (
            <div className="form-group-radio" key={h}>
              <input
                className="form-radio"
                type="radio"
                id={`d-hearing-${h}`}
                name="hearing"
                checked={hearing === h}
                onChange={() => setHearing(h)}
              />
              <label htmlFor={`d-hearing-${h}`}>{td(`decision.partyHearing.${h}`)}</label>
            </div>
          ))}
        </fieldset>
        {hearing === 'not_needed' ? (
          <div className={`form-group${error('partyHearingNote') ? ' form-error' : ''}`}>
            <label className="form-label" htmlFor="d-hearing-note">
              {t('decision.partyHearing.why')}
            </label>
            {field('partyHearingNote')}
            <input
              id="d-hearing-note"
              className="form-input"
              value={hearingNote}
              onChange={(e) => setHearingNote(e.target.value)}
            />
          </div>
        ) : null}
        <button type="submit" className="button button-primary" disabled={decide.isPending}>
          {t('decision.submit')}
        </button>
      </form>
    </section>
  );
}
