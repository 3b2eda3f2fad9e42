import { useState } from 'react';
import { Link } from 'react-router';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../../../shared/ffb-reporting/ffb-reporting.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  useDaySummary,
  useDeliveries,
  useDstSummary,
  useReportingSettings,
  useRunNow,
} from '../../modules/reporting/reporting.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { formatBytes, formatCpr, formatDate, formatDateTime, requestError } from '../../ui/format.ts';
import { Pagination } from '../../ui/pagination.tsx';
import { DeliveryStatusTag } from './delivery-status-tag.tsx';

const todayInCopenhagen = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
const previousMonth = () => {
  const [y, m] = todayInCopenhagen().split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

function FfbDeliveries() {
  const { t, lang } = useI18n();
  const [day, setDay] = useState(todayInCopenhagen());
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const [page, setPage] = useState(1);
  const settings = useReportingSettings();
  const summary = useDaySummary(day);
  const deliveries = useDeliveries({ day, status, page });
  const run = useRunNow();
  const fmt = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'da-DK');
  return (
    <section className="vt-section" aria-labelledby="ffb-heading">
      <h2 id="ffb-heading">{t('ffb.title')}</h2>
      <p>{t('ffb.intro')}</p>
      {settings.data ? (
        <dl className="vt-facts">
          <dt>{t('ffb.guide')}</dt>
          <dd>{settings.data.guideVersion}</dd>
          <dt>{t('ffb.ffbVersion')}</dt>
          <dd>{settings.data.ffbVersion}</dd>
          <dt>{t('ffb.gateway')}</dt>
          <dd>{settings.data.gatewayUrl ?? t('ffb.gateway.none')}</dd>
          <dt>{t('ffb.deliveredUntil')}</dt>
          <dd>{settings.data.deliveredUntil ? formatDateTime(settings.data.deliveredUntil, lang) : t('common.none')}</dd>
        </dl>
      ) : null}
      <div className="vt-actions">
        <button type="button" className="button button-primary" disabled={run.isPending} onClick={() => run.mutate(undefined)}>
          {run.isPending ? t('ffb.run.running') : t('ffb.run')}
        </button>
        <Link className="button button-secondary" to="/indberetning/indstillinger">
          {t('ffb.settings')}
        </Link>
      </div>
      {run.data ? (
        <Alert variant="success" heading={t('ffb.run.done')}>
          {t('ffb.run.result', {
            reports: run.data.reports,
            refused: run.data.refused,
            accepted: run.data.accepted,
            failed: run.data.failed + run.data.rejected,
          })}
        </Alert>
      ) : null}
      {run.error ? <Alert variant="error">{requestError(run.error)}</Alert> : null}
      <div className="vt-filters">
        <div className="form-group">
          <label className="form-label" htmlFor="ffb-day">
            {t('ffb.day')}
          </label>
          <input
            id="ffb-day"
            type="date"
            className="form-input"
            value={day}
            onChange={(e) => {
              setDay(e.target.value);
              setPage(1);
            }}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="ffb-status">
            {t('ffb.status')}
          </label>
          <select
            id="ffb-status"
            className="form-select"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as DeliveryStatus | '');
              setPage(1);
            }}
          >
            <option value="">{t('ffb.status.all')}</option>
            {DELIVERY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`ffb.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {summary.data ? (
        <p data-testid="ffb-day-summary" aria-live="polite">
          {t('ffb.summary', {
            day: formatDate(summary.data.day),
            reports: fmt.format(summary.data.reports),
            resources: fmt.format(summary.data.resources),
            size: formatBytes(summary.data.bytes, lang),
          })}{' '}
          {summary.data.byStatus.map((s) => `${t(`ffb.status.${s.status}`)}: ${fmt.format(s.reports)}`).join(' · ')}
        </p>
      ) : null}
      {deliveries.data ? (
        deliveries.data.total === 0 ? (
          <p>{t('ffb.none')}</p>
        ) : (
          <>
            <div className="vt-table-scroll">
              <table className="table table--zebra" data-testid="ffb-deliveries">
                <caption className="sr-only">{t('ffb.table.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('ffb.col.citizen')}</th>
                    <th scope="col">{t('ffb.col.day')}</th>
                    <th scope="col">{t('ffb.col.status')}</th>
                    <th scope="col">{t('ffb.col.resources')}</th>
                    <th scope="col">{t('ffb.col.size')}</th>
                    <th scope="col">{t('ffb.col.answer')}</th>
                  </tr>
                </thead>
                <tbody>
                  {deliveries.data.items.map((d) => (
                    <tr key={d.id}>
                      <td>
                        <Link to={`/indberetning/ffb/${d.id}`}>{d.citizenName || t('common.none')}</Link>
                        <br />
                        <span className="vt-muted">{formatCpr(d.cpr)}</span>
                      </td>
                      <td>{formatDate(d.reportDay)}</td>
                      <td>
                        <DeliveryStatusTag status={d.status} />
                      </td>
                      <td>{fmt.format(d.resourceCount)}</td>
                      <td>{formatBytes(d.bytes, lang)}</td>
                      <td>
                        {d.rules.length
                          ? t('ffb.brokenRules', { rules: d.rules.join(', ') })
                          : d.gatewayStatus
                            ? `HTTP ${d.gatewayStatus}${d.gatewayCodes.length ? ` (${d.gatewayCodes.join(', ')})` : ''}`
                            : t('common.none')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={deliveries.data.page}
              pageSize={deliveries.data.pageSize}
              total={deliveries.data.total}
              onPage={setPage}
            />
          </>
        )
      ) : (
        <p>{t('common.loading')}</p>
      )}
    </section>
  );
}

function DstExtract() {
  const { t, lang } = useI18n();
  const [month, setMonth] = useState(previousMonth());
  const summary = useDstSummary(month);
  const fmt = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'da-DK');
  return (
    <section className="vt-section" aria-labelledby="dst-heading">
      <h2 id="dst-heading">{t('dst.title')}</h2>
      <p>{t('dst.intro')}</p>
      <div className="form-group">
        <label className="form-label" htmlFor="dst-month">
          {t('dst.month')}
        </label>
        <input id="dst-month" type="month" className="form-input" value={month} onChange={(e) => setMonth(e.target.value)} />
      </div>
      {summary.error ? <Alert variant="error">{requestError(summary.error)}</Alert> : null}
      {summary.data ? (
        <>
          <p>
            {t('dst.summary', {
              rows: fmt.format(summary.data.rows),
              citizens: fmt.format(summary.data.citizens),
              deadline: formatDate(summary.data.deadline),
            })}
          </p>
          {summary.data.byCategory.length ? (
            <div className="vt-table-scroll">
              <table className="table table--zebra">
                <caption className="sr-only">{t('dst.table.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dst.col.code')}</th>
                    <th scope="col">{t('dst.col.service')}</th>
                    <th scope="col">{t('dst.col.rows')}</th>
                    <th scope="col">{t('dst.col.citizens')}</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.data.byCategory.map((c) => (
                    <tr key={c.code}>
                      <td>{c.code}</td>
                      <td>
                        {c.paragraph}: {c.label}
                      </td>
                      <td>{fmt.format(c.rows)}</td>
                      <td>{fmt.format(c.citizens)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {summary.data.withoutTargetGroup ? (
            <Alert variant="warning">{t('dst.missingTargetGroup', { rows: fmt.format(summary.data.withoutTargetGroup) })}</Alert>
          ) : null}
          <a className="button button-secondary" href={`/api/reporting/dst-extract.csv?month=${month}`} download>
            {t('dst.download')}
          </a>
        </>
      ) : null}
    </section>
  );
}

export function ReportingPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('reporting.title')}</h1>
      <FfbDeliveries />
      <DstExtract />
    </>
  );
}
