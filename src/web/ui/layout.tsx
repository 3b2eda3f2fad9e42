import type { ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { type Action, can, ROLE_LABELS } from '../../shared/access/permissions.ts';
import type { SessionUser } from '../../shared/auth/auth.schema.ts';
import { setApiLanguage } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useLogout } from '../modules/auth/auth.api.ts';
import { useTaskCount } from '../modules/tasks/tasks.api.ts';

/** Navigation by role: an item shows only if the role may do its action (the server checks again). */
const NAV_ITEMS: { to: string; label: MessageKey; action: Action | null }[] = [
  { to: '/', label: 'nav.home', action: null },
  { to: '/mig', label: 'nav.me', action: 'own_data.read' },
  { to: '/opgaver', label: 'nav.tasks', action: 'task.work' },
  { to: '/udfoerer', label: 'nav.provider', action: 'order.read' },
  { to: '/sager', label: 'nav.cases', action: 'case.read' },
  { to: '/godkendelser', label: 'nav.approvals', action: 'decision.approve' },
  { to: '/borgere', label: 'nav.citizens', action: 'citizen.search' },
  { to: '/kapacitet', label: 'nav.capacity', action: 'capacity.read' },
  { to: '/oekonomi', label: 'nav.economy', action: 'economy.read' },
  { to: '/aftaler', label: 'nav.agreements', action: 'agreement.read' },
  { to: '/styring/frister', label: 'nav.deadlines', action: 'dashboard.team' },
  { to: '/styring/strategi', label: 'nav.strategy', action: 'dashboard.strategy' },
  { to: '/organisation', label: 'nav.organisation', action: 'organisation.read' },
  { to: '/admin/brugere', label: 'nav.users', action: 'user.admin' },
  { to: '/indberetning', label: 'nav.reporting', action: 'reporting.manage' },
  { to: '/import', label: 'nav.import', action: 'data.import' },
  { to: '/katalog', label: 'nav.catalogue', action: null },
];

/** Logged out: the public catalogue and the way in. */
const PUBLIC_NAV: typeof NAV_ITEMS = [
  { to: '/katalog', label: 'nav.catalogue', action: null },
  { to: '/login', label: 'login.title', action: null },
];

/** The open tasks in the header, beside "Opgaver": read on every page change and every minute. */
function TaskCount() {
  const { t } = useI18n();
  const count = useTaskCount(true);
  const open = count.data?.open;
  if (!open) return null;
  return (
    <span className="vt-nav-count" data-testid="task-count">
      <span aria-hidden="true">{open}</span>
      <span className="sr-only">{t('nav.tasks.count', { count: open })}</span>
    </span>
  );
}

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'da' ? 'en' : 'da';
  return (
    <button
      type="button"
      className="button button-tertiary vt-lang"
      lang={next}
      aria-label={t('lang.switchLabel')}
      onClick={() => {
        setApiLanguage(next);
        setLang(next);
      }}
    >
      {t('lang.switch')}
    </button>
  );
}

export function Layout({ user, children }: { user: SessionUser | null; children: ReactNode }) {
  const { t, pick } = useI18n();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <>
      <a className="skipnav" href="#main-content">
        {t('skip.main')}
      </a>
      <header className="header">
        <div className="portal-info">
          <div className="container portal-info-inner">
            <Link to="/" className="vt-logo">
              {t('app.name')}
            </Link>
            <div className="portal-user">
              {user ? (
                <p className="user" data-testid="current-user">
                  <strong>{user.name}</strong>
                  <span className="vt-role">{pick(ROLE_LABELS[user.role])}</span>
                </p>
              ) : null}
              <LanguageSwitch />
              {user ? (
                <button
                  type="button"
                  className="button button-secondary log-off"
                  onClick={() => logout.mutate(undefined, { onSuccess: () => navigate('/login') })}
                >
                  {t('header.logout')}
                </button>
              ) : null}
            </div>
          </div>
        </div>
        <div className="solution-info">
          <div className="container solution-info-inner">
            <div className="solution-heading">
              <Link to="/">{t('app.tagline')}</Link>
            </div>
            {user ? (
              <div className="additional-info">
                <p>
                  <strong className="authority-name" data-testid="municipality">
                    {user.municipality.name}
                  </strong>
                  {user.unit ? <span className="vt-unit">{user.unit.name}</span> : null}
                </p>
              </div>
            ) : null}
          </div>
        </div>
        <nav className="navigation-menu" aria-label={t('nav.main')}>
          <div className="container navigation-menu-inner">
            <ul className="nav mainmenu">
              {(user ? NAV_ITEMS.filter((i) => i.action === null || can(user.role, i.action)) : PUBLIC_NAV).map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    end={item.to === '/'}
                    className={({ isActive }) => `nav-link${isActive ? ' current' : ''}`}
                  >
                    <span>
                      {t(item.label)}
                      {item.to === '/opgaver' && user ? <TaskCount /> : null}
                    </span>
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      </header>
      <main id="main-content" className="container page-container" tabIndex={-1}>
        {children}
      </main>
      <footer className="vt-footer">
        <div className="container">
          <p>
            {t('footer.about')} <a href="/api/docs">{t('nav.docs')}</a>
          </p>
        </div>
      </footer>
    </>
  );
}
