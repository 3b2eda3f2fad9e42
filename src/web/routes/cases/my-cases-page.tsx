import { type FormEvent, Fragment, type ReactNode, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import {
  type CaseListItem,
  OPEN_CASE_STATUSES,
  WORKLIST_PARAGRAPHS,
  type WorklistSort,
} from '../../../shared/cases/case.schema.ts';
import { ApiRequestError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCaseload, useCases, useReassignCase, type WorklistParams } from '../../modules/cases/cases.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { formatDate } from '../../ui/format.ts';
import { formatNumber } from '../../ui/number-format.ts';
import { Pagination } from '../../ui/pagination.tsx';
import { DeadlineTag } from './deadline-tag.tsx';
import { FollowUpAlerts } from './follow-up-alerts.tsx';

const DUE = ['all', 'overdue', 'due_soon', 'none'] as const;
const FILTERS = ['q', 'status', 'paragraph', 'caseworkerId', 'due'] as const;

/**
 * The work list: "my cases", or for a team leader the team's, with the caseload per caseworker and reassigning.
 * Searched, filtered, sorted and paged on the server; the state lives in the address, so a filtered list can be
 * bookmarked and the back button returns to it. Soonest deadline the municipality must meet first by default.
 */
export function MyCasesPage({ user }: { user: SessionUser }) {
  const { t, td, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const leader = user.role === 'team_leader';
  const scope = leader && params.get('scope') === 'team' ? 'team' : 'mine';
  const get = (key: string) => params.get(key) ?? '';
  const sort = (get('sort') || 'deadline') as WorklistSort;
  const dir = get('dir') === 'desc' ? 'desc' : 'asc';
  const query: WorklistParams = {
    scope,
    due: get('due') || 'all',
    status: get('status'),
    paragraph: get('paragraph'),
    caseworkerId: scope === 'team' ? get('caseworkerId') : '',
    q: get('q'),
    sort,
    dir,
    page: get('page') || '1',
  };
  const cases = useCases(query);
  const caseload = useCaseload(scope === 'team');
  const [text, setText] = useState(get('q'));
  const filtered = FILTERS.some((f) => (f === 'due' ? (query.due ?? 'all') !== 'all' : Boolean(query[f])));

  /** Changes the address; any change but the page goes back to page 1. */
  function update(patch: Record<string, string>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  }

  function search(e: FormEvent) {
    e.preventDefault();
    update({ q: text.trim() });
  }

  const sortHeader = (column: WorklistSort, label: string) => {
    const active = sort === column;
    return (
      <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className="vt-sort"
          onClick={() => update({ sort: column, dir: active && dir === 'asc' ? 'desc' : 'asc' })}
        >
          {label}
          <span aria-hidden="true">{active ? (dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
        </button>
      </th>
    );
  };

  const select = (id: string, label: string, key: string, options: { value: string; label: string }[]) => (
    <div className="form-group">
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="form-select" value={get(key)} onChange={(e) => update({ [key]: e.target.value })}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  const team = caseload.data?.items ?? [];
  const total = cases.data?.total ?? 0;
  return (
    <>
      <h1>{scope === 'team' ? t('worklist.title.team') : t('cases.title')}</h1>
      {leader ? (
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
                  onChange={() => update({ scope: s === 'team' ? 'team' : '', caseworkerId: '' })}
                />
                <label htmlFor={`scope-${s}`}>{t(s === 'mine' ? 'cases.scope.mine' : 'cases.scope.team')}</label>
              </div>
            ))}
          </fieldset>
        </div>
      ) : null}

      {scope === 'team' && team.length > 0 ? (
        <section aria-labelledby="caseload-heading">
          <h2 id="caseload-heading">{t('worklist.caseload')}</h2>
          <div className="vt-table-scroll">
            <table className="table vt-caseload" data-testid="caseload">
              <thead>
                <tr>
                  <th scope="col">{t('worklist.col.caseworker')}</th>
                  <th scope="col" className="vt-num">
                    {t('worklist.caseload.open')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('worklist.caseload.overdue')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {team.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <button
                        type="button"
                        className="button button-unstyled vt-link-button"
                        aria-label={t('worklist.caseload.show', { name: m.name })}
                        aria-pressed={get('caseworkerId') === m.id}
                        onClick={() => update({ caseworkerId: get('caseworkerId') === m.id ? '' : m.id })}
                      >
                        {m.name}
                      </button>
                    </th>
                    <td className="vt-num">{m.open}</td>
                    <td className="vt-num">{m.overdue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <search className="vt-worklist-search">
        <form onSubmit={search}>
          <div className="form-group">
            <label className="form-label" htmlFor="worklist-q">
              {t('worklist.search')}
            </label>
            <span className="form-hint" id="worklist-q-hint">
              {t('worklist.search.hint')}
            </span>
            <div className="vt-inline">
              <input
                id="worklist-q"
                className="form-input"
                type="search"
                value={text}
                aria-describedby="worklist-q-hint"
                onChange={(e) => setText(e.target.value)}
              />
              <button type="submit" className="button button-secondary">
                {t('worklist.search.submit')}
              </button>
            </div>
          </div>
        </form>
      </search>

      <div className="vt-worklist-filters">
        {select(
          'due-filter',
          t('cases.filter.due'),
          'due',
          DUE.map((d) => ({ value: d === 'all' ? '' : d, label: t(`cases.filter.due.${d}`) })),
        )}
        {select('status-filter', t('worklist.filter.status'), 'status', [
          { value: '', label: t('worklist.filter.all') },
          ...OPEN_CASE_STATUSES.map((s) => ({ value: s, label: td(`case.status.${s}`) })),
        ])}
        {select('paragraph-filter', t('worklist.filter.paragraph'), 'paragraph', [
          { value: '', label: t('worklist.filter.all') },
          ...WORKLIST_PARAGRAPHS.map((p) => ({ value: p, label: `SEL § ${p}` })),
        ])}
        {scope === 'team'
          ? select('caseworker-filter', t('worklist.filter.caseworker'), 'caseworkerId', [
              { value: '', label: t('worklist.filter.all') },
              ...team.map((m) => ({ value: m.id, label: m.name })),
            ])
          : null}
      </div>
      {filtered ? (
        <p>
          <button
            type="button"
            className="button button-unstyled vt-link-button"
            onClick={() => {
              setText('');
              update({ q: '', status: '', paragraph: '', caseworkerId: '', due: '' });
            }}
          >
            {t('worklist.filter.reset')}
          </button>
        </p>
      ) : null}

      {cases.data ? (
        <>
          <p aria-live="polite" data-testid="worklist-count">
            {total === 0 ? (
              <span data-testid="worklist-empty">
                {filtered ? t('worklist.none.filtered') : scope === 'team' ? t('worklist.none.team') : t('cases.none')}
              </span>
            ) : total === 1 ? (
              t('worklist.count.one')
            ) : cases.data.totalCapped ? (
              // A team at a large municipality's size is counted only this far (shared/api/page.ts, TOTAL_CAP).
              t('worklist.count.more', { total: formatNumber(total, lang) })
            ) : (
              t('worklist.count', { total: formatNumber(total, lang) })
            )}
          </p>
          {total === 0 ? null : (
            <WorklistTable items={cases.data.items} team={scope === 'team' ? team : null} sortHeader={sortHeader} />
          )}
          <Pagination
            page={cases.data.page}
            pageSize={cases.data.pageSize}
            total={total}
            totalCapped={cases.data.totalCapped}
            onPage={(p) => update({ page: String(p) })}
          />
        </>
      ) : cases.error ? (
        <Alert variant="error">{cases.error.message}</Alert>
      ) : (
        <p>{t('common.loading')}</p>
      )}
      <FollowUpAlerts scope={scope} />
    </>
  );
}

type Member = { id: string; name: string };

function WorklistTable({
  items,
  team,
  sortHeader,
}: {
  items: CaseListItem[];
  /** The team's members on the team's list (the caseworker column and reassigning); null on "my cases". */
  team: Member[] | null;
  sortHeader: (column: WorklistSort, label: string) => ReactNode;
}) {
  const { t, td } = useI18n();
  const [moving, setMoving] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const reassign = useReassignCase();
  return (
    <>
      {done ? <Alert variant="success">{done}</Alert> : null}
      {reassign.error ? (
        <Alert variant="error">
          {reassign.error instanceof ApiRequestError
            ? (reassign.error.fieldMessage('caseworkerId') ?? reassign.error.message)
            : reassign.error.message}
        </Alert>
      ) : null}
      <div className="vt-table-scroll">
        <table className="table table--zebra" data-testid="my-cases">
          <thead>
            <tr>
              {sortHeader('deadline', t('cases.col.deadline'))}
              {sortHeader('citizen', t('cases.col.citizen'))}
              <th scope="col">{t('cases.col.case')}</th>
              <th scope="col">{t('worklist.col.paragraph')}</th>
              {sortHeader('status', t('cases.col.status'))}
              {sortHeader('opened', t('worklist.col.opened'))}
              {team ? sortHeader('caseworker', t('worklist.col.caseworker')) : null}
              {team ? <th scope="col">{t('worklist.col.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <Fragment key={c.id}>
                <tr>
                  <td>
                    {c.nextDeadline ? (
                      <>
                        <DeadlineTag status={c.nextDeadline.status} /> {td(`deadline.${c.nextDeadline.kind}`)}{' '}
                        {formatDate(c.nextDeadline.dueDate)}
                      </>
                    ) : (
                      <span className="vt-muted">{t('worklist.deadline.none')}</span>
                    )}
                  </td>
                  <td>
                    {c.citizenName}
                    <br />
                    <span className="vt-muted">{c.cpr}</span>
                  </td>
                  <td>
                    <Link to={`/sager/${c.id}`}>{c.title}</Link>
                    <br />
                    <span className="vt-muted">{c.journalNumber}</span>
                  </td>
                  <td>{c.legalBasis ?? t('common.none')}</td>
                  <td>{td(`case.status.${c.status}`)}</td>
                  <td>{formatDate(c.openedOn)}</td>
                  {team ? (
                    <>
                      <td>{c.caseworker?.name ?? t('worklist.unassigned')}</td>
                      <td>
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          aria-label={t('worklist.reassign.label', { title: c.title, citizen: c.citizenName })}
                          aria-expanded={moving === c.id}
                          onClick={() => {
                            reassign.reset();
                            setDone(null);
                            setMoving(moving === c.id ? null : c.id);
                          }}
                        >
                          {t('worklist.reassign')}
                        </button>
                      </td>
                    </>
                  ) : null}
                </tr>
                {team && moving === c.id ? (
                  <tr>
                    <td colSpan={8}>
                      <ReassignForm
                        c={c}
                        choices={team.filter((m) => m.id !== c.caseworker?.id)}
                        pending={reassign.isPending}
                        onCancel={() => setMoving(null)}
                        onMove={(target) =>
                          reassign.mutate(
                            { caseId: c.id, caseworkerId: target.id, version: c.version },
                            {
                              onSuccess: () => {
                                setMoving(null);
                                setDone(t('worklist.reassign.done', { title: c.title, name: target.name }));
                              },
                            },
                          )
                        }
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The new caseworker for one case, chosen among the team, in a row under the case. */
function ReassignForm({
  c,
  choices,
  pending,
  onMove,
  onCancel,
}: {
  c: CaseListItem;
  choices: Member[];
  pending: boolean;
  onMove: (target: Member) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [to, setTo] = useState('');
  return (
    <form
      className="vt-inline"
      onSubmit={(e) => {
        e.preventDefault();
        const target = choices.find((m) => m.id === to);
        if (target) onMove(target);
      }}
    >
      <div className="form-group">
        <label className="form-label" htmlFor={`move-${c.id}`}>
          {t('worklist.reassign.to', { title: c.title })}
        </label>
        <select id={`move-${c.id}`} className="form-select" value={to} required onChange={(e) => setTo(e.target.value)}>
          <option value="">{t('assessment.choose')}</option>
          {choices.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-primary" disabled={pending}>
        {t('worklist.reassign.save')}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        {t('worklist.reassign.cancel')}
      </button>
    </form>
  );
}
