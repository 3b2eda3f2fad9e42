import { type FormEvent, useState } from 'react';
import { can } from '../../../shared/access/permissions.ts';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import {
  type EconomyOffer,
  type RateCard,
  type RateCardInput,
  rateCardInputSchema,
} from '../../../shared/economy/economy.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEconomyCommand, useEconomyOffers } from '../../modules/economy/economy.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDate } from '../../ui/format.ts';
import { amountOrText, formatKr, formatNumber, formatPct } from '../../ui/number-format.ts';
import { TableScroll } from '../../ui/table-scroll.tsx';

const today = () => new Date().toISOString().slice(0, 10);

/** The rate card in force on a date: the latest version from on or before it. */
export function rateInForce(rates: readonly RateCard[], on: string): RateCard | undefined {
  return [...rates]
    .filter((r) => r.inForceFrom <= on && (r.inForceTo === null || r.inForceTo >= on))
    .sort((a, b) => (a.inForceFrom < b.inForceFrom ? 1 : -1))[0];
}

export function priceText(r: RateCard, lang: string, t: (k: string, v?: Record<string, string | number>) => string): string {
  switch (r.basis) {
    case 'daily':
      return t('economy.rate.daily', { amount: formatKr(r.dailyRate ?? 0, lang) });
    case 'hourly':
      return t('economy.rate.hourly', { amount: formatKr(r.hourlyRate ?? 0, lang) });
    case 'module':
      return t('economy.rate.module', { amount: formatKr(r.moduleDayRate ?? 0, lang) });
    case 'profile':
      return r.profilePrices.map((p) => `${p.code}: ${formatKr(p.weeklyPrice, lang)}`).join(' · ');
  }
}

/** Rate cards (takster) per offer and year, versioned with in-force dates; offers bought from others included. */
export function RatesPanel({ user }: { user: SessionUser }) {
  const { t, td, lang } = useI18n();
  const offers = useEconomyOffers();
  const [open, setOpen] = useState<string | null>(null);
  const on = today();
  if (!offers.data) return <p>{t('common.loading')}</p>;
  const editable = can(user.role, 'economy.edit');
  return (
    <section aria-labelledby="rates-title">
      <h2 id="rates-title">{t('economy.rates.title')}</h2>
      <p>{t('economy.rates.intro')}</p>
      <TableScroll label={t('economy.rates.title')}>
        <table className="table table--zebra table--compact" data-testid="rate-cards">
          <thead>
            <tr>
              <th scope="col">{t('economy.rates.offer')}</th>
              <th scope="col">{t('economy.rates.runBy')}</th>
              <th scope="col">{t('economy.rates.legalBasis')}</th>
              <th scope="col" className="vt-num">
                {t('economy.rates.places')}
              </th>
              <th scope="col">{t('economy.rates.inForce', { date: formatDate(on) })}</th>
              <th scope="col">{t('economy.rates.occupancy')}</th>
              <th scope="col">{t('economy.rates.financing')}</th>
            </tr>
          </thead>
          <tbody>
            {offers.data.map((o) => {
              const r = rateInForce(o.rates, on);
              return (
                <tr key={o.id}>
                  <th scope="row">
                    <button
                      type="button"
                      className="button button-unstyled vt-link-button"
                      aria-expanded={open === o.id}
                      onClick={() => setOpen(open === o.id ? null : o.id)}
                    >
                      {o.name}
                    </button>
                  </th>
                  <td>{o.providerName ?? td(`catalogue.owner.${o.owner}`)}</td>
                  <td>{o.legalBases.join(', ')}</td>
                  <td className="vt-num">{o.places ?? '–'}</td>
                  <td>
                    {r
                      ? `${priceText(r, lang, td)}${r.invented ? ` ${t('economy.inventedMark')}` : ''}`
                      : t('economy.rates.none')}
                  </td>
                  <td>{r?.occupancyPct ? formatPct(r.occupancyPct, lang) : '–'}</td>
                  <td>{r ? t(`economy.financing.${r.financing}`) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {open ? <OfferRates offer={offers.data.find((o) => o.id === open) as EconomyOffer} editable={editable} /> : null}
    </section>
  );
}

function OfferRates({ offer, editable }: { offer: EconomyOffer; editable: boolean }) {
  const { t, td, lang } = useI18n();
  return (
    <section className="vt-section" aria-labelledby="offer-rates-title" data-testid="offer-rates">
      <h3 id="offer-rates-title">{t('economy.rates.versions', { offer: offer.name })}</h3>
      <TableScroll label={t('economy.rates.versions', { offer: offer.name })}>
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('economy.year')}</th>
              <th scope="col">{t('economy.rates.period')}</th>
              <th scope="col">{t('economy.rates.price')}</th>
              <th scope="col">{t('economy.rates.addOns')}</th>
              <th scope="col">{t('economy.rates.occupancy')}</th>
              <th scope="col">{t('economy.rates.source')}</th>
            </tr>
          </thead>
          <tbody>
            {[...offer.rates].reverse().map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.year}</th>
                <td>
                  {formatDate(r.inForceFrom)} – {r.inForceTo ? formatDate(r.inForceTo) : t('economy.rates.open')}
                </td>
                <td>{priceText(r, lang, td)}</td>
                <td>
                  {r.addOns.length
                    ? r.addOns
                        .map(
                          (a) =>
                            `${formatKr(a.amount, lang)} ${td(`economy.per.${a.per}`)} (${td(`economy.paidBy.${a.paidBy}`)}): ${a.label}`,
                        )
                        .join('; ')
                    : '–'}
                </td>
                <td>{r.occupancyPct ? formatPct(r.occupancyPct, lang) : '–'}</td>
                <td>{r.invented ? t('economy.invented') : r.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {editable ? <RateForm offer={offer} /> : null}
    </section>
  );
}

function RateForm({ offer }: { offer: EconomyOffer }) {
  const { t } = useI18n();
  const latest = offer.rates.at(-1);
  const next = (latest?.year ?? new Date().getFullYear()) + 1;
  const create = useEconomyCommand<RateCardInput>(() => '/api/economy/rate-cards');
  const errors = useFormErrors();
  const ids = fieldIdOf('rate');
  const [year, setYear] = useState(String(next));
  const [from, setFrom] = useState(`${next}-01-01`);
  const [basis, setBasis] = useState<RateCard['basis']>(latest?.basis === 'profile' ? 'hourly' : (latest?.basis ?? 'daily'));
  const [price, setPrice] = useState('');
  const [occupancy, setOccupancy] = useState(latest?.occupancyPct ? formatNumber(latest.occupancyPct) : '');
  const [financing, setFinancing] = useState<RateCard['financing']>(latest?.financing ?? 'rate');
  const [source, setSource] = useState('');
  const [saved, setSaved] = useState(false);
  const priceField = basis === 'daily' ? 'dailyRate' : basis === 'hourly' ? 'hourlyRate' : 'moduleDayRate';

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const p = amountOrText(price);
    const parsed = errors.check(rateCardInputSchema, {
      offerId: offer.id,
      year: amountOrText(year) ?? undefined,
      inForceFrom: from,
      basis,
      dailyRate: basis === 'daily' ? p : null,
      hourlyRate: basis === 'hourly' ? p : null,
      moduleDayRate: basis === 'module' ? p : null,
      addOns: latest?.addOns ?? [],
      occupancyPct: amountOrText(occupancy),
      financing,
      source,
    });
    if (parsed) create.mutate(parsed, { onError: errors.fail, onSuccess: () => setSaved(true) });
  }
  return (
    <form onSubmit={submit} noValidate className="vt-section" data-testid="rate-form">
      <h4>{t('economy.rates.add')}</h4>
      {saved ? <Alert variant="success">{t('economy.saved')}</Alert> : null}
      <ErrorSummary
        errors={errors}
        fieldId={(p) => (p === 'dailyRate' || p === 'hourlyRate' || p === 'moduleDayRate' ? ids('price') : ids(p))}
        idPrefix="rate"
      />
      <Field id={ids('year')} label={t('economy.year')} error={errors.at('year')}>
        <input
          id={ids('year')}
          className="form-input input-width-xs"
          inputMode="numeric"
          value={year}
          onChange={(e) => setYear(e.target.value)}
        />
      </Field>
      <Field id={ids('inForceFrom')} label={t('economy.rates.from')} error={errors.at('inForceFrom')}>
        <input
          id={ids('inForceFrom')}
          className="form-input"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
      </Field>
      <Field id={ids('basis')} label={t('economy.rates.basis')}>
        <select
          id={ids('basis')}
          className="form-select"
          value={basis}
          onChange={(e) => setBasis(e.target.value as RateCard['basis'])}
        >
          {(['daily', 'hourly', 'module'] as const).map((b) => (
            <option key={b} value={b}>
              {t(`economy.basis.${b}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={ids('price')} label={t('economy.rates.priceKr')} error={errors.at(priceField)}>
        <input
          id={ids('price')}
          className="form-input"
          inputMode="decimal"
          value={price}
          onChange={(e) => setPrice(e.target.value)}
        />
      </Field>
      <Field id={ids('occupancyPct')} label={t('economy.rates.occupancyPct')} error={errors.at('occupancyPct')}>
        <input
          id={ids('occupancyPct')}
          className="form-input input-width-xs"
          inputMode="decimal"
          value={occupancy}
          onChange={(e) => setOccupancy(e.target.value)}
        />
      </Field>
      <Field id={ids('financing')} label={t('economy.rates.financing')}>
        <select
          id={ids('financing')}
          className="form-select"
          value={financing}
          onChange={(e) => setFinancing(e.target.value as RateCard['financing'])}
        >
          <option value="rate">{t('economy.financing.rate')}</option>
          <option value="frame">{t('economy.financing.frame')}</option>
        </select>
      </Field>
      <Field id={ids('source')} label={t('economy.rates.source')} error={errors.at('source')}>
        <input id={ids('source')} className="form-input" value={source} onChange={(e) => setSource(e.target.value)} />
      </Field>
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {t('economy.save')}
      </button>
    </form>
  );
}
