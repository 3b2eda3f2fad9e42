import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { whatIfInputSchema } from '../../../shared/economy/economy.schema.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useWhatIfCommand } from '../../modules/economy/economy.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Chart } from '../../ui/chart/chart.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDate } from '../../ui/format.ts';
import { amountOrText, formatKr, formatNumber } from '../../ui/number-format.ts';
import { TableScroll } from '../../ui/table-scroll.tsx';

type Drafts = {
  drafts: { versionId: string; number: number; descriptionId: string; title: string; legalBasis: string }[];
  offers: { id: string; name: string; basis: 'daily' | 'hourly' | 'module' | 'profile' }[];
};

/**
 * What a draft service level would cost before it is approved: the running grants it moves to another profile or
 * price, how many citizens, and the change in annual cost per offer and in total, by the forecast's own rules.
 * Exclusions cannot be priced by themselves, so an estimate of the hours a week they remove is an input.
 */
export function WhatIfPage() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const options = useQuery({
    queryKey: ['economy', 'what-if-drafts'],
    queryFn: () => api<Drafts>('/api/economy/what-if/drafts'),
  });
  const drafts = options.data?.drafts;
  const offers = options.data?.offers ?? [];
  const run = useWhatIfCommand();
  const errors = useFormErrors();
  const fieldId = (p: string) =>
    p.startsWith('rateOverrides')
      ? 'whatif-price'
      : p === 'versionId'
        ? 'whatif-draft'
        : p === 'hoursChange'
          ? 'whatif-hours'
          : `whatif-${p}`;
  const [versionId, setVersionId] = useState(params.get('version') ?? '');
  const [hours, setHours] = useState('0');
  const [offerId, setOfferId] = useState('');
  const [price, setPrice] = useState('');
  const chosen = versionId || drafts?.[0]?.versionId || '';
  const w = run.data;

  function submit(e: FormEvent) {
    e.preventDefault();
    const override = offerId ? [{ offerId, ...priceFor(offerId, amountOrText(price) ?? undefined) }] : [];
    const parsed = errors.check(whatIfInputSchema, {
      versionId: chosen || undefined,
      hoursChange: amountOrText(hours) ?? 0,
      rateOverrides: override,
    });
    if (parsed) run.mutate(parsed, { onError: errors.fail });
  }
  function priceFor(id: string, value: number | string | undefined) {
    const basis = offers.find((o) => o.id === id)?.basis;
    if (basis === 'hourly') return { hourlyRate: value };
    if (basis === 'module') return { moduleDayRate: value };
    return { dailyRate: value };
  }
  const chartSeries = useMemo(
    () =>
      w
        ? [
            { name: t('economy.whatIf.before'), values: w.offers.map((o) => o.before) },
            { name: t('economy.whatIf.after'), values: w.offers.map((o) => o.after) },
          ]
        : [],
    [w, t],
  );

  return (
    <section aria-labelledby="whatif-title">
      <h2 id="whatif-title">{t('economy.whatIf.title')}</h2>
      <p>{t('economy.whatIf.intro')}</p>
      {drafts && drafts.length === 0 ? <Alert variant="info">{t('economy.whatIf.noDrafts')}</Alert> : null}
      <ErrorSummary errors={errors} fieldId={fieldId} idPrefix="whatif" />
      <form onSubmit={submit} noValidate>
        <Field id="whatif-draft" label={t('economy.whatIf.draft')} error={errors.at('versionId')}>
          <select id="whatif-draft" className="form-select" value={chosen} onChange={(e) => setVersionId(e.target.value)}>
            {(drafts ?? []).map((d) => (
              <option key={d.versionId} value={d.versionId}>
                {t('economy.whatIf.draftOption', { title: d.title, basis: d.legalBasis, number: d.number })}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="whatif-hours"
          label={t('economy.whatIf.hours')}
          hint={t('economy.whatIf.hoursHint')}
          error={errors.at('hoursChange')}
        >
          <input
            id="whatif-hours"
            className="form-input input-width-xs"
            inputMode="decimal"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            aria-describedby="whatif-hours-hint"
          />
        </Field>
        <fieldset>
          <legend className="form-label">{t('economy.whatIf.rate')}</legend>
          <Field id="whatif-offer" label={t('economy.rates.offer')}>
            <select id="whatif-offer" className="form-select" value={offerId} onChange={(e) => setOfferId(e.target.value)}>
              <option value="">{t('economy.whatIf.noRateChange')}</option>
              {offers
                .filter((o) => o.basis !== 'profile')
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
            </select>
          </Field>
          <Field
            id="whatif-price"
            label={t('economy.whatIf.newPrice')}
            error={errors.state.problems.find((p) => p.path?.startsWith('rateOverrides'))?.message}
          >
            <input
              id="whatif-price"
              className="form-input"
              inputMode="decimal"
              value={price}
              onChange={(e) => setPrice(e.target.value)}
              disabled={!offerId}
            />
          </Field>
        </fieldset>
        <button type="submit" className="button button-primary" disabled={!chosen || run.isPending}>
          {t('economy.whatIf.run')}
        </button>
      </form>
      {w ? (
        <section className="vt-section" aria-labelledby="whatif-result" data-testid="what-if-result">
          <h3 id="whatif-result" tabIndex={-1}>
            {t('economy.whatIf.result', { title: w.descriptionTitle, number: w.draftNumber, date: formatDate(w.on) })}
          </h3>
          <dl className="vt-kpis">
            <div className="vt-kpi">
              <dt>{t('economy.whatIf.grants')}</dt>
              <dd>{w.total.grants}</dd>
            </div>
            <div className="vt-kpi">
              <dt>{t('economy.whatIf.moved')}</dt>
              <dd>{w.total.moved}</dd>
            </div>
            <div className="vt-kpi">
              <dt>{t('economy.whatIf.citizens')}</dt>
              <dd>{w.total.citizensMoved}</dd>
            </div>
            <div className="vt-kpi">
              <dt>{t('economy.whatIf.delta')}</dt>
              <dd className={w.total.delta > 0 ? 'vt-negative' : undefined} data-testid="what-if-delta">
                {formatKr(w.total.delta, lang)}
              </dd>
            </div>
          </dl>
          {w.offers.length > 0 ? (
            <Chart
              title={t('economy.whatIf.chart')}
              description={t('economy.whatIf.chartDescription', {
                before: formatKr(w.total.before, lang),
                after: formatKr(w.total.after, lang),
              })}
              categoryLabel={t('economy.rates.offer')}
              categories={w.offers.map((o) => o.offerName)}
              series={chartSeries}
              format="kr"
            />
          ) : null}
          {w.offers.length === 0 ? <p>{t('economy.whatIf.noGrants')}</p> : null}
          {w.offers.length > 0 ? (
            <TableScroll label={t('economy.whatIf.perOffer')}>
              <table className="table table--compact" data-testid="what-if-offers">
                <caption>{t('economy.whatIf.perOffer')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('economy.rates.offer')}</th>
                    <th scope="col" className="vt-num">
                      {t('economy.whatIf.grants')}
                    </th>
                    <th scope="col" className="vt-num">
                      {t('economy.whatIf.moved')}
                    </th>
                    <th scope="col" className="vt-num">
                      {t('economy.whatIf.before')}
                    </th>
                    <th scope="col" className="vt-num">
                      {t('economy.whatIf.after')}
                    </th>
                    <th scope="col" className="vt-num">
                      {t('economy.whatIf.delta')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {w.offers.map((o) => (
                    <tr key={o.offerId}>
                      <th scope="row">{o.offerName}</th>
                      <td className="vt-num">{o.grants}</td>
                      <td className="vt-num">{o.moved}</td>
                      <td className="vt-num">{formatKr(o.before, lang)}</td>
                      <td className="vt-num">{formatKr(o.after, lang)}</td>
                      <td className="vt-num">{formatKr(o.delta, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
          <h4>{t('economy.whatIf.bands')}</h4>
          <TableScroll label={t('economy.whatIf.bands')}>
            <table className="table table--compact" data-testid="what-if-bands">
              <thead>
                <tr>
                  <th scope="col">{t('economy.whatIf.profile')}</th>
                  <th scope="col">{t('economy.whatIf.current', { number: w.currentNumber ?? '–' })}</th>
                  <th scope="col">{t('economy.whatIf.draftBands', { number: w.draftNumber })}</th>
                </tr>
              </thead>
              <tbody>
                {w.bands.draft.map((b) => {
                  const c = w.bands.current.find((x) => x.code === b.code);
                  const changed = !c || c.above !== b.above || c.upTo !== b.upTo;
                  const band = (x: { above: number; upTo: number }) =>
                    `${formatNumber(x.above, lang)}–${formatNumber(x.upTo, lang)} t`;
                  return (
                    <tr key={b.code}>
                      <th scope="row">{b.code}</th>
                      <td>{c ? band(c) : '–'}</td>
                      <td>
                        {band(b)}
                        {changed ? ` (${t('economy.whatIf.changed')})` : ''}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          {w.exclusions.added.length || w.exclusions.removed.length ? (
            <>
              <h4>{t('economy.whatIf.exclusions')}</h4>
              <ul>
                {w.exclusions.added.map((x) => (
                  <li key={`+${x}`}>{t('economy.whatIf.added', { text: x })}</li>
                ))}
                {w.exclusions.removed.map((x) => (
                  <li key={`-${x}`}>{t('economy.whatIf.removed', { text: x })}</li>
                ))}
              </ul>
            </>
          ) : null}
          <h4>{t('economy.whatIf.moves')}</h4>
          {w.moves.length === 0 ? (
            <p>{t('economy.whatIf.noMoves')}</p>
          ) : (
            <TableScroll label={t('economy.whatIf.moves')}>
              <table className="table table--zebra table--compact" data-testid="what-if-moves">
                <thead>
                  <tr>
                    {w.named ? <th scope="col">{t('economy.drill.citizen')}</th> : null}
                    <th scope="col">{t('economy.rates.offer')}</th>
                    <th scope="col">{t('economy.whatIf.hoursCol')}</th>
                    <th scope="col">{t('economy.whatIf.profile')}</th>
                    <th scope="col" className="vt-num">
                      {t('economy.whatIf.delta')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {w.moves.map((m) => (
                    <tr key={m.grantId}>
                      {w.named ? <td>{m.citizenName}</td> : null}
                      <td>{m.offerName}</td>
                      <td>
                        {m.hoursBefore === null ? '–' : formatNumber(m.hoursBefore, lang)}
                        {m.hoursAfter !== m.hoursBefore && m.hoursAfter !== null ? ` → ${formatNumber(m.hoursAfter, lang)}` : ''}
                      </td>
                      <td>
                        {m.profileBefore ?? '–'} → {m.outsideDraft ? t('economy.whatIf.outside') : (m.profileAfter ?? '–')}
                      </td>
                      <td className="vt-num">{formatKr(m.delta, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {!w.named ? <p>{t('economy.whatIf.anonymous')}</p> : null}
        </section>
      ) : null}
    </section>
  );
}
