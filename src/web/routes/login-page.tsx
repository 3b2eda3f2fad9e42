import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ROLE_LABELS } from '../../shared/access/permissions.ts';
import type { DemoUser } from '../../shared/auth/auth.schema.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useDemoLogin, useDemoUsers, useMe } from '../modules/auth/auth.api.ts';
import { Alert } from '../ui/alert.tsx';

export function LoginPage() {
  const { t, pick } = useI18n();
  const me = useMe();
  const [params] = useSearchParams();
  const demo = useDemoUsers(me.data?.demoLogin === true);
  const login = useDemoLogin();
  const navigate = useNavigate();
  const byMunicipality = useMemo(() => {
    const groups = new Map<string, DemoUser[]>();
    for (const u of demo.data ?? []) groups.set(u.municipalityName, [...(groups.get(u.municipalityName) ?? []), u]);
    return [...groups.entries()];
  }, [demo.data]);
  const error = params.get('error');

  return (
    <>
      <h1>{t('login.title')}</h1>
      {params.get('session') === 'ended' ? <Alert variant="info" heading={t('login.ended')} /> : null}
      {error === 'unknown_user' || error === 'oidc' ? (
        <Alert variant="error" heading={t(error === 'oidc' ? 'login.error.oidc' : 'login.error.unknown_user')} />
      ) : null}
      {me.data?.oidcLogin ? (
        <p>
          <a className="button button-primary" href="/api/auth/oidc/login">
            {t('login.oidc')}
          </a>
        </p>
      ) : null}
      {me.data?.demoLogin ? (
        <section aria-labelledby="demo-title">
          <h2 id="demo-title">{t('login.demo.title')}</h2>
          <Alert variant="warning" heading={t('login.demo.title')}>
            <p>{t('login.demo.warning')}</p>
          </Alert>
          {login.error ? <Alert variant="error" heading={login.error.message} /> : null}
          {byMunicipality.map(([municipality, users]) => (
            <div key={municipality} className="vt-demo-group">
              <h3>{municipality}</h3>
              <table className="table table--compact vt-demo-users">
                <caption className="sr-only">{`${t('login.demo.choose')}: ${municipality}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('login.demo.choose')}</th>
                    <th scope="col">{t('login.demo.roleAndUnit')}</th>
                  </tr>
                </thead>
                <tbody>
                  {users.map((u) => (
                    <tr key={u.id}>
                      <td>
                        <button
                          type="button"
                          className="button button-secondary"
                          data-testid={`demo-login-${u.role}-${u.municipalityName}`}
                          onClick={() =>
                            login.mutate(u.id, {
                              onSuccess: () => navigate('/'),
                            })
                          }
                        >
                          {u.name}
                        </button>
                      </td>
                      {/* One column for role and unit, so the table fits a phone (issue 16). */}
                      <td>
                        {pick(ROLE_LABELS[u.role])}
                        {u.unitName ? <span className="vt-unit vt-muted">{u.unitName}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      ) : me.data ? (
        <p>{t('login.demo.none')}</p>
      ) : null}
    </>
  );
}
