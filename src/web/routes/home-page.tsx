import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { can, ROLE_LABELS } from '../../shared/access/permissions.ts';
import type { SessionUser } from '../../shared/auth/auth.schema.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** The start page puts the most common task, finding a citizen, one field away. */
export function HomePage({ user }: { user: SessionUser }) {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (q.trim()) navigate(`/borgere?${new URLSearchParams({ q: q.trim() })}`);
  }
  return (
    <>
      <h1>{t('home.title', { name: user.name })}</h1>
      <p className="font-lead">
        {t('home.intro', { role: pick(ROLE_LABELS[user.role]).toLowerCase(), municipality: user.municipality.name })}
      </p>
      {can(user.role, 'citizen.search') ? (
        <section className="vt-panel" aria-labelledby="home-search">
          <h2 id="home-search" className="h3">
            {t('home.searchCitizen')}
          </h2>
          <search>
            <form onSubmit={submit} className="vt-search">
              <div className="form-group">
                <label className="form-label" htmlFor="home-q">
                  {t('citizens.search.label')}
                </label>
                <span className="form-hint" id="home-q-hint">
                  {t('home.searchCitizen.text')}
                </span>
                <div className="vt-search-row">
                  <input
                    className="form-input"
                    id="home-q"
                    type="search"
                    autoComplete="off"
                    aria-describedby="home-q-hint"
                    value={q}
                    onChange={(e) => setQ(e.target.value)}
                  />
                  <button type="submit" className="button button-primary">
                    {t('citizens.search.button')}
                  </button>
                </div>
              </div>
            </form>
          </search>
        </section>
      ) : null}
    </>
  );
}
