import { NavLink, Route, Routes } from 'react-router';
import { type Action, can } from '../../../shared/access/permissions.ts';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import { BudgetPanel } from './budget-panel.tsx';
import { CalculatorsPanel } from './calculators-panel.tsx';
import { ForecastPanel } from './forecast-panel.tsx';
import { RatesPanel } from './rates-panel.tsx';
import { TradesPanel } from './trades-panel.tsx';
import { WhatIfPage } from './what-if-page.tsx';

const TABS: { path: string; label: MessageKey; action: Action }[] = [
  { path: '', label: 'economy.tab.forecast', action: 'economy.read' },
  { path: 'budget', label: 'economy.tab.budget', action: 'economy.read' },
  { path: 'takster', label: 'economy.tab.rates', action: 'economy.read' },
  { path: 'handel', label: 'economy.tab.trades', action: 'economy.read' },
  { path: 'hvad-hvis', label: 'economy.tab.whatIf', action: 'economy.what_if' },
  { path: 'beregnere', label: 'economy.tab.calculators', action: 'economy.read' },
];

/** Economy and steering (økonomi): forecast, budget, rate cards, places bought and sold, what-if, calculators. */
export function EconomyPage({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const tabs = TABS.filter((tab) => can(user.role, tab.action));
  return (
    <>
      <h1>{t('economy.title')}</h1>
      <nav aria-label={t('economy.tabs')}>
        <ul className="vt-tabs">
          {tabs.map((tab) => (
            <li key={tab.path} className="vt-tab">
              <NavLink to={tab.path ? `/oekonomi/${tab.path}` : '/oekonomi'} end>
                {t(tab.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={can(user.role, 'economy.read') ? <ForecastPanel /> : <WhatIfPage />} />
        <Route path="budget" element={can(user.role, 'economy.read') ? <BudgetPanel user={user} /> : <NotFoundPage />} />
        <Route path="takster" element={can(user.role, 'economy.read') ? <RatesPanel user={user} /> : <NotFoundPage />} />
        <Route path="handel" element={can(user.role, 'economy.read') ? <TradesPanel user={user} /> : <NotFoundPage />} />
        <Route path="hvad-hvis" element={can(user.role, 'economy.what_if') ? <WhatIfPage /> : <NotFoundPage />} />
        <Route path="beregnere" element={<CalculatorsPanel />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
