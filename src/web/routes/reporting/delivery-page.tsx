import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import { useDelivery, useResend } from '../../modules/reporting/reporting.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { formatBytes, formatCpr, formatDate, formatDateTime, requestError } from '../../ui/format.ts';
import { DeliveryStatusTag } from './delivery-status-tag.tsx';

/** One FFB report: what was built, the rules it breaks, every attempt and the gateway's answer; resend. */
export function DeliveryPage() {
  const { id = '' } = useParams();
  const { t, td, lang, pick } = useI18n();
  const delivery = useDelivery(id);
  const resend = useResend(id);
  const d = delivery.data;
  if (delivery.error) return <Alert variant="error">{requestError(delivery.error)}</Alert>;
  if (!d) return <p>{t('common.loading')}</p>;
  return (
    <>
      <p>
        <Link to="/indberetning">{t('ffb.back')}</Link>
      </p>
      <h1>{t('ffb.detail.title', { name: d.citizenName, day: formatDate(d.reportDay) })}</h1>
      <dl className="vt-facts">
        <dt>{t('ffb.col.status')}</dt>
        <dd>
          <DeliveryStatusTag status={d.status} />
        </dd>
        <dt>{t('ffb.col.citizen')}</dt>
        <dd>
          {d.citizenName} ({formatCpr(d.cpr)})
        </dd>
        <dt>{t('ffb.col.resources')}</dt>
        <dd>{d.resourceCount}</dd>
        <dt>{t('ffb.col.size')}</dt>
        <dd>{formatBytes(d.bytes, lang)}</dd>
        <dt>{t('ffb.versions')}</dt>
        <dd>
          {d.guideVersion} · FHIR {d.fhirVersion} · FFB {d.ffbVersion}
        </dd>
        <dt>{t('ffb.built')}</dt>
        <dd>{formatDateTime(d.createdAt, lang)}</dd>
        <dt>{t('ffb.sent')}</dt>
        <dd>{d.sentAt ? formatDateTime(d.sentAt, lang) : t('common.none')}</dd>
        {d.nextAttemptAt ? (
          <>
            <dt>{t('ffb.nextAttempt')}</dt>
            <dd>{formatDateTime(d.nextAttemptAt, lang)}</dd>
          </>
        ) : null}
      </dl>
      {d.violations.length ? (
        <section className="vt-section" aria-labelledby="rules-heading">
          <h2 id="rules-heading">{t('ffb.violations')}</h2>
          <p>{t('ffb.violations.intro')}</p>
          <ul data-testid="ffb-violations">
            {d.violations.map((v) => (
              <li key={`${v.rule}-${v.resource}-${v.value ?? ''}`}>
                <strong>{v.rule}</strong>: {pick(v.message)}{' '}
                <span className="vt-muted">
                  ({v.resource}
                  {v.value ? `: ${v.value}` : ''})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="vt-section" aria-labelledby="attempts-heading">
        <h2 id="attempts-heading">{t('ffb.attempts')}</h2>
        {d.history.length ? (
          <div className="vt-table-scroll">
            <table className="table table--zebra">
              <thead>
                <tr>
                  <th scope="col">{t('ffb.attempt.at')}</th>
                  <th scope="col">{t('ffb.attempt.by')}</th>
                  <th scope="col">{t('ffb.attempt.outcome')}</th>
                  <th scope="col">{t('ffb.col.answer')}</th>
                </tr>
              </thead>
              <tbody>
                {d.history.map((h) => (
                  <tr key={h.attemptedAt}>
                    <td>{formatDateTime(h.attemptedAt, lang)}</td>
                    <td>{h.sentBy}</td>
                    <td>{t(`ffb.status.${h.outcome}`)}</td>
                    <td>
                      {h.httpStatus ? `HTTP ${h.httpStatus}` : (h.error ?? '')}
                      {h.gatewayCodes.length ? ` (${h.gatewayCodes.join(', ')})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{d.status === 'refused' ? t('ffb.attempts.refused') : t('ffb.attempts.none')}</p>
        )}
        {d.status !== 'refused' ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={resend.isPending}
            onClick={() => resend.mutate(undefined)}
          >
            {t('ffb.resend')}
          </button>
        ) : null}
        {resend.data ? (
          <Alert variant="info">{t('ffb.resent', { outcome: td(`ffb.status.${resend.data.outcome}`) })}</Alert>
        ) : null}
        {resend.error ? <Alert variant="error">{requestError(resend.error)}</Alert> : null}
      </section>
      <details className="vt-section">
        <summary>{t('ffb.bundle')}</summary>
        <pre className="vt-json">{JSON.stringify(d.bundle, null, 2)}</pre>
      </details>
    </>
  );
}
