import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Page } from '../../../shared/api/page.ts';
import type { FollowUpAlert } from '../../../shared/follow-up/follow-up.schema.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../ui/format.ts';
import { Pagination } from '../../ui/pagination.tsx';

/** Running support that needs the caseworker: overdue FKO statuses, hours off the frame, time limits, follow-ups. */
export function FollowUpAlerts({ scope }: { scope: 'mine' | 'team' }) {
  const { t, td } = useI18n();
  const [page, setPage] = useState(1);
  const alerts = useQuery({
    queryKey: ['follow-up-alerts', scope, page],
    queryFn: () => api<Page<FollowUpAlert>>(`/api/follow-up/alerts?scope=${scope}&page=${page}&pageSize=20`),
    placeholderData: keepPreviousData,
  });
  const rows = alerts.data?.items.filter((a) => a.alerts.length) ?? [];
  return (
    <section aria-labelledby="alerts-heading" className="vt-section">
      <h2 id="alerts-heading">{t('alerts.title')}</h2>
      {alerts.data && rows.length === 0 ? <p>{t('alerts.none')}</p> : null}
      {rows.length ? (
        <div className="vt-table-scroll">
          <table className="table table--compact" data-testid="follow-up-alerts">
            <thead>
              <tr>
                <th scope="col">{t('cases.col.citizen')}</th>
                <th scope="col">{t('alerts.what')}</th>
                <th scope="col">{t('followUp.next')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.caseId}>
                  <td>
                    <Link to={`/sager/${a.caseId}`}>{a.citizenName}</Link>
                  </td>
                  <td>
                    {a.alerts.map((k) => (
                      <span key={k} className={`vt-deadline vt-deadline--${k === 'follow_up_due' ? 'due_soon' : 'overdue'}`}>
                        {td(`alerts.${k}`)}
                      </span>
                    ))}
                    {a.timeLimitUntil ? ` ${t('provider.until', { date: formatDate(a.timeLimitUntil) })}` : ''}
                  </td>
                  <td>{formatDate(a.nextFollowUp)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {alerts.data ? (
        <Pagination
          page={alerts.data.page}
          pageSize={alerts.data.pageSize}
          total={alerts.data.total}
          totalCapped={alerts.data.totalCapped}
          onPage={setPage}
        />
      ) : null}
    </section>
  );
}
