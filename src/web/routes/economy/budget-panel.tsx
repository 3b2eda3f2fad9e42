import { type FormEvent, useState } from 'react';
import { can } from '../../../shared/access/permissions.ts';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import { LINE_KINDS, type LineKindName } from '../../../shared/economy/economy.schema.ts';
import { ApiRequestError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useBudget, useEconomyCommand, useEconomyOffers } from '../../modules/economy/economy.api.ts';
import { useOrganisationUnits } from '../../modules/economy/organisation-units.ts';
import { Alert } from '../../ui/alert.tsx';
import { Field, fieldErrorOf, formErrorOf } from '../../ui/field.tsx';
import { formatKr, parseDanishNumber } from '../../ui/number-format.ts';

const thisYear = () => new Date().getFullYear();

/**
 * A year's budget: the subtotals the budget document prints, each checked against the lines under it (a printed
 * total that does not add up is shown, never corrected), the lines, a form for a line and imports from the finance
 * system with every bad row named.
 */
export function BudgetPanel({ user }: { user: SessionUser }) {
  const { t, td, lang } = useI18n();
  const [year, setYear] = useState(2019);
  const budget = useBudget(year);
  const b = budget.data;
  const editable = can(user.role, 'economy.edit');
  const differences = b?.groups.filter((g) => g.difference !== null && g.difference !== 0) ?? [];
  const years = [...new Set([...(b?.years ?? []), year, thisYear()])].sort((x, y) => y - x);
  const sources = [...new Set((b?.lines ?? []).map((l) => (l.invented ? t('economy.invented') : (l.source ?? ''))))];
  const commonSource = sources.length === 1 ? sources[0] : null;

  return (
    <section aria-labelledby="budget-title">
      <h2 id="budget-title">{t('economy.budget.title', { year })}</h2>
      <div className="vt-filters">
        <div className="form-group">
          <label className="form-label" htmlFor="budget-year">
            {t('economy.year')}
          </label>
          <select id="budget-year" className="form-select" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!b ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          {differences.length > 0 ? (
            <Alert variant="warning" heading={t('economy.budget.differences', { n: differences.length })}>
              <ul>
                {differences.map((g) => (
                  <li key={g.id}>
                    {t('economy.budget.difference', {
                      label: g.label,
                      printed: formatKr(g.printed ?? 0, lang),
                      computed: formatKr(g.computed, lang),
                      difference: formatKr(Math.abs(g.difference ?? 0), lang),
                    })}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {b.groups.length > 0 ? (
            <div className="vt-table-scroll">
              <table className="table table--compact" data-testid="budget-groups">
                <caption>{t('economy.budget.groups')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('economy.budget.group')}</th>
                    <th scope="col" className="vt-num">
                      {t('economy.budget.printed')}
                    </th>
                    <th scope="col" className="vt-num">
                      {t('economy.budget.computed')}
                    </th>
                    <th scope="col" className="vt-num">
                      {t('economy.budget.diff')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {b.groups.map((g) => (
                    <tr key={g.id}>
                      <th scope="row" style={{ paddingLeft: `${0.8 + depth(g, b.groups) * 1.6}rem` }}>
                        {g.label}
                      </th>
                      <td className="vt-num">{g.printed === null ? '–' : formatKr(g.printed, lang)}</td>
                      <td className="vt-num">{formatKr(g.computed, lang)}</td>
                      <td className={`vt-num${g.difference ? ' vt-negative' : ''}`}>
                        {g.difference === null ? '–' : formatKr(g.difference, lang)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {commonSource ? <p data-testid="budget-source">{t('economy.budget.sourceAll', { source: commonSource })}</p> : null}
          <div className="vt-table-scroll">
            <table className="table table--zebra table--compact" data-testid="budget-lines">
              <caption>{t('economy.budget.lines', { total: formatKr(b.total, lang) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('economy.budget.line')}</th>
                  <th scope="col">{t('economy.budget.unit')}</th>
                  <th scope="col">{t('economy.budget.kind')}</th>
                  <th scope="col" className="vt-num">
                    {t('economy.col.budget')}
                  </th>
                  {commonSource ? null : <th scope="col">{t('economy.budget.source')}</th>}
                </tr>
              </thead>
              <tbody>
                {b.lines.map((l) => (
                  <tr key={l.id}>
                    <th scope="row">{l.label}</th>
                    <td>{l.unitName}</td>
                    <td>{td(`economy.line.${l.kind}`)}</td>
                    <td className="vt-num">{formatKr(l.amount, lang)}</td>
                    {commonSource ? null : <td>{l.invented ? t('economy.invented') : (l.source ?? '')}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {editable ? <BudgetLineForm year={year} /> : null}
          {editable ? <ImportForm kind="budget" /> : null}
          {editable ? <ImportForm kind="postings" /> : null}
        </>
      )}
    </section>
  );
}

function depth(g: { parentId: string | null }, all: readonly { id: string; parentId: string | null }[]): number {
  let d = 0;
  let p = g.parentId;
  while (p && d < 10) {
    d++;
    p = all.find((x) => x.id === p)?.parentId ?? null;
  }
  return d;
}

function BudgetLineForm({ year }: { year: number }) {
  const { t, td } = useI18n();
  const units = useOrganisationUnits();
  const offers = useEconomyOffers();
  const create = useEconomyCommand<Record<string, unknown>>(() => '/api/economy/budget/lines');
  const [unitId, setUnitId] = useState('');
  const [kind, setKind] = useState<LineKindName>('operating');
  const [offerId, setOfferId] = useState('');
  const [label, setLabel] = useState('');
  const [amount, setAmount] = useState('');
  const [done, setDone] = useState(false);
  const parsed = parseDanishNumber(amount);

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    create.mutate(
      { year, unitId, kind, offerId: offerId || null, label, amount: parsed ?? Number.NaN },
      { onSuccess: () => setDone(true) },
    );
  }
  const err = (p: string) => fieldErrorOf(create.error, p);
  return (
    <form className="vt-section" onSubmit={submit} noValidate>
      <h3>{t('economy.budget.add', { year })}</h3>
      {done ? <Alert variant="success">{t('economy.saved')}</Alert> : null}
      {formErrorOf(create.error) ? <Alert variant="error">{formErrorOf(create.error)}</Alert> : null}
      <Field id="line-unit" label={t('economy.budget.unit')} error={err('unitId')}>
        <select id="line-unit" className="form-select" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
          <option value="">{t('economy.choose')}</option>
          {(units.data ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="line-kind" label={t('economy.budget.kind')} error={err('kind')}>
        <select id="line-kind" className="form-select" value={kind} onChange={(e) => setKind(e.target.value as LineKindName)}>
          {LINE_KINDS.map((k) => (
            <option key={k} value={k}>
              {td(`economy.line.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="line-offer" label={t('economy.budget.offerOptional')} error={err('offerId')}>
        <select id="line-offer" className="form-select" value={offerId} onChange={(e) => setOfferId(e.target.value)}>
          <option value="">{t('economy.noOffer')}</option>
          {(offers.data ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="line-label" label={t('economy.budget.line')} error={err('label')}>
        <input id="line-label" className="form-input" value={label} onChange={(e) => setLabel(e.target.value)} />
      </Field>
      <Field
        id="line-amount"
        label={t('economy.budget.amount')}
        hint={t('economy.budget.amountHint')}
        error={err('amount') ?? (amount && parsed === null ? t('economy.budget.amountInvalid') : undefined)}
      >
        <input
          id="line-amount"
          className="form-input"
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          aria-describedby="line-amount-hint"
        />
      </Field>
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {t('economy.save')}
      </button>
    </form>
  );
}

/** A CSV file from the finance system; the whole file is refused when a row is bad, and every bad row is listed. */
function ImportForm({ kind }: { kind: 'budget' | 'postings' }) {
  const { t } = useI18n();
  const run = useEconomyCommand<{ fileName: string; content: string }, { rows: number; inserted: number; updated: number }>(
    () => `/api/economy/imports/${kind}`,
  );
  const [file, setFile] = useState<File | null>(null);
  const id = `import-${kind}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    run.mutate({ fileName: file.name, content: await file.text() });
  }
  const rowErrors = run.error instanceof ApiRequestError ? (run.error.body.fields ?? []) : [];
  return (
    <form className="vt-section" onSubmit={submit} data-testid={id}>
      <h3>{t(kind === 'budget' ? 'economy.import.budget' : 'economy.import.postings')}</h3>
      <p className="form-hint" id={`${id}-hint`}>
        {t(kind === 'budget' ? 'economy.import.budgetHint' : 'economy.import.postingsHint')}
      </p>
      {run.data ? (
        <Alert variant="success">
          {t('economy.import.done', { rows: run.data.rows, inserted: run.data.inserted, updated: run.data.updated })}
        </Alert>
      ) : null}
      {rowErrors.length > 0 ? (
        <Alert variant="error" heading={t('economy.import.refused', { n: rowErrors.length })}>
          <ul data-testid={`${id}-errors`}>
            {rowErrors.map((f) => {
              const [, line, col] = f.path.split('.');
              return (
                <li key={f.path}>
                  {f.path.startsWith('rows.')
                    ? t('economy.import.rowError', { line: line ?? '', column: col ?? '', message: f.message })
                    : f.message}
                </li>
              );
            })}
          </ul>
        </Alert>
      ) : run.error ? (
        <Alert variant="error">{formErrorOf(run.error)}</Alert>
      ) : null}
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-file`}>
          {t('economy.import.file')}
        </label>
        <input
          id={`${id}-file`}
          className="form-file-input"
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`${id}-hint`}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <button type="submit" className="button button-secondary" disabled={!file || run.isPending}>
        {t('economy.import.run')}
      </button>
    </form>
  );
}
