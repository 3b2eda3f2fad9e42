import { type FormEvent, useState } from 'react';
import { CONSENT_FORM_LABELS, CONSENT_LAW, CONSENT_SCOPE_RULES, CONSENT_STATE_RULES } from '../../rules/records/consent.ts';
import { dateProblems } from '../../rules/records/date-constraints.ts';
import {
  CONSENT_FORMS,
  CONSENT_SCOPES,
  type ConsentForm,
  type ConsentScope,
  type ConsentView,
  consentInputSchema,
  consentWithdrawalSchema,
  RELATIONS,
  type Relation,
  type RelativeView,
  relativeInputSchema,
} from '../../shared/citizens/relative.schema.ts';
import { plainDateInCopenhagen } from '../../shared/plain-date.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useAddRelative, useRecordConsent, useRelatives, useWithdrawConsent } from '../modules/citizens/citizens.api.ts';
import { Alert } from '../ui/alert.tsx';
import { ChoiceField, Field } from '../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../ui/form-errors.tsx';
import { formatDate } from '../ui/format.ts';
import { PhoneEmailFields } from './citizen-new-page.tsx';

const today = () => plainDateInCopenhagen(new Date());

/** Relatives and network with the citizen's consents; what may be shared follows the consents in force. */
export function CitizenRelatives({ citizenId, canEdit }: { citizenId: string; canEdit: boolean }) {
  const { t } = useI18n();
  const relatives = useRelatives(citizenId);
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="relatives-heading" className="vt-section" data-testid="relatives">
      <h2 id="relatives-heading">{t('relatives.title')}</h2>
      <p>{t('relatives.intro')}</p>
      {relatives.isError ? <Alert variant="error" heading={t('common.error')} /> : null}
      {relatives.data ? (
        relatives.data.length === 0 ? (
          <p>{t('relatives.none')}</p>
        ) : (
          relatives.data.map((r) => <RelativeCard key={r.id} citizenId={citizenId} relative={r} canEdit={canEdit} />)
        )
      ) : (
        <p>{t('common.loading')}</p>
      )}
      {canEdit ? (
        adding ? (
          <AddRelativeForm citizenId={citizenId} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" className="button button-secondary vt-gap" onClick={() => setAdding(true)}>
            {t('relatives.add')}
          </button>
        )
      ) : null}
    </section>
  );
}

function AddRelativeForm({ citizenId, onDone }: { citizenId: string; onDone: () => void }) {
  const { t } = useI18n();
  const add = useAddRelative(citizenId);
  const errors = useFormErrors();
  const fieldId = fieldIdOf('rel');
  const [v, setV] = useState({ name: '', relation: '' as Relation | '', phone: '', email: '', note: '' });
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [key]: e.target.value }));
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = errors.check(relativeInputSchema, v);
    if (parsed) add.mutate(parsed, { onSuccess: onDone, onError: errors.fail });
  }
  return (
    <form onSubmit={submit} noValidate className="vt-panel" aria-labelledby="rel-heading">
      <h3 id="rel-heading" className="h4">
        {t('relatives.add')}
      </h3>
      <ErrorSummary errors={errors} fieldId={fieldId} idPrefix="rel" />
      <div className="vt-filters">
        <Field id={fieldId('name')} label={t('relatives.name')} error={errors.at('name')}>
          <input id={fieldId('name')} className="form-input" autoComplete="off" value={v.name} onChange={set('name')} />
        </Field>
        <Field id={fieldId('relation')} label={t('relatives.relation')} error={errors.at('relation')}>
          <select id={fieldId('relation')} className="form-select" value={v.relation} onChange={set('relation')}>
            <option value="">{t('common.none')}</option>
            {RELATIONS.map((r) => (
              <option key={r} value={r}>
                {t(`relation.${r}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <PhoneEmailFields values={v} set={set} errors={errors} fieldId={fieldId} />
      <Field id={fieldId('note')} label={t('relatives.note')} error={errors.at('note')}>
        <input id={fieldId('note')} className="form-input" autoComplete="off" value={v.note} onChange={set('note')} />
      </Field>
      <button type="submit" className="button button-primary vt-gap" disabled={add.isPending}>
        {t('relatives.add.submit')}
      </button>{' '}
      <button type="button" className="button button-tertiary vt-gap" onClick={onDone}>
        {t('common.cancel')}
      </button>
    </form>
  );
}

function RelativeCard({ citizenId, relative: r, canEdit }: { citizenId: string; relative: RelativeView; canEdit: boolean }) {
  const { t, pick } = useI18n();
  const [recording, setRecording] = useState(false);
  const allowed = CONSENT_SCOPES.filter((s) => r.sharing[s]);
  const headingId = `relative-${r.id}`;
  return (
    <article className="vt-panel vt-relative" aria-labelledby={headingId} data-testid="relative">
      <h3 id={headingId} className="h4">
        {r.name} <span className="vt-muted">– {t(`relation.${r.relation}`)}</span>
      </h3>
      <p>{[r.phone, r.email, r.address].filter(Boolean).join(' · ') || t('common.none')}</p>
      {r.note ? <p className="form-hint">{r.note}</p> : null}
      <p data-testid="relative-sharing">
        <strong>{t('relatives.sharing')}:</strong>{' '}
        {allowed.length ? allowed.map((s) => pick(CONSENT_SCOPE_RULES[s])).join('; ') : t('relatives.sharing.nothing')}
      </p>
      {r.consents.length ? (
        <ConsentTable citizenId={citizenId} relativeId={r.id} consents={r.consents} canEdit={canEdit} />
      ) : null}
      {canEdit ? (
        recording ? (
          <RecordConsentForm citizenId={citizenId} relativeId={r.id} onDone={() => setRecording(false)} />
        ) : (
          <button type="button" className="button button-secondary vt-gap" onClick={() => setRecording(true)}>
            {t('consent.record')}
            <span className="sr-only"> – {r.name}</span>
          </button>
        )
      ) : null}
    </article>
  );
}

function ConsentTable({
  citizenId,
  relativeId,
  consents,
  canEdit,
}: {
  citizenId: string;
  relativeId: string;
  consents: ConsentView[];
  canEdit: boolean;
}) {
  const { t, pick } = useI18n();
  return (
    <div className="vt-table-scroll">
      <table className="table table--compact vt-record-table" data-testid="consents">
        <caption className="sr-only">{t('consent.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('consent.col.covers')}</th>
            <th scope="col">{t('consent.col.form')}</th>
            <th scope="col">{t('consent.col.period')}</th>
            <th scope="col">{t('consent.col.state')}</th>
            <th scope="col">{t('consent.col.recordedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {consents.map((c) => (
            <tr key={c.id}>
              <td>{c.scopes.map((s) => pick(CONSENT_SCOPE_RULES[s])).join('; ')}</td>
              <td>{pick(CONSENT_FORM_LABELS[c.form])}</td>
              <td>
                {formatDate(c.givenOn)}{' '}
                {c.expiresOn ? `${t('consent.until')} ${formatDate(c.expiresOn)}` : t('consent.untilWithdrawn')}
              </td>
              <td>
                <span title={CONSENT_LAW[CONSENT_STATE_RULES[c.state].law].source}>
                  {pick(CONSENT_STATE_RULES[c.state])}
                  {c.withdrawnOn ? ` ${formatDate(c.withdrawnOn)}` : ''}
                </span>
                {canEdit && c.withdrawnOn === null ? (
                  <WithdrawConsent citizenId={citizenId} relativeId={relativeId} consent={c} />
                ) : null}
              </td>
              <td>{c.recordedBy ?? t('common.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WithdrawConsent({ citizenId, relativeId, consent }: { citizenId: string; relativeId: string; consent: ConsentView }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [withdrawnOn, setWithdrawnOn] = useState<string>(today());
  const withdraw = useWithdrawConsent(citizenId);
  const errors = useFormErrors();
  const fieldId = fieldIdOf(`wd-${consent.id.slice(0, 8)}`);
  if (!open) {
    return (
      <>
        {' '}
        <button type="button" className="button button-tertiary vt-gap" onClick={() => setOpen(true)}>
          {t('consent.withdraw')}
        </button>
      </>
    );
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { withdrawnOn };
    const parsed = errors.check(
      consentWithdrawalSchema,
      input,
      dateProblems('consent_withdrawal', input, { today: today(), 'consent.givenOn': consent.givenOn }),
    );
    if (parsed) withdraw.mutate({ ...parsed, relativeId, consentId: consent.id }, { onError: errors.fail });
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} fieldId={fieldId} idPrefix={fieldId('x')} />
      <Field id={fieldId('withdrawnOn')} label={t('consent.withdrawnOn')} error={errors.at('withdrawnOn')}>
        <input
          id={fieldId('withdrawnOn')}
          type="date"
          className="form-input"
          value={withdrawnOn}
          onChange={(e) => setWithdrawnOn(e.target.value)}
        />
      </Field>
      <button type="submit" className="button button-secondary vt-gap" disabled={withdraw.isPending}>
        {t('consent.withdraw.submit')}
      </button>
    </form>
  );
}

function RecordConsentForm({ citizenId, relativeId, onDone }: { citizenId: string; relativeId: string; onDone: () => void }) {
  const { t, pick } = useI18n();
  const record = useRecordConsent(citizenId);
  const errors = useFormErrors();
  const fieldId = fieldIdOf(`con-${relativeId.slice(0, 8)}`);
  const [scopes, setScopes] = useState<ConsentScope[]>([]);
  const [form, setForm] = useState<ConsentForm | null>(null);
  const [givenOn, setGivenOn] = useState<string>(today());
  const [expiresOn, setExpiresOn] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { scopes, form, givenOn, expiresOn: expiresOn || null };
    const parsed = errors.check(consentInputSchema, input, dateProblems('consent', input, { today: today() }));
    if (parsed) record.mutate({ ...parsed, relativeId }, { onSuccess: onDone, onError: errors.fail });
  }
  const scopesError = errors.at('scopes');
  const legendId = `${fieldId('scopes')}-legend`;
  return (
    <form onSubmit={submit} noValidate className="vt-subpanel" aria-label={t('consent.record')}>
      <ErrorSummary
        errors={errors}
        fieldId={(p) => (p === 'scopes' ? fieldId(`scopes-${CONSENT_SCOPES[0]}`) : fieldId(p))}
        idPrefix={fieldId('s')}
      />
      <fieldset className={`form-group${scopesError ? ' form-error' : ''}`} aria-describedby={`${fieldId('scopes')}-hint`}>
        <legend className="form-label" id={legendId}>
          {t('consent.scopes')}
        </legend>
        <span className="form-hint" id={`${fieldId('scopes')}-hint`}>
          {t('consent.scopes.hint')}
        </span>
        {scopesError ? <span className="form-error-message">{scopesError}</span> : null}
        {CONSENT_SCOPES.map((s) => (
          <div className="form-group-checkbox" key={s}>
            <input
              className="form-checkbox"
              type="checkbox"
              id={fieldId(`scopes-${s}`)}
              checked={scopes.includes(s)}
              onChange={(e) => setScopes((x) => (e.target.checked ? [...x, s] : x.filter((y) => y !== s)))}
            />
            <label htmlFor={fieldId(`scopes-${s}`)}>{pick(CONSENT_SCOPE_RULES[s])}</label>
          </div>
        ))}
      </fieldset>
      <details className="vt-law">
        <summary>{t('consent.law')}</summary>
        <ul>
          {Object.values(CONSENT_LAW).map((law) => (
            <li key={law.source}>
              <strong>{law.source}:</strong> {law.why}
            </li>
          ))}
        </ul>
      </details>
      <ChoiceField
        id={fieldId('form')}
        legend={t('consent.form')}
        error={errors.at('form')}
        options={CONSENT_FORMS}
        value={form}
        onChange={setForm}
        labelOf={(f) => pick(CONSENT_FORM_LABELS[f])}
      />
      <div className="vt-filters">
        <Field id={fieldId('givenOn')} label={t('consent.givenOn')} error={errors.at('givenOn')}>
          <input
            id={fieldId('givenOn')}
            type="date"
            className="form-input"
            value={givenOn}
            onChange={(e) => setGivenOn(e.target.value)}
          />
        </Field>
        <Field
          id={fieldId('expiresOn')}
          label={t('consent.expiresOn')}
          hint={t('consent.expiresOn.hint')}
          error={errors.at('expiresOn')}
        >
          <input
            id={fieldId('expiresOn')}
            type="date"
            className="form-input"
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.target.value)}
          />
        </Field>
      </div>
      <button type="submit" className="button button-primary vt-gap" disabled={record.isPending}>
        {t('consent.record.submit')}
      </button>{' '}
      <button type="button" className="button button-tertiary vt-gap" onClick={onDone}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
