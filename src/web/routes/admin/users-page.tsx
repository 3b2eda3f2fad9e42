import { useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/access/permissions.ts';
import type { UserAdminRow } from '../../../shared/users/user-admin.schema.ts';
import { ApiRequestError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAdminUsers, useEndSessions, useSetActive } from '../../modules/users/users.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Pagination } from '../../ui/pagination.tsx';

type Done = { kind: 'ended' | 'deactivated' | 'activated'; name: string; sessions: number };

/** The administrator's users: who is logged in now, ending their sessions, deactivating and reactivating. */
export function UsersPage() {
  const { t, lang, pick } = useI18n();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [page, setPage] = useState(1);
  const [done, setDone] = useState<Done | undefined>();
  const users = useAdminUsers(q.trim(), role, page);
  const endSessions = useEndSessions();
  const setActive = useSetActive();
  const failure = [endSessions.error, setActive.error].find((e) => e instanceof ApiRequestError);

  function end(user: UserAdminRow) {
    endSessions.mutate(
      { userId: user.id },
      { onSuccess: (r) => setDone({ kind: 'ended', name: user.name, sessions: r.sessionsEnded }) },
    );
  }
  function toggle(user: UserAdminRow) {
    setActive.mutate(
      { userId: user.id, active: !user.active },
      {
        onSuccess: (r) => setDone({ kind: r.active ? 'activated' : 'deactivated', name: user.name, sessions: r.sessionsEnded }),
      },
    );
  }

  return (
    <>
      <h1>{t('users.title')}</h1>
      <p>{t('users.intro')}</p>
      {done ? (
        <Alert variant="success" heading={t(`users.done.${done.kind}`, { name: done.name, count: done.sessions })} />
      ) : null}
      {failure ? <Alert variant="error" heading={failure.body.fields?.[0]?.message ?? failure.message} /> : null}
      <div className="vt-filters">
        <div className="form-group">
          <label className="form-label" htmlFor="user-q">
            {t('users.filter.name')}
          </label>
          <input
            id="user-q"
            className="form-input"
            type="search"
            autoComplete="off"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="user-role">
            {t('users.filter.role')}
          </label>
          <select
            id="user-role"
            className="form-select"
            value={role}
            onChange={(e) => {
              setRole(e.target.value as Role | '');
              setPage(1);
            }}
          >
            <option value="">{t('users.filter.staff')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {pick(ROLE_LABELS[r])}
              </option>
            ))}
          </select>
        </div>
      </div>
      {users.isError ? <Alert variant="error" heading={t('common.error')} /> : null}
      {users.data ? (
        users.data.total === 0 ? (
          <p>{t('users.none')}</p>
        ) : (
          <>
            <div className="vt-table-scroll">
              <table className="table table--zebra" data-testid="users">
                <caption className="sr-only">{t('users.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('users.col.name')}</th>
                    <th scope="col">{t('users.col.role')}</th>
                    <th scope="col">{t('users.col.unit')}</th>
                    <th scope="col">{t('users.col.status')}</th>
                    <th scope="col">{t('users.col.sessions')}</th>
                    <th scope="col">{t('users.col.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {users.data.items.map((u) => (
                    <tr key={u.id}>
                      <th scope="row">{u.name}</th>
                      <td>{pick(ROLE_LABELS[u.role])}</td>
                      <td>{u.unitName ?? t('common.none')}</td>
                      <td>{u.active ? t('users.active') : <span className="tag tag--warning">{t('users.inactive')}</span>}</td>
                      <td>
                        {u.liveSessions === 0
                          ? t('users.sessions.none')
                          : t('users.sessions.live', {
                              count: u.liveSessions,
                              at: u.lastSeenAt ? formatDateTime(u.lastSeenAt, lang) : '',
                            })}
                      </td>
                      <td className="vt-actions">
                        <button
                          type="button"
                          className="button button-secondary"
                          disabled={u.liveSessions === 0 || endSessions.isPending}
                          aria-label={t('users.end.label', { name: u.name })}
                          onClick={() => end(u)}
                        >
                          {t('users.end')}
                        </button>
                        <button
                          type="button"
                          className="button button-tertiary"
                          disabled={setActive.isPending}
                          aria-label={t(u.active ? 'users.deactivate.label' : 'users.activate.label', { name: u.name })}
                          onClick={() => toggle(u)}
                        >
                          {t(u.active ? 'users.deactivate' : 'users.activate')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={users.data.page} pageSize={users.data.pageSize} total={users.data.total} onPage={setPage} />
          </>
        )
      ) : (
        <p>{t('common.loading')}</p>
      )}
    </>
  );
}
