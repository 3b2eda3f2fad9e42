import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { can } from '../../shared/access/permissions.ts';
import type { SessionUser } from '../../shared/auth/auth.schema.ts';
import { citizenSearchQuerySchema } from '../../shared/citizens/citizen.schema.ts';
import { parseCitizenQuery } from '../../shared/citizens/citizen-search.ts';
import { translateIssue } from '../../shared/i18n/validation-messages.ts';
import { ApiRequestError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useCitizenSearch } from '../modules/citizens/citizens.api.ts';
import { Alert } from '../ui/alert.tsx';
import { formatCpr, formatDate } from '../ui/format.ts';
import { Pagination } from '../ui/pagination.tsx';

/** The search lives in the URL (?q=&side=), so back/forward and shared links work and nothing is re-typed. */
export function CitizenSearchPage({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('side') ?? '1') || 1;
  const [draft, setDraft] = useState(q);
  const [clientError, setClientError] = useState<string | undefined>();
  const search = useCitizenSearch(q, page);
  const fieldError = clientError ?? (search.error instanceof ApiRequestError ? search.error.fieldMessage('q') : undefined);

  /** The same zod schema as the server's, so the message is the one the API would give. */
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = citizenSearchQuerySchema.shape.q.safeParse(draft);
    const issue = parsed.error?.issues[0];
    setClientError(issue ? translateIssue(issue, lang) : undefined);
    if (parsed.success) setParams({ q: parsed.data });
  }

  const total = search.data?.total ?? 0;
  const mayCreate = can(user.role, 'citizen.create');
  // A search for a whole CPR number that found no one carries the number over to the form.
  const typed = parseCitizenQuery(q);
  const createHref = typed.kind === 'cpr' ? `/borgere/ny?cpr=${typed.cpr}` : '/borgere/ny';
  return (
    <>
      <h1>{t('citizens.title')}</h1>
      <search>
        <form onSubmit={submit} className="vt-search" noValidate>
          <div className={`form-group${fieldError ? ' form-error' : ''}`}>
            <label className="form-label" htmlFor="citizen-q">
              {t('citizens.search.label')}
            </label>
            <span className="form-hint" id="citizen-q-hint">
              {t('citizens.search.hint')}
            </span>
            {fieldError ? (
              <span className="form-error-message" id="citizen-q-error">
                {fieldError}
              </span>
            ) : null}
            <div className="vt-search-row">
              <input
                className="form-input"
                id="citizen-q"
                name="q"
                type="search"
                autoComplete="off"
                value={draft}
                aria-describedby={`citizen-q-hint${fieldError ? ' citizen-q-error' : ''}`}
                onChange={(e) => setDraft(e.target.value)}
              />
              <button type="submit" className="button button-primary">
                {t('citizens.search.button')}
              </button>
            </div>
          </div>
          <p className="form-hint">{t('citizens.searchLogged')}</p>
        </form>
      </search>
      {/* After the search in the tab order: searching is what the page is for; creating comes after finding no one. */}
      {mayCreate ? (
        <p>
          <Link to="/borgere/ny" className="button button-secondary">
            {t('citizens.create')}
          </Link>
        </p>
      ) : null}

      {search.isError && !fieldError ? <Alert variant="error" heading={t('common.error')} /> : null}
      {search.isFetching && !search.data ? <p>{t('common.loading')}</p> : null}
      {search.data ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="h3" aria-live="polite">
            {total === 0
              ? t('citizens.results.none')
              : total === 1
                ? t('citizens.results.one')
                : t('citizens.results', { count: total })}
          </h2>
          {total === 0 && mayCreate ? (
            <p data-testid="citizen-create-offer">
              {t('citizens.create.none')}{' '}
              <Link to={createHref} className="button button-primary">
                {t('citizens.create.fromSearch')}
              </Link>
            </p>
          ) : null}
          {total > 0 ? (
            <div className="vt-table-scroll">
              <table className="table table--zebra" data-testid="citizen-results">
                <thead>
                  <tr>
                    <th scope="col">{t('citizens.col.name')}</th>
                    <th scope="col">{t('citizens.col.cpr')}</th>
                    <th scope="col">{t('citizens.col.birth')}</th>
                    <th scope="col">{t('citizens.col.city')}</th>
                  </tr>
                </thead>
                <tbody>
                  {search.data.items.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/borgere/${c.id}`}>
                          {c.firstName} {c.lastName}
                        </Link>
                      </td>
                      <td>
                        {formatCpr(c.cpr)}
                        {c.substituteCpr ? (
                          <span className="tag vt-tag" title={t('citizens.substitute')}>
                            {' '}
                            E<span className="sr-only">{t('citizens.substitute')}</span>
                          </span>
                        ) : null}
                      </td>
                      <td>{formatDate(c.birthDate)}</td>
                      <td>{c.city ?? t('common.none')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <Pagination
            page={search.data.page}
            pageSize={search.data.pageSize}
            total={total}
            onPage={(p) => setParams({ q, side: String(p) })}
          />
        </section>
      ) : null}
    </>
  );
}
