import { type FormEvent, useState } from 'react';
import { can } from '../../../shared/access/permissions.ts';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import {
  type BudgetLineInput,
  budgetLineInputSchema,
  financeImportSchema,
  LINE_KINDS,
  type LineKindName,
} from '../../../shared/economy/economy.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useBudget, useEconomyCommand, useEconomyOffers } from '../../modules/economy/economy.api.ts';
import { useOrganisationUnits } from '../../modules/economy/organisation-units.ts';
import { Alert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';
import { amountOrText, formatKr } from '../../ui/number-format.ts';
import { TableScroll } from '../../ui/table-scroll.tsx';

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
            <TableScroll label={t('economy.budget.groups')}>
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
            </TableScroll>
          ) : null}
          {commonSource ? <p data-testid="budget-source">{t('economy.budget.sourceAll', { source: commonSource })}</p> : null}
          <TableScroll label={t('economy.budget.title', { year })}>
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
          </TableScroll>
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
  const create = useEconomyCommand<BudgetLineInput>(() => '/api/economy/budget/lines');
  const errors = useFormErrors();
  const ids = fieldIdOf('bl');
  const [unitId, setUnitId] = useState('');
  const [kind, setKind] = useState<LineKindName>('operating');
  const [offerId, setOfferId] = useState('');
  const [label, setLabel] = useState('');
  const [amount, setAmount] = useState('');
  const [done, setDone] = useState(false);

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const parsed = errors.check(budgetLineInputSchema, {
      year,
      unitId: unitId || undefined,
      kind,
      offerId: offerId || null,
      label,
      amount: amountOrText(amount) ?? undefined,
    });
    if (parsed) create.mutate(parsed, { onError: errors.fail, onSuccess: () => setDone(true) });
  }
  return (
    <form className="vt-section" onSubmit={submit} noValidate>
      <h3>{t('economy.budget.add', { year })}</h3>
      {done ? <Alert variant="success">{t('economy.saved')}</Alert> : null}
      <ErrorSummary errors={errors} fieldId={ids} idPrefix="bl" />
      <Field id={ids('unitId')} label={t('economy.budget.unit')} error={errors.at('unitId')}>
        <select id={ids('unitId')} className="form-select" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
          <option value="">{t('economy.choose')}</option>
          {(units.data ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id={ids('kind')} label={t('economy.budget.kind')} error={errors.at('kind')}>
        <select id={ids('kind')} className="form-select" value={kind} onChange={(e) => setKind(e.target.value as LineKindName)}>
          {LINE_KINDS.map((k) => (
            <option key={k} value={k}>
              {td(`economy.line.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={ids('offerId')} label={t('economy.budget.offerOptional')} error={errors.at('offerId')}>
        <select id={ids('offerId')} className="form-select" value={offerId} onChange={(e) => setOfferId(e.target.value)}>
          <option value="">{t('economy.noOffer')}</option>
          {(offers.data ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id={ids('label')} label={t('economy.budget.line')} error={errors.at('label')}>
        <input id={ids('label')} className="form-input" value={label} onChange={(e) => setLabel(e.target.value)} />
      </Field>
      <Field
        id={ids('amount')}
        label={t('economy.budget.amount')}
        hint={t('economy.budget.amountHint')}
        error={errors.at('amount')}
      >
        <input
          id={ids('amount')}
          className="form-input"
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
      </Field>
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {t('economy.save')}
      </button>
    </form>
  );
}

/**
 * A CSV file from the finance system; the whole file is refused when a row is bad, and every bad row is listed in
 * the error summary by row and column.
 */
function ImportForm({ kind }: { kind: 'budget' | 'postings' }) {
  const { t } = useI18n();
  const run = useEconomyCommand<{ fileName: string; content: string }, { rows: number; inserted: number; updated: number }>(
    () => `/api/economy/imports/${kind}`,
  );
  const errors = useFormErrors();
  const id = `import-${kind}`;
  const [file, setFile] = useState<File | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      errors.report([{ path: 'content', message: t('economy.import.choose') }]);
      return;
    }
    const parsed = errors.check(financeImportSchema, { fileName: file.name, content: await file.text() });
    if (parsed) run.mutate(parsed, { onError: errors.fail });
  }
  const describe = (path: string) => {
    const [root, line, column] = path.split('.');
    return root === 'rows' ? t('economy.import.row', { line: line ?? '', column: column ?? '' }) : undefined;
  };
  return (
    <form className="vt-section" onSubmit={submit} data-testid={id} noValidate>
      <h3>{t(kind === 'budget' ? 'economy.import.budget' : 'economy.import.postings')}</h3>
      {run.data ? (
        <Alert variant="success">
          {t('economy.import.done', { rows: run.data.rows, inserted: run.data.inserted, updated: run.data.updated })}
        </Alert>
      ) : null}
      <ErrorSummary
        errors={errors}
        fieldId={(p) => (p === 'content' || p === 'fileName' ? `${id}-file` : `${id}-${p}`)}
        describe={describe}
        idPrefix={id}
      />
      <Field
        id={`${id}-file`}
        label={t('economy.import.file')}
        hint={t(kind === 'budget' ? 'economy.import.budgetHint' : 'economy.import.postingsHint')}
        error={errors.at('content')}
      >
        <input
          id={`${id}-file`}
          className="form-file-input"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </Field>
      <button type="submit" className="button button-secondary" disabled={run.isPending}>
        {t('economy.import.run')}
      </button>
    </form>
  );
}
