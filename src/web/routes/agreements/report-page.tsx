import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { can } from '../../../shared/access/permissions.ts';
import { AGREEMENT_THEMES, type Report, type ReportGoal, THEME_LABELS } from '../../../shared/agreements/agreements.schema.ts';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAgreementCommand, useReport } from '../../modules/agreements/agreements.api.ts';
import { BaselineText, MeasurementText, TargetText, TrendText, useGoalValue } from '../../modules/agreements/goal-format.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Chart } from '../../ui/chart/chart.tsx';
import { ErrorSummary, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { TableScroll } from '../../ui/table-scroll.tsx';

/**
 * A status to the social committee (midway or final): per theme each goal's baseline, target, value now, trend and
 * the center's comment, with a chart and its table alternative, and the PDF for the committee's papers. A draft is
 * commented, measured again and issued here; an issued status is shown exactly as issued.
 */
export function ReportPage({ user }: { user: SessionUser }) {
  const { id = '' } = useParams();
  const { t, pick, lang } = useI18n();
  const report = useReport(id);
  const navigate = useNavigate();
  const errors = useFormErrors();
  const remeasure = useAgreementCommand<{ version: number }, { id: string }>(() => `/api/agreement-reports/${id}/remeasure`);
  const issue = useAgreementCommand<{ version: number }, Report>(() => `/api/agreement-reports/${id}/issue`);
  const [confirming, setConfirming] = useState(false);
  const r = report.data;
  if (!r) return <p>{report.isError ? t('common.error') : t('common.loading')}</p>;
  const edit = can(user.role, 'agreement.edit');
  const draft = r.state === 'draft';
  const shares = r.goals.filter((g) => g.unit === 'percent');
  return (
    <>
      <p>
        <Link to={`/aftaler/${r.agreementId}`}>{t('report.back')}</Link>
      </p>
      <p className="vt-eyebrow">
        {r.agreementTitle} · {r.unitName}
      </p>
      <h1>
        {t(`report.${r.kind}`)}, {t('report.version', { version: r.reportVersion })} – {t(`report.state.${r.state}`)}
      </h1>
      <dl className="vt-facts">
        <dt>{t('report.period')}</dt>
        <dd>
          {formatDate(r.periodFrom)}–{formatDate(r.periodTo)}
        </dd>
        <dt>{t(`report.state.${r.state}`)}</dt>
        <dd>
          {r.issuedAt
            ? t('report.issuedBy', { date: formatDateTime(r.issuedAt, lang), name: r.issuedByName ?? '' })
            : t('report.createdBy', { date: formatDateTime(r.createdAt, lang), name: r.createdByName })}
        </dd>
      </dl>
      <p className="vt-muted">{t('report.suppressNote')}</p>
      <ErrorSummary errors={errors} fieldId={() => 'report-actions'} idPrefix="report" />
      {issue.isSuccess ? <Alert variant="success" heading={t('report.issued')} /> : null}
      <div className="vt-actions" id="report-actions">
        <a
          className="button button-secondary"
          href={`/api/agreement-reports/${r.id}/pdf`}
          target="_blank"
          rel="noreferrer"
          data-testid="report-pdf"
        >
          {t('report.pdf')}
        </a>
        {edit ? (
          <button
            type="button"
            className="button button-tertiary"
            disabled={remeasure.isPending}
            onClick={() =>
              remeasure.mutate(
                { version: r.version },
                { onSuccess: (x) => x.id !== r.id && navigate(`/aftaler/status/${x.id}`), onError: (e) => errors.fail(e) },
              )
            }
          >
            {draft ? t('report.remeasure') : t('report.remeasureIssued')}
          </button>
        ) : null}
        {edit && draft && !confirming ? (
          <button type="button" className="button button-primary" onClick={() => setConfirming(true)}>
            {t('report.issue')}
          </button>
        ) : null}
      </div>
      {edit && draft && confirming ? (
        <Alert variant="warning" heading={t('report.issue')}>
          <p>{t('report.issueConfirm')}</p>
          <button
            type="button"
            className="button button-primary"
            disabled={issue.isPending}
            onClick={() =>
              issue.mutate({ version: r.version }, { onSuccess: () => setConfirming(false), onError: (e) => errors.fail(e) })
            }
          >
            {t('report.issue')}
          </button>
        </Alert>
      ) : null}
      {shares.length > 0 ? (
        <Chart
          title={t('report.chart')}
          description={t('report.chartDescription')}
          categoryLabel={t('agreement.goalCategory')}
          categories={shares.map((g) => `${t('agreement.goalCategory')} ${g.position}`)}
          series={[
            { name: t('goal.baseline'), values: shares.map((g) => g.baselineValue), color: '#6b6b6b' },
            {
              name: t('report.now'),
              values: shares.map((g) => (g.measurement?.suppressed ? null : (g.measurement?.value ?? null))),
              color: '#0059b3',
            },
            { name: t('goal.target'), values: shares.map((g) => g.target), color: '#008139' },
          ]}
          format="pct"
          testId="report-chart"
        />
      ) : null}
      {AGREEMENT_THEMES.map((theme) => {
        const goals = r.goals.filter((g) => g.theme === theme);
        if (goals.length === 0) return null;
        const title = pick(THEME_LABELS[theme]);
        return (
          <section key={theme} aria-labelledby={`report-${theme}`}>
            <h2 id={`report-${theme}`}>{title}</h2>
            {goals.map((g) => (
              <ReportGoalView
                key={g.goalId}
                reportId={r.id}
                goal={g}
                editable={edit && draft}
                showPrevious={r.kind === 'final'}
              />
            ))}
          </section>
        );
      })}
    </>
  );
}

function ReportGoalView({
  reportId,
  goal: g,
  editable,
  showPrevious,
}: {
  reportId: string;
  goal: ReportGoal;
  editable: boolean;
  showPrevious: boolean;
}) {
  const { t } = useI18n();
  const fmt = useGoalValue();
  const errors = useFormErrors();
  const [comment, setComment] = useState(g.comment);
  const [saved, setSaved] = useState(false);
  const save = useAgreementCommand<{ comment: string; version: number }>(
    () => `/api/agreement-reports/${reportId}/goals/${g.goalId}/comment`,
    'PUT',
  );
  const commentId = `comment-${g.goalId}`;
  return (
    <article className="vt-goal" aria-labelledby={`goal-${g.goalId}`}>
      <h3 id={`goal-${g.goalId}`} className="h5">
        {t('agreement.goalCategory')} {g.position} · {t(`goal.level.${g.level}`)}
      </h3>
      <p>{g.heading ? `${g.heading}: ${g.title}` : g.title}</p>
      <TableScroll label={`${t('agreement.goalCategory')} ${g.position}`}>
        <table className="table table--compact">
          <caption className="sr-only">
            {t('agreement.goalCategory')} {g.position}
          </caption>
          <tbody>
            <tr>
              <th scope="row">{t('goal.baseline')}</th>
              <td>
                <BaselineText goal={g} />
              </td>
            </tr>
            <tr>
              <th scope="row">{t('goal.target')}</th>
              <td>
                <TargetText goal={g} />
              </td>
            </tr>
            {showPrevious ? (
              <tr>
                <th scope="row">{t('report.previous')}</th>
                <td>{fmt(g, g.previousValue)}</td>
              </tr>
            ) : null}
            <tr>
              <th scope="row">{t('report.now')}</th>
              <td>
                <MeasurementText goal={g} m={g.measurement} />
              </td>
            </tr>
            <tr>
              <th scope="row">{t('goal.status')}</th>
              <td>
                <TrendText goal={g} />
              </td>
            </tr>
            {!editable ? (
              <tr>
                <th scope="row">{t('report.comment')}</th>
                <td className="vt-prewrap">{g.comment || '–'}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableScroll>
      {editable ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(false);
            save.mutate(
              { comment, version: g.commentVersion },
              { onSuccess: () => setSaved(true), onError: (err) => errors.fail(err) },
            );
          }}
        >
          <ErrorSummary errors={errors} fieldId={() => commentId} idPrefix={commentId} />
          <div className="form-group">
            <label className="form-label" htmlFor={commentId}>
              {t('report.comment')}
            </label>
            <textarea
              id={commentId}
              className="form-input vt-textarea"
              rows={3}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <button type="submit" className="button button-secondary" disabled={save.isPending}>
            {t('report.saveComment')}
          </button>
          {saved ? (
            <p role="status" className="vt-muted">
              {t('report.commentSaved')}
            </p>
          ) : null}
        </form>
      ) : null}
    </article>
  );
}
