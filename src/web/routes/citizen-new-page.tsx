import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { citizenCreateSchema } from '../../shared/citizens/citizen.schema.ts';
import type { CprLookupView } from '../../shared/citizens/relative.schema.ts';
import { cprSchema } from '../../shared/cpr/cpr.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useCprLookup, useCreateCitizen } from '../modules/citizens/citizens.api.ts';
import { Alert } from '../ui/alert.tsx';
import { Field } from '../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../ui/form-errors.tsx';

const fieldId = fieldIdOf('cn');
const FIELDS = ['firstName', 'lastName', 'address', 'postalCode', 'city', 'phone', 'email'] as const;
type Values = Record<'cpr' | (typeof FIELDS)[number], string>;
const EMPTY: Values = { cpr: '', firstName: '', lastName: '', address: '', postalCode: '', city: '', phone: '', email: '' };

/**
 * Create a citizen: the CPR number first, looked up in the CPR register (Serviceplatformen, or the demo register),
 * which fills in name and address and says when the citizen already exists; then save. `?cpr=` comes from a search
 * that found no one.
 */
export function CitizenNewPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [values, setValues] = useState<Values>({ ...EMPTY, cpr: params.get('cpr') ?? '' });
  const [answer, setAnswer] = useState<CprLookupView | null>(null);
  const errors = useFormErrors();
  const lookup = useCprLookup();
  const create = useCreateCitizen();
  const set = (key: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function look() {
    const cpr = errors.check(cprSchema, values.cpr, []);
    if (cpr === null) {
      errors.check(citizenCreateSchema.pick({ cpr: true }), { cpr: values.cpr });
      return;
    }
    lookup.mutate(cpr, {
      onSuccess: (a) => {
        setAnswer(a);
        const p = a.person;
        if (p) {
          setValues((v) => ({
            ...v,
            firstName: p.firstName,
            lastName: p.lastName,
            address: p.address ?? '',
            postalCode: p.postalCode ?? '',
            city: p.city ?? '',
          }));
        }
      },
      onError: errors.fail,
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = errors.check(citizenCreateSchema, values);
    if (parsed) create.mutate(parsed, { onSuccess: ({ id }) => navigate(`/borgere/${id}`), onError: errors.fail });
  }

  const source = answer ? t(`citizenNew.source.${answer.source}`) : '';
  return (
    <>
      <p className="vt-back">
        <Link to="/borgere">{t('citizen.back')}</Link>
      </p>
      <h1>{t('citizenNew.title')}</h1>
      <p>{t('citizenNew.intro')}</p>
      <form onSubmit={submit} noValidate className="vt-form" aria-label={t('citizenNew.title')}>
        <ErrorSummary errors={errors} fieldId={fieldId} idPrefix="cn" />
        <Field id={fieldId('cpr')} label={t('citizenNew.cpr')} hint={t('citizenNew.cpr.hint')} error={errors.at('cpr')}>
          <input
            id={fieldId('cpr')}
            className="form-input input-width-s"
            inputMode="numeric"
            autoComplete="off"
            value={values.cpr}
            onChange={set('cpr')}
          />
        </Field>
        <button type="button" className="button button-secondary vt-gap" onClick={look} disabled={lookup.isPending}>
          {t('citizenNew.lookup')}
        </button>
        <div aria-live="polite" className="vt-lookup-answer">
          {answer?.status === 'found' ? <Alert variant="success" heading={t('citizenNew.lookup.found', { source })} /> : null}
          {answer?.status === 'not_found' ? <Alert variant="info" heading={t('citizenNew.lookup.notFound', { source })} /> : null}
          {answer?.status === 'unavailable' ? <Alert variant="warning" heading={t('citizenNew.lookup.unavailable')} /> : null}
          {answer?.status === 'exists' ? (
            <Alert variant="info" heading={t('citizenNew.lookup.exists')}>
              <Link to={`/borgere/${answer.citizenId}`}>{t('citizenNew.lookup.open')}</Link>
            </Alert>
          ) : null}
        </div>
        <div className="vt-filters">
          <Field id={fieldId('firstName')} label={t('citizenNew.firstName')} error={errors.at('firstName')}>
            <input
              id={fieldId('firstName')}
              className="form-input"
              autoComplete="off"
              value={values.firstName}
              onChange={set('firstName')}
            />
          </Field>
          <Field id={fieldId('lastName')} label={t('citizenNew.lastName')} error={errors.at('lastName')}>
            <input
              id={fieldId('lastName')}
              className="form-input"
              autoComplete="off"
              value={values.lastName}
              onChange={set('lastName')}
            />
          </Field>
        </div>
        <ContactFields values={values} set={set} errors={errors} fieldId={fieldId} />
        <button type="submit" className="button button-primary vt-gap" disabled={create.isPending}>
          {t('citizenNew.submit')}
        </button>
      </form>
    </>
  );
}

/** Address, postal code, city, phone and e-mail: the same fields when creating and when changing contact details. */
export function ContactFields({
  values,
  set,
  errors,
  fieldId,
}: {
  values: Record<'address' | 'postalCode' | 'city' | 'phone' | 'email', string>;
  set: (key: 'address' | 'postalCode' | 'city' | 'phone' | 'email') => (e: { target: { value: string } }) => void;
  errors: ReturnType<typeof useFormErrors>;
  fieldId: (path: string) => string;
}) {
  const { t } = useI18n();
  return (
    <>
      <Field id={fieldId('address')} label={t('citizen.address')} error={errors.at('address')}>
        <input
          id={fieldId('address')}
          className="form-input"
          autoComplete="off"
          value={values.address}
          onChange={set('address')}
        />
      </Field>
      <div className="vt-filters">
        <Field id={fieldId('postalCode')} label={t('citizenNew.postalCode')} error={errors.at('postalCode')}>
          <input
            id={fieldId('postalCode')}
            className="form-input input-width-xs"
            inputMode="numeric"
            autoComplete="off"
            value={values.postalCode}
            onChange={set('postalCode')}
          />
        </Field>
        <Field id={fieldId('city')} label={t('citizenNew.city')} error={errors.at('city')}>
          <input id={fieldId('city')} className="form-input" autoComplete="off" value={values.city} onChange={set('city')} />
        </Field>
      </div>
      <PhoneEmailFields values={values} set={set} errors={errors} fieldId={fieldId} />
    </>
  );
}

/** Phone and e-mail: a citizen's and a relative's contact fields. */
export function PhoneEmailFields({
  values,
  set,
  errors,
  fieldId,
}: {
  values: Record<'phone' | 'email', string>;
  set: (key: 'phone' | 'email') => (e: { target: { value: string } }) => void;
  errors: ReturnType<typeof useFormErrors>;
  fieldId: (path: string) => string;
}) {
  const { t } = useI18n();
  return (
    <div className="vt-filters">
      <Field id={fieldId('phone')} label={t('citizen.phone')} error={errors.at('phone')}>
        <input
          id={fieldId('phone')}
          className="form-input"
          type="tel"
          autoComplete="off"
          value={values.phone}
          onChange={set('phone')}
        />
      </Field>
      <Field id={fieldId('email')} label={t('citizen.email')} error={errors.at('email')}>
        <input
          id={fieldId('email')}
          className="form-input"
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={set('email')}
        />
      </Field>
    </div>
  );
}
