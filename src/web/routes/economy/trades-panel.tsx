import { type FormEvent, useState } from 'react';
import { can } from '../../../shared/access/permissions.ts';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import { type PlaceSaleInput, placeSaleInputSchema } from '../../../shared/economy/economy.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEconomyCommand, useEconomyOffers, usePlaceSales, useTrades } from '../../modules/economy/economy.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDate } from '../../ui/format.ts';
import { formatKr } from '../../ui/number-format.ts';
import { TableScroll } from '../../ui/table-scroll.tsx';

/**
 * Places bought and sold (retssikkerhedsloven §§ 9–9 c): our citizens in others' offers are purchases, other
 * municipalities' citizens in ours are sales; both priced from the rate cards.
 */
export function TradesPanel({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const [year, setYear] = useState(new Date().getFullYear());
  const trades = useTrades(year);
  const sales = usePlaceSales(year);
  return (
    <section aria-labelledby="trades-title">
      <h2 id="trades-title">{t('economy.trades.title', { year })}</h2>
      <div className="vt-filters">
        <div className="form-group">
          <label className="form-label" htmlFor="trades-year">
            {t('economy.year')}
          </label>
          <select id="trades-year" className="form-select" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[2024, 2025, 2026, 2027].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      {trades.data ? (
        trades.data.items.length === 0 ? (
          <p>{t('economy.trades.none')}</p>
        ) : (
          <TableScroll label={t('economy.trades.title', { year })}>
            <table className="table table--zebra table--compact" data-testid="trades">
              <thead>
                <tr>
                  <th scope="col">{t('economy.trades.direction')}</th>
                  <th scope="col">{t('economy.rates.offer')}</th>
                  <th scope="col">{t('economy.trades.counterpart')}</th>
                  <th scope="col" className="vt-num">
                    {t('economy.trades.places')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('economy.trades.annual')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('economy.trades.year', { year })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {trades.data.items.map((x) => (
                  <tr key={`${x.direction}-${x.offerId}-${x.counterpart}`}>
                    <td>{t(`economy.trades.${x.direction}`)}</td>
                    <th scope="row">{x.offerName}</th>
                    <td>{x.counterpart}</td>
                    <td className="vt-num">{x.places}</td>
                    <td className="vt-num">{formatKr(x.annualCost, lang)}</td>
                    <td className="vt-num">{formatKr(x.yearCost, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )
      ) : (
        <p>{t('common.loading')}</p>
      )}
      <h3 className="vt-section">{t('economy.sales.title')}</h3>
      {sales.data ? (
        <TableScroll label={t('economy.sales.title')}>
          <table className="table table--compact" data-testid="place-sales">
            <thead>
              <tr>
                <th scope="col">{t('economy.rates.offer')}</th>
                <th scope="col">{t('economy.sales.paying')}</th>
                <th scope="col">{t('economy.sales.reference')}</th>
                <th scope="col">{t('economy.rates.period')}</th>
                <th scope="col" className="vt-num">
                  {t('economy.trades.annual')}
                </th>
              </tr>
            </thead>
            <tbody>
              {sales.data.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.offerName}</th>
                  <td>
                    {s.payingMunicipalityName} ({s.payingMunicipalityCode})
                  </td>
                  <td>{[s.buyerReference, s.citizenLabel].filter(Boolean).join(' · ')}</td>
                  <td>
                    {formatDate(s.fromDate)} – {s.toDate ? formatDate(s.toDate) : t('economy.rates.open')}
                  </td>
                  <td className="vt-num">{formatKr(s.annualPrice, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {can(user.role, 'economy.edit') ? <SaleForm /> : null}
    </section>
  );
}

function SaleForm() {
  const { t } = useI18n();
  const offers = useEconomyOffers();
  const sell = useEconomyCommand<PlaceSaleInput>(() => '/api/economy/place-sales');
  const errors = useFormErrors();
  const ids = fieldIdOf('sale');
  const [offerId, setOfferId] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [reference, setReference] = useState('');
  const [from, setFrom] = useState('');
  const [saved, setSaved] = useState(false);
  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const parsed = errors.check(placeSaleInputSchema, {
      offerId: offerId || undefined,
      payingMunicipalityCode: code,
      payingMunicipalityName: name,
      buyerReference: reference,
      fromDate: from,
    });
    if (parsed) sell.mutate(parsed, { onError: errors.fail, onSuccess: () => setSaved(true) });
  }
  return (
    <form onSubmit={submit} noValidate className="vt-section">
      <h3>{t('economy.sales.add')}</h3>
      {saved ? <Alert variant="success">{t('economy.saved')}</Alert> : null}
      <ErrorSummary errors={errors} fieldId={ids} idPrefix="sale" />
      <Field id={ids('offerId')} label={t('economy.rates.offer')} error={errors.at('offerId')}>
        <select id={ids('offerId')} className="form-select" value={offerId} onChange={(e) => setOfferId(e.target.value)}>
          <option value="">{t('economy.choose')}</option>
          {(offers.data ?? [])
            .filter((o) => o.owner === 'own' || o.owner === 'self_governing')
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
        </select>
      </Field>
      <Field
        id={ids('payingMunicipalityCode')}
        label={t('economy.sales.code')}
        hint={t('economy.sales.codeHint')}
        error={errors.at('payingMunicipalityCode')}
      >
        <input
          id={ids('payingMunicipalityCode')}
          className="form-input input-width-xs"
          inputMode="numeric"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </Field>
      <Field id={ids('payingMunicipalityName')} label={t('economy.sales.paying')} error={errors.at('payingMunicipalityName')}>
        <input id={ids('payingMunicipalityName')} className="form-input" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field id={ids('buyerReference')} label={t('economy.sales.reference')} error={errors.at('buyerReference')}>
        <input
          id={ids('buyerReference')}
          className="form-input"
          value={reference}
          onChange={(e) => setReference(e.target.value)}
        />
      </Field>
      <Field id={ids('fromDate')} label={t('economy.sales.from')} error={errors.at('fromDate')}>
        <input id={ids('fromDate')} className="form-input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </Field>
      <button type="submit" className="button button-primary" disabled={sell.isPending}>
        {t('economy.save')}
      </button>
    </form>
  );
}
