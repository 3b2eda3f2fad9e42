import 'dkfds.css';
import './ui/visitator.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { HOME_PATH } from '../shared/access/home-path.ts';
import { can } from '../shared/access/permissions.ts';
import { setApiLanguage, setSessionEndedHandler } from './api/client.ts';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { useMe } from './modules/auth/auth.api.ts';
import { UsersPage } from './routes/admin/users-page.tsx';
import { ApprovalsPage } from './routes/cases/approvals-page.tsx';
import { CasePage } from './routes/cases/case-page.tsx';
import { MyCasesPage } from './routes/cases/my-cases-page.tsx';
import { AdminDescriptionPage } from './routes/catalogue/admin-description-page.tsx';
import { CataloguePage } from './routes/catalogue/catalogue-page.tsx';
import { ComparePage } from './routes/catalogue/compare-page.tsx';
import { DescriptionPage } from './routes/catalogue/description-page.tsx';
import { InterventionsPage } from './routes/catalogue/interventions-page.tsx';
import { OfferPage } from './routes/catalogue/offer-page.tsx';
import { CitizenNewPage } from './routes/citizen-new-page.tsx';
import { CitizenOverviewPage } from './routes/citizen-overview-page.tsx';
import { CitizenSearchPage } from './routes/citizen-search-page.tsx';
import { HomePage } from './routes/home-page.tsx';
import { ImportPage } from './routes/import/import-page.tsx';
import { LoginPage } from './routes/login-page.tsx';
import { MyPage } from './routes/me/my-page.tsx';
import { NotFoundPage } from './routes/not-found-page.tsx';
import { OrganisationPage } from './routes/organisation-page.tsx';
import { ProviderOrderPage } from './routes/provider/provider-order-page.tsx';
import { ProviderOrdersPage } from './routes/provider/provider-orders-page.tsx';
import { DeliveryPage } from './routes/reporting/delivery-page.tsx';
import { ReportingPage } from './routes/reporting/reporting-page.tsx';
import { ReportingSettingsPage } from './routes/reporting/reporting-settings-page.tsx';
import { TasksPage } from './routes/tasks/tasks-page.tsx';
import { Layout } from './ui/layout.tsx';

// Economy and capacity bring the chart library; they load when first opened.
const EconomyPage = lazy(() => import('./routes/economy/economy-page.tsx').then((m) => ({ default: m.EconomyPage })));
const AgreementsPage = lazy(() => import('./routes/agreements/agreements-page.tsx').then((m) => ({ default: m.AgreementsPage })));
const AgreementPage = lazy(() => import('./routes/agreements/agreement-page.tsx').then((m) => ({ default: m.AgreementPage })));
const DeadlinesDashboardPage = lazy(() =>
  import('./routes/agreements/deadlines-dashboard-page.tsx').then((m) => ({ default: m.DeadlinesDashboardPage })),
);
const StrategyDashboardPage = lazy(() =>
  import('./routes/agreements/strategy-dashboard-page.tsx').then((m) => ({ default: m.StrategyDashboardPage })),
);
const GoalPage = lazy(() => import('./routes/agreements/goal-page.tsx').then((m) => ({ default: m.GoalPage })));
const ReportPage = lazy(() => import('./routes/agreements/report-page.tsx').then((m) => ({ default: m.ReportPage })));
const CapacityPage = lazy(() => import('./routes/economy/capacity-page.tsx').then((m) => ({ default: m.CapacityPage })));

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1 } } });

// A session can end on the server at any time (idle timeout, log-out in another tab, an administrator): the next
// answer is 401, and the page starts over at the log-in with nothing of the previous user's data in memory.
setSessionEndedHandler(() => {
  if (window.location.pathname !== '/login') window.location.assign('/login?session=ended');
});

/** Moves focus to the page's heading area on navigation, so screen readers hear the new page. */
function FocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger, not an input
  useEffect(() => {
    // On first load the browser starts at the top (the skip link); only later navigations move focus.
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main-content')?.focus({ preventScroll: true });
  }, [pathname]);
  return null;
}

function App() {
  const { t, lang } = useI18n();
  setApiLanguage(lang);
  const me = useMe();
  if (me.isPending) return <p className="container">{t('common.loading')}</p>;
  const user = me.data?.user ?? null;
  return (
    <Layout user={user}>
      <FocusOnNavigate />
      {/* Pages loaded on first use (economy and capacity, with the chart library) show this meanwhile. */}
      <Suspense fallback={<p>{t('common.loading')}</p>}>
        <Routes>
          {/* The public catalogue needs no log-in. */}
          <Route path="/katalog" element={<CataloguePage />} />
          <Route path="/katalog/sammenlign" element={<ComparePage />} />
          <Route path="/katalog/beskrivelser/:id" element={<DescriptionPage user={user} />} />
          <Route path="/katalog/tilbud/:id" element={<OfferPage />} />
          <Route path="/katalog/indsatser" element={<InterventionsPage />} />
          <Route path="/login" element={user ? <Navigate to="/" replace /> : <LoginPage />} />
          {user ? (
            <>
              <Route
                path="/"
                element={HOME_PATH[user.role] === '/' ? <HomePage user={user} /> : <Navigate to={HOME_PATH[user.role]} replace />}
              />
              <Route path="/mig" element={can(user.role, 'own_data.read') ? <MyPage /> : <NotFoundPage />} />
              <Route path="/opgaver" element={can(user.role, 'task.work') ? <TasksPage user={user} /> : <NotFoundPage />} />
              <Route path="/udfoerer" element={can(user.role, 'order.read') ? <ProviderOrdersPage /> : <NotFoundPage />} />
              <Route path="/udfoerer/:id" element={can(user.role, 'order.read') ? <ProviderOrderPage /> : <NotFoundPage />} />
              <Route path="/borgere" element={<CitizenSearchPage user={user} />} />
              <Route path="/borgere/ny" element={can(user.role, 'citizen.create') ? <CitizenNewPage /> : <NotFoundPage />} />
              <Route path="/borgere/:id" element={<CitizenOverviewPage user={user} />} />
              <Route path="/organisation" element={<OrganisationPage />} />
              <Route path="/sager" element={can(user.role, 'case.read') ? <MyCasesPage user={user} /> : <NotFoundPage />} />
              <Route path="/godkendelser" element={can(user.role, 'decision.approve') ? <ApprovalsPage /> : <NotFoundPage />} />
              <Route path="/sager/:id" element={can(user.role, 'case.read') ? <CasePage user={user} /> : <NotFoundPage />} />
              <Route
                path="/sager/:id/:section"
                element={can(user.role, 'case.read') ? <CasePage user={user} /> : <NotFoundPage />}
              />
              <Route path="/admin/brugere" element={can(user.role, 'user.admin') ? <UsersPage /> : <NotFoundPage />} />
              <Route
                path="/oekonomi/*"
                element={
                  can(user.role, 'economy.read') || can(user.role, 'economy.what_if') ? (
                    <EconomyPage user={user} />
                  ) : (
                    <NotFoundPage />
                  )
                }
              />
              <Route
                path="/kapacitet"
                element={can(user.role, 'capacity.read') ? <CapacityPage user={user} /> : <NotFoundPage />}
              />
              <Route
                path="/styring/frister"
                element={can(user.role, 'dashboard.team') ? <DeadlinesDashboardPage /> : <NotFoundPage />}
              />
              <Route
                path="/styring/strategi"
                element={can(user.role, 'dashboard.strategy') ? <StrategyDashboardPage /> : <NotFoundPage />}
              />
              <Route path="/aftaler" element={can(user.role, 'agreement.read') ? <AgreementsPage /> : <NotFoundPage />} />
              <Route
                path="/aftaler/:id"
                element={can(user.role, 'agreement.read') ? <AgreementPage user={user} /> : <NotFoundPage />}
              />
              <Route
                path="/aftaler/:id/maal/:goalId"
                element={can(user.role, 'agreement.read') ? <GoalPage user={user} /> : <NotFoundPage />}
              />
              <Route
                path="/aftaler/status/:id"
                element={can(user.role, 'agreement.read') ? <ReportPage user={user} /> : <NotFoundPage />}
              />
              <Route
                path="/admin/katalog/:id"
                element={can(user.role, 'catalogue.edit') ? <AdminDescriptionPage /> : <NotFoundPage />}
              />
              <Route path="/indberetning" element={can(user.role, 'reporting.manage') ? <ReportingPage /> : <NotFoundPage />} />
              <Route
                path="/indberetning/indstillinger"
                element={can(user.role, 'reporting.manage') ? <ReportingSettingsPage /> : <NotFoundPage />}
              />
              <Route
                path="/indberetning/ffb/:id"
                element={can(user.role, 'reporting.manage') ? <DeliveryPage /> : <NotFoundPage />}
              />
              <Route path="/import" element={can(user.role, 'data.import') ? <ImportPage /> : <NotFoundPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </>
          ) : (
            <Route path="*" element={<Navigate to="/login" replace />} />
          )}
        </Routes>
      </Suspense>
    </Layout>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
