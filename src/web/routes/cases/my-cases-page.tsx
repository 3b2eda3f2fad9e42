import { useState } from 'react';
import { Link } from 'react-router';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCases } from '../../modules/cases/cases.api.ts';
import { formatDate } from '../../ui/format.ts';
import { Pagination } from '../../ui/pagination.tsx';
import { DeadlineTag } from './deadline-tag.tsx';
import { FollowUpAlerts } from './follow-up-alerts.tsx';

/** "My cases": overdue deadlines first, then those due within 7 days, then the rest. A team leader sees the team's. */
export function MyCasesPage({ user }: { user: SessionUser }) {
  const { t, td } = useI18n();
  const [scope, setScope] = useState<'mine' | 'team'>('mine');
  const [page, setPage] = useState(1);
  const [due, setDue] = useState<'all' | 'overdue' | 'due_soon'>('all');
  const cases = useCases(scope, page, due);
  return (
    <>
      <h1>{t('cases.title')}</h1>
      {user.role === 'team_leader' ? (
        <div className="form-group">
          <fieldset>
            <legend className="form-label">{t('cases.scope')}</legend>
            {(['mine', 'team'] as const).map((s) => (
              <div className="form-group-radio" key={s}>
                <input
                  className="form-radio"
                  type="radio"
                  id={`scope-${s}`}
                  name="scope"
                  checked={scope === s}
                  onChange={() => {
                    setScope(s);
                    setPage(1);
                  }}
                />
                <label htmlFor={`scope-${s}`}>{t(s === 'mine' ? 'cases.scope.mine' : 'cases.scope.team')}</label>
              </div>
            ))}
          </fieldset>
        </div>
      ) : null}
      <div className="form-group">
        <label className="form-label" htmlFor="due-filter">
          {t('cases.filter.due')}
        </label>
        <select
          id="due-filter"
          className="form-select"
          value={due}
          onChange={(e) => {
            setDue(e.target.value as typeof due);
            setPage(1);
          }}
        >
          {(['all', 'overdue', 'due_soon'] as const).map((d) => (
            <option key={d} value={d}>
              {t(`cases.filter.due.${d}`)}
            </option>
          ))}
        </select>
      </div>
      {cases.data ? (
        cases.data.total === 0 ? (
          <p>{t('cases.none')}</p>
        ) : (
          <>
            <div className="vt-table-scroll">
              <table className="table table--zebra" data-testid="my-cases">
                <thead>
                  <tr>
                    <th scope="col">{t('cases.col.deadline')}</th>
                    <th scope="col">{t('cases.col.citizen')}</th>
                    <th scope="col">{t('cases.col.case')}</th>
                    <th scope="col">{t('cases.col.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {cases.data.items.map((c) => (
                    <tr key={c.id}>
                      <td>
                        {c.nextDeadline ? (
                          <>
                            <DeadlineTag status={c.nextDeadline.status} /> {td(`deadline.${c.nextDeadline.kind}`)}{' '}
                            {formatDate(c.nextDeadline.dueDate)}
                          </>
                        ) : (
                          t('common.none')
                        )}
                      </td>
                      <td>{c.citizenName}</td>
                      <td>
                        <Link to={`/sager/${c.id}`}>{c.title}</Link>
                        <br />
                        <span className="vt-muted">{c.journalNumber}</span>
                      </td>
                      <td>{td(`case.status.${c.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={cases.data.page} pageSize={cases.data.pageSize} total={cases.data.total} onPage={setPage} />
          </>
        )
      ) : (
        <p>{t('common.loading')}</p>
      )}
      <FollowUpAlerts scope={scope} />
    </>
  );
}
