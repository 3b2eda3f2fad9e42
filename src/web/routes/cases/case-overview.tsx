import { useState } from 'react';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CASE_LIST_PAGE_SIZE, useCaseDeadlines } from '../../modules/cases/cases.api.ts';
import { formatDate } from '../../ui/format.ts';
import { Pagination } from '../../ui/pagination.tsx';
import { Timeline } from './case-journal.tsx';
import { casePath } from './case-sections.tsx';
import { DeadlineNoticeForm } from './deadline-notice-form.tsx';
import { DeadlineTag } from './deadline-tag.tsx';
import { OutreachPanel } from './outreach-panel.tsx';

/** The overview: the request, every deadline with its state, outreach contacts, and the latest journal entries. */
export function CaseOverview({ c }: { c: CaseDetail }) {
  const { t, td } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  // A case with more deadlines than the case page carries (a long history of met ones) shows every open one and the
  // latest met ones first; on request, all of them by due date, a page at a time.
  const more = c.deadlinesTotal > c.deadlines.length;
  const [all, setAll] = useState(false);
  const [page, setPage] = useState(1);
  const deadlinePage = useCaseDeadlines(c.id, page, more && all);
  const deadlines = more && all ? (deadlinePage.data?.items ?? []) : c.deadlines;
  const noticeDeadline = notice ? c.deadlines.find((d) => d.kind === notice && d.noticeAllowed && !d.noticeSentOn) : undefined;
  return (
    <>
      <h2 id="request-heading">{t('cases.request')}</h2>
      <dl className="vt-facts">
        <dt>{t('cases.request.received')}</dt>
        <dd>{formatDate(c.request.receivedOn)}</dd>
        <dt>{t('cases.request.channel')}</dt>
        <dd>{t(`channel.${c.request.channel}`)}</dd>
        <dt>{t('cases.request.by')}</dt>
        <dd>
          {t(`requester.${c.request.requestedBy}`)}
          {c.request.requesterName ? ` (${c.request.requesterName})` : ''}
        </dd>
        <dt>{t('cases.request.what')}</dt>
        <dd className="vt-prewrap">{c.request.what}</dd>
      </dl>

      <section aria-labelledby="deadlines-heading" className="vt-section">
        <h2 id="deadlines-heading">{t('cases.deadlines')}</h2>
        <div className="vt-table-scroll">
          <table className="table table--compact" data-testid="case-deadlines">
            <thead>
              <tr>
                <th scope="col">{t('cases.deadline')}</th>
                <th scope="col">{t('cases.deadline.due')}</th>
                <th scope="col">{t('cases.col.status')}</th>
                <th scope="col" className="vt-deadline-rule">
                  {t('cases.deadline.rule')}
                </th>
              </tr>
            </thead>
            <tbody>
              {deadlines.map((d) => (
                <tr key={`${d.kind}-${d.fromDate}`}>
                  <td>{td(`deadline.${d.kind}`)}</td>
                  <td>
                    {formatDate(d.dueDate)}
                    {d.endsAtTime !== '23:59:59' ? ` ${t('cases.deadline.at', { time: d.endsAtTime })}` : ''}
                    {d.oralEndsAt ? ` (${t('cases.deadline.oral', { time: d.oralEndsAt })})` : ''}
                  </td>
                  <td>
                    <DeadlineTag status={d.status} metOn={d.metOn} duty={d.duty} />
                    {d.metOn && d.status !== 'met_late' ? ` ${formatDate(d.metOn)}` : ''}
                    {d.noticeSentOn ? (
                      <>
                        <br />
                        {t('notice.sent', { date: formatDate(d.noticeSentOn) })}
                      </>
                    ) : d.noticeAllowed && d.status !== 'open' && c.allowedActions.includes('send_deadline_notice') ? (
                      <>
                        <br />
                        <button type="button" className="button button-unstyled vt-link-button" onClick={() => setNotice(d.kind)}>
                          {t('notice.write')}
                          <span className="sr-only"> ({td(`deadline.${d.kind}`)})</span>
                        </button>
                      </>
                    ) : null}
                  </td>
                  <td className="vt-muted vt-deadline-rule">{d.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {more && all ? <Pagination page={page} pageSize={CASE_LIST_PAGE_SIZE} total={c.deadlinesTotal} onPage={setPage} /> : null}
        {more && !all ? (
          <p>
            {t('cases.deadlines.shown', { shown: String(c.deadlines.length), total: String(c.deadlinesTotal) })}{' '}
            <button type="button" className="button button-unstyled vt-link-button" onClick={() => setAll(true)}>
              {t('cases.deadlines.all')}
            </button>
          </p>
        ) : null}
        {noticeDeadline ? <DeadlineNoticeForm caseId={c.id} deadline={noticeDeadline} onDone={() => setNotice(null)} /> : null}
      </section>

      <OutreachPanel c={c} />

      {c.events.length ? (
        <section aria-labelledby="latest-heading" className="vt-section">
          <h2 id="latest-heading">{t('case.overview.latest')}</h2>
          <Timeline c={c} latest={3} />
          <p>
            <Link to={casePath(c.id, 'journal')}>{t('case.overview.allJournal', { count: String(c.eventsTotal) })}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
