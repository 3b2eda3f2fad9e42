import { Link, useNavigate, useParams } from 'react-router';
import { can } from '../../../shared/access/permissions.ts';
import { AGREEMENT_THEMES, type Goal, type ReportKind, THEME_LABELS } from '../../../shared/agreements/agreements.schema.ts';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAgreement, useAgreementCommand } from '../../modules/agreements/agreements.api.ts';
import { BaselineText, MeasurementText, TargetText, TrendText } from '../../modules/agreements/goal-format.tsx';
import { Chart } from '../../ui/chart/chart.tsx';
import { ErrorSummary, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { TableScroll } from '../../ui/table-scroll.tsx';

/**
 * An agreement: per goal theme its goals (national, center and offer goals) with baseline, target, latest value
 * (N, period, definition version, when), trend and attainment, a chart with its table alternative, the statuses to
 * the social committee and the goals as XLSX or CSV.
 */
export function AgreementPage({ user }: { user: SessionUser }) {
  const { id = '' } = useParams();
  const { t, pick, lang } = useI18n();
  const agreement = useAgreement(id);
  const navigate = useNavigate();
  const errors = useFormErrors();
  const create = useAgreementCommand<{ kind: ReportKind }, { id: string }>(() => `/api/agreements/${id}/reports`);
  const measure = useAgreementCommand<{ periodFrom: string; periodTo: string }, { measured: number }>(
    () => `/api/agreements/${id}/measure`,
  );
  const a = agreement.data;
  if (!a) return <p>{agreement.isError ? t('common.error') : t('common.loading')}</p>;
  const edit = can(user.role, 'agreement.edit');
  const start = (kind: ReportKind) =>
    create.mutate({ kind }, { onSuccess: (r) => navigate(`/aftaler/status/${r.id}`), onError: (e) => errors.fail(e) });
  return (
    <>
      <p>
        <Link to="/aftaler">{t('agreements.title')}</Link>
      </p>
      <h1>{a.title}</h1>
      <dl className="vt-facts">
        <dt>{t('agreements.center')}</dt>
        <dd>{a.unitName}</dd>
        <dt>{t('agreements.period')}</dt>
        <dd>
          {formatDate(a.periodFrom)}–{formatDate(a.periodTo)}
        </dd>
        {a.approvedBy ? (
          <>
            <dt>{t('agreement.approvedBy')}</dt>
            <dd>{a.approvedBy}</dd>
          </>
        ) : null}
        <dt>{t('agreement.source')}</dt>
        <dd>{a.source}</dd>
      </dl>

      <h2>{t('agreement.reports')}</h2>
      <ErrorSummary errors={errors} fieldId={() => 'new-midway'} idPrefix="agreement" />
      {a.reports.length === 0 ? (
        <p>{t('agreement.noReports')}</p>
      ) : (
        <TableScroll label={t('agreement.reportsCaption')}>
          <table className="table table--compact" data-testid="reports-table">
            <caption>{t('agreement.reportsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agreement.reportsCaption')}</th>
                <th scope="col">{t('report.period')}</th>
                <th scope="col">{t('goal.status')}</th>
              </tr>
            </thead>
            <tbody>
              {a.reports
                .filter((r) => r.state === 'issued' || edit)
                .map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`/aftaler/status/${r.id}`}>
                        {t(`report.${r.kind}`)}, {t('report.version', { version: r.reportVersion })}
                      </Link>
                    </th>
                    <td>
                      {formatDate(r.periodFrom)}–{formatDate(r.periodTo)}
                    </td>
                    <td>
                      {t(`report.state.${r.state}`)}
                      {r.issuedAt ? ` ${formatDateTime(r.issuedAt, lang)}` : ''}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <div className="vt-actions">
        {edit ? (
          <>
            <button
              type="button"
              id="new-midway"
              className="button button-secondary"
              disabled={create.isPending}
              onClick={() => start('midway')}
            >
              {t('agreement.newMidway')}
            </button>
            <button type="button" className="button button-secondary" disabled={create.isPending} onClick={() => start('final')}>
              {t('agreement.newFinal')}
            </button>
            <button
              type="button"
              className="button button-tertiary"
              disabled={measure.isPending}
              onClick={() => {
                const today = new Date().toISOString().slice(0, 10);
                const from = `${today.slice(0, 4)}-01-01` < a.periodFrom ? a.periodFrom : `${today.slice(0, 4)}-01-01`;
                measure.mutate(
                  { periodFrom: from, periodTo: today < a.periodTo ? today : a.periodTo },
                  { onError: (e) => errors.fail(e) },
                );
              }}
            >
              {t('agreement.measureAll')}
            </button>
          </>
        ) : null}
        <a className="button button-tertiary" href={`/api/agreements/${a.id}/export?format=xlsx`} download>
          {t('agreement.export')}: {t('agreement.exportXlsx')}
        </a>
        <a className="button button-tertiary" href={`/api/agreements/${a.id}/export?format=csv`} download>
          {t('agreement.export')}: {t('agreement.exportCsv')}
        </a>
      </div>

      {AGREEMENT_THEMES.map((theme) => {
        const goals = a.goals.filter((g) => g.theme === theme);
        if (goals.length === 0) return null;
        return <ThemeSection key={theme} title={pick(THEME_LABELS[theme])} goals={goals} agreementId={a.id} />;
      })}
    </>
  );
}

function ThemeSection({ title, goals, agreementId }: { title: string; goals: Goal[]; agreementId: string }) {
  const { t, pick } = useI18n();
  const shares = goals.filter((g) => g.unit === 'percent');
  return (
    <section aria-labelledby={`theme-${goals[0]?.theme}`}>
      <h2 id={`theme-${goals[0]?.theme}`}>{title}</h2>
      <TableScroll label={title}>
        <table className="table table--zebra table--compact" data-testid={`goals-${goals[0]?.theme}`}>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('goal.no')}</th>
              <th scope="col">{t('goal.goal')}</th>
              <th scope="col">{t('goal.baseline')}</th>
              <th scope="col">{t('goal.target')}</th>
              <th scope="col">{t('goal.latest')}</th>
              <th scope="col">{t('goal.status')}</th>
            </tr>
          </thead>
          <tbody>
            {goals.map((g) => (
              <tr key={g.id}>
                <td>{g.position}</td>
                <th scope="row">
                  <span className="vt-muted">{t(`goal.level.${g.level}`)}</span>
                  <br />
                  <Link to={`/aftaler/${agreementId}/maal/${g.id}`}>{g.heading ? `${g.heading}: ${g.title}` : g.title}</Link>
                  {g.units.length > 0 ? (
                    <>
                      <br />
                      <span className="vt-muted">
                        {t('goal.sharedBy')}: {g.units.map((u) => u.name).join(', ')}
                      </span>
                    </>
                  ) : null}
                </th>
                <td>
                  <BaselineText goal={g} />
                </td>
                <td>
                  <TargetText goal={g} />
                </td>
                <td>
                  <MeasurementText goal={g} m={g.latest} />
                </td>
                <td>
                  <TrendText goal={g} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {shares.length > 0 ? (
        <Chart
          title={t('agreement.chart', { theme: title })}
          description={t('agreement.chartDescription')}
          categoryLabel={t('agreement.goalCategory')}
          categories={shares.map((g) => `${t('agreement.goalCategory')} ${g.position}`)}
          series={[
            { name: t('goal.baseline'), values: shares.map((g) => g.baselineValue), color: '#6b6b6b' },
            {
              name: t('goal.latest'),
              values: shares.map((g) => (g.latest?.suppressed ? null : (g.latest?.value ?? null))),
              color: '#0059b3',
            },
            { name: t('goal.target'), values: shares.map((g) => g.target), color: '#008139' },
          ]}
          format="pct"
          height={240}
          testId={`chart-${goals[0]?.theme}`}
        />
      ) : null}
    </section>
  );
}
