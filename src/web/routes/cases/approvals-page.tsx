import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Page } from '../../../shared/api/page.ts';
import type { AwaitingApprovalItem } from '../../../shared/cases/decision-approval.schema.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/alert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Pagination } from '../../ui/pagination.tsx';

const hours = (n: number | null) => (n === null ? '–' : String(n).replace('.', ','));

/** The team leader's queue: decisions of the team that wait for approval, oldest first, each one click from its case. */
export function ApprovalsPage() {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['approvals', page],
    queryFn: () => api<Page<AwaitingApprovalItem>>(`/api/decision-approvals?page=${page}&pageSize=20`),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <h1>{t('approvals.title')}</h1>
      <p className="font-lead">{t('approvals.intro')}</p>
      {list.isError ? <Alert variant="error" heading={t('common.error')} /> : null}
      {list.data && list.data.items.length === 0 ? <p>{t('approvals.empty')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <div className="table--responsive-scroll">
          <table className="table table--zebra" data-testid="approvals">
            <thead>
              <tr>
                <th scope="col">{t('approvals.col.citizen')}</th>
                <th scope="col">{t('cases.journalNumber')}</th>
                <th scope="col">{t('approvals.col.hours')}</th>
                <th scope="col">{t('approvals.col.by')}</th>
                <th scope="col">{t('approvals.col.at')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((i) => (
                <tr key={i.approvalId}>
                  <td>
                    <Link to={`/sager/${i.caseId}`}>{i.citizenName}</Link>
                  </td>
                  <td>{i.journalNumber}</td>
                  <td>
                    {hours(i.weeklyHours)} ({i.legalBasis})
                  </td>
                  <td>{i.requestedByName}</td>
                  <td>{formatDateTime(i.requestedAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.data ? <Pagination page={page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} /> : null}
    </>
  );
}
