import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { can } from '../../shared/access/permissions.ts';
import { ACTION_LABELS, PURPOSE_LABELS } from '../../shared/audit/audit.schema.ts';
import type { SessionUser } from '../../shared/auth/auth.schema.ts';
import { CITIZEN_CASES_PAGE_SIZE, type CitizenDetail, citizenContactUpdateSchema } from '../../shared/citizens/citizen.schema.ts';
import { ApiRequestError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useAccessLog, useCitizen, useCitizenCases, useUpdateContact } from '../modules/citizens/citizens.api.ts';
import { Alert } from '../ui/alert.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../ui/form-errors.tsx';
import { formatCpr, formatDate, formatDateTime } from '../ui/format.ts';
import { Pagination } from '../ui/pagination.tsx';
import { NewRequestForm } from './cases/new-request-form.tsx';
import { ContactFields } from './citizen-new-page.tsx';
import { CitizenRelatives } from './citizen-relatives.tsx';
import { NotFoundPage } from './not-found-page.tsx';

/** The citizen's cases, newest first, a page at a time (the first page comes with the citizen). */
function CitizenCases({ c, user }: { c: CitizenDetail; user: SessionUser }) {
  const { t, td } = useI18n();
  const [page, setPage] = useState(1);
  const later = useCitizenCases(c.id, page);
  const cases = page === 1 ? c.cases : (later.data?.items ?? []);
  if (c.casesTotal === 0) return <p>{t('citizen.cases.none')}</p>;
  return (
    <>
      {c.casesTotal > c.cases.length ? (
        <p className="vt-muted">{t('citizen.cases.count', { count: String(c.casesTotal) })}</p>
      ) : null}
      <ul data-testid="citizen-cases">
        {cases.map((k) => (
          <li key={k.id}>
            {can(user.role, 'case.read') ? <Link to={`/sager/${k.id}`}>{k.title}</Link> : k.title} –{' '}
            {td(`case.status.${k.status}`)}, {formatDate(k.openedOn)}
          </li>
        ))}
      </ul>
      <Pagination page={page} pageSize={CITIZEN_CASES_PAGE_SIZE} total={c.casesTotal} onPage={setPage} />
    </>
  );
}

function AccessLog({ citizenId }: { citizenId: string }) {
  const { t, pick, lang } = useI18n();
  const [page, setPage] = useState(1);
  const log = useAccessLog(citizenId, page, true);
  return (
    <section aria-labelledby="access-log-heading" className="vt-section">
      <h2 id="access-log-heading">{t('citizen.accessLog')}</h2>
      <p>{t('citizen.accessLog.intro')}</p>
      {log.data ? (
        <>
          <div className="vt-table-scroll">
            <table className="table table--compact" data-testid="access-log">
              <thead>
                <tr>
                  <th scope="col">{t('citizen.accessLog.when')}</th>
                  <th scope="col">{t('citizen.accessLog.who')}</th>
                  <th scope="col">{t('citizen.accessLog.unit')}</th>
                  <th scope="col">{t('citizen.accessLog.action')}</th>
                  <th scope="col">{t('citizen.accessLog.purpose')}</th>
                </tr>
              </thead>
              <tbody>
                {log.data.items.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.occurredAt, lang)}</td>
                    <td>{e.actorName ?? t('common.none')}</td>
                    <td>{e.actorUnit ?? t('common.none')}</td>
                    <td>{pick(ACTION_LABELS[e.action])}</td>
                    <td>{pick(PURPOSE_LABELS[e.purpose])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={log.data.page} pageSize={log.data.pageSize} total={log.data.total} onPage={setPage} />
        </>
      ) : (
        <p>{t('common.loading')}</p>
      )}
    </section>
  );
}

/** Contact details changed in place, with the version read (a colleague's change meanwhile is a 409). */
function ContactForm({ c, onDone }: { c: CitizenDetail; onDone: (saved: boolean) => void }) {
  const { t } = useI18n();
  const update = useUpdateContact(c.id);
  const errors = useFormErrors();
  const fieldId = fieldIdOf('contact');
  const [values, setValues] = useState({
    address: c.address ?? '',
    postalCode: c.postalCode ?? '',
    city: c.city ?? '',
    phone: c.phone ?? '',
    email: c.email ?? '',
  });
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = errors.check(citizenContactUpdateSchema, { ...values, version: c.version });
    if (parsed) update.mutate(parsed, { onSuccess: () => onDone(true), onError: errors.fail });
  }
  return (
    <form onSubmit={submit} noValidate className="vt-panel" aria-labelledby="contact-heading">
      <h3 id="contact-heading" className="h4">
        {t('contact.title')}
      </h3>
      <ErrorSummary errors={errors} fieldId={fieldId} idPrefix="contact" />
      <ContactFields values={values} set={set} errors={errors} fieldId={fieldId} />
      <button type="submit" className="button button-primary vt-gap" disabled={update.isPending}>
        {t('contact.save')}
      </button>{' '}
      <button type="button" className="button button-tertiary vt-gap" onClick={() => onDone(false)}>
        {t('common.cancel')}
      </button>
    </form>
  );
}

export function CitizenOverviewPage({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const citizen = useCitizen(id);
  const [newRequest, setNewRequest] = useState(false);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (citizen.error instanceof ApiRequestError && (citizen.error.status === 404 || citizen.error.status === 400)) {
    return <NotFoundPage />;
  }
  if (citizen.isError) return <Alert variant="error" heading={t('common.error')} />;
  const c = citizen.data;
  if (!c) return <p>{t('common.loading')}</p>;
  return (
    <>
      <p className="vt-back">
        <Link to="/borgere">{t('citizen.back')}</Link>
      </p>
      <h1>
        <span className="vt-eyebrow">{t('citizen.title')}</span>
        {c.firstName} {c.lastName}
      </h1>
      <section aria-labelledby="person-heading" className="vt-section">
        <h2 id="person-heading">{t('citizen.person')}</h2>
        <dl className="vt-facts" data-testid="citizen-facts">
          <dt>{t('citizens.col.cpr')}</dt>
          <dd>
            {formatCpr(c.cpr)}
            {c.substituteCpr ? ` (${t('citizens.substitute').toLowerCase()})` : ''}
          </dd>
          <dt>{t('citizens.col.birth')}</dt>
          <dd>{formatDate(c.birthDate)}</dd>
          <dt>{t('citizen.address')}</dt>
          <dd>{[c.address, [c.postalCode, c.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || t('common.none')}</dd>
          <dt>{t('citizen.phone')}</dt>
          <dd>{c.phone ?? t('common.none')}</dd>
          <dt>{t('citizen.email')}</dt>
          <dd>{c.email ?? t('common.none')}</dd>
          <dt>{t('citizen.municipality')}</dt>
          <dd>{c.municipalityName}</dd>
        </dl>
        {saved ? <Alert variant="success" heading={t('contact.saved')} /> : null}
        {can(user.role, 'citizen.update') ? (
          editing ? (
            <ContactForm
              c={c}
              onDone={(ok) => {
                setEditing(false);
                setSaved(ok);
              }}
            />
          ) : (
            <button
              type="button"
              className="button button-secondary vt-gap"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('contact.edit')}
            </button>
          )
        ) : null}
      </section>
      <section aria-labelledby="cases-heading" className="vt-section">
        <h2 id="cases-heading">{t('citizen.cases')}</h2>
        <CitizenCases c={c} user={user} />
        {can(user.role, 'case.write') ? (
          newRequest ? (
            <NewRequestForm citizenId={c.id} />
          ) : (
            <button type="button" className="button button-primary" onClick={() => setNewRequest(true)}>
              {t('cases.new')}
            </button>
          )
        ) : null}
      </section>
      {can(user.role, 'citizen.search') ? <CitizenRelatives citizenId={c.id} canEdit={can(user.role, 'citizen.update')} /> : null}
      {can(user.role, 'citizen.access_log.read') ? <AccessLog citizenId={c.id} /> : null}
    </>
  );
}
