import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Field, fieldErrorOf } from '../../ui/field.tsx';
import { formatKr, formatPct, parseDanishNumber } from '../../ui/number-format.ts';

type Levels = {
  refund176: { fromYear: number; tiers: { above: number; pct: number }[]; priceLevel: string; source: string }[];
  selfPayment108: { year: number; threshold: number; lowPct: number; highPct: number; source: string }[];
  transport103: { ownKm: number; capPct: number; source: string };
};

const num = (s: string) => parseDanishNumber(s) ?? Number.NaN;

/** The calculators for § 176 refunds, § 108 self-payment and § 103 transport, with the cited amounts they use. */
export function CalculatorsPanel() {
  const { t, lang } = useI18n();
  const levels = useQuery({ queryKey: ['economy', 'levels'], queryFn: () => api<Levels>('/api/economy/calculators/levels') });
  return (
    <section aria-labelledby="calc-title">
      <h2 id="calc-title">{t('economy.calc.title')}</h2>
      <p>{t('economy.calc.intro')}</p>
      <RefundCalculator />
      <SelfPaymentCalculator />
      <TransportCalculator />
      {levels.data ? (
        <section className="vt-section" aria-labelledby="levels-title">
          <h3 id="levels-title">{t('economy.calc.levels')}</h3>
          <ul>
            {levels.data.refund176.map((l) => (
              <li key={l.fromYear}>
                § 176 {t('economy.calc.fromYear', { year: l.fromYear })} ({l.priceLevel}):{' '}
                {l.tiers.map((x) => `${formatPct(x.pct, lang)} > ${formatKr(x.above, lang)}`).join('; ')}. {l.source}
              </li>
            ))}
            {levels.data.selfPayment108.map((l) => (
              <li key={l.year}>
                § 108 {l.year}: {formatPct(l.lowPct, lang)} ≤ {formatKr(l.threshold, lang)}, {formatPct(l.highPct, lang)} &gt;.{' '}
                {l.source}
              </li>
            ))}
            <li>
              § 103: {levels.data.transport103.ownKm} km; {formatPct(levels.data.transport103.capPct, lang)}.{' '}
              {levels.data.transport103.source}
            </li>
          </ul>
        </section>
      ) : null}
    </section>
  );
}

function useCalc<R>(path: string) {
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api<R>(`/api/economy/calculators/${path}`, { method: 'POST', body }),
  });
}

function RefundCalculator() {
  const { t, lang } = useI18n();
  const calc = useCalc<{
    refund: number;
    tiers: { above: number; pct: number; amount: number }[];
    levelFromEarlierYear: boolean;
    covered: boolean;
  }>('refund-176');
  const [cost, setCost] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [age, setAge] = useState('');
  const [before67, setBefore67] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    calc.mutate({ yearlyCost: num(cost), year: Number(year), age: Number(age), coveredBefore67: before67 });
  };
  const err = (p: string) => fieldErrorOf(calc.error, p);
  return (
    <form onSubmit={submit} noValidate className="vt-section" data-testid="calc-refund">
      <h3>{t('economy.calc.refund')}</h3>
      <Field id="refund-cost" label={t('economy.calc.yearlyCost')} error={err('yearlyCost')}>
        <input
          id="refund-cost"
          className="form-input"
          inputMode="decimal"
          value={cost}
          onChange={(e) => setCost(e.target.value)}
        />
      </Field>
      <Field id="refund-year" label={t('economy.year')} error={err('year')}>
        <input
          id="refund-year"
          className="form-input input-width-xs"
          inputMode="numeric"
          value={year}
          onChange={(e) => setYear(e.target.value)}
        />
      </Field>
      <Field id="refund-age" label={t('economy.calc.age')} error={err('age')}>
        <input
          id="refund-age"
          className="form-input input-width-xs"
          inputMode="numeric"
          value={age}
          onChange={(e) => setAge(e.target.value)}
        />
      </Field>
      <div className="form-group">
        <input
          id="refund-before67"
          className="form-checkbox"
          type="checkbox"
          checked={before67}
          onChange={(e) => setBefore67(e.target.checked)}
        />
        <label htmlFor="refund-before67">{t('economy.calc.before67')}</label>
      </div>
      <button type="submit" className="button button-secondary">
        {t('economy.calc.compute')}
      </button>
      {calc.data ? (
        <Alert variant="info" heading={t('economy.calc.refundResult', { amount: formatKr(calc.data.refund, lang) })}>
          {!calc.data.covered ? <p>{t('economy.calc.notCovered')}</p> : null}
          {calc.data.levelFromEarlierYear ? <p>{t('economy.calc.earlierLevel')}</p> : null}
        </Alert>
      ) : null}
    </form>
  );
}

function SelfPaymentCalculator() {
  const { t, lang } = useI18n();
  const calc = useCalc<{ annual: number; monthly: number; levelFromEarlierYear: boolean }>('self-payment-108');
  const [income, setIncome] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [single, setSingle] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    calc.mutate({ annualIncome: num(income), year: Number(year), singlePensioner: single });
  };
  return (
    <form onSubmit={submit} noValidate className="vt-section" data-testid="calc-108">
      <h3>{t('economy.calc.selfPayment')}</h3>
      <Field id="sp-income" label={t('economy.calc.income')} error={fieldErrorOf(calc.error, 'annualIncome')}>
        <input
          id="sp-income"
          className="form-input"
          inputMode="decimal"
          value={income}
          onChange={(e) => setIncome(e.target.value)}
        />
      </Field>
      <Field id="sp-year" label={t('economy.year')} error={fieldErrorOf(calc.error, 'year')}>
        <input
          id="sp-year"
          className="form-input input-width-xs"
          inputMode="numeric"
          value={year}
          onChange={(e) => setYear(e.target.value)}
        />
      </Field>
      <div className="form-group">
        <input
          id="sp-single"
          className="form-checkbox"
          type="checkbox"
          checked={single}
          onChange={(e) => setSingle(e.target.checked)}
        />
        <label htmlFor="sp-single">{t('economy.calc.singlePensioner')}</label>
      </div>
      <button type="submit" className="button button-secondary">
        {t('economy.calc.compute')}
      </button>
      {calc.data ? (
        <Alert
          variant="info"
          heading={t('economy.calc.selfPaymentResult', {
            annual: formatKr(calc.data.annual, lang),
            monthly: formatKr(calc.data.monthly, lang, 2),
          })}
        >
          {calc.data.levelFromEarlierYear ? <p>{t('economy.calc.earlierLevel')}</p> : null}
        </Alert>
      ) : null}
    </form>
  );
}

function TransportCalculator() {
  const { t, lang } = useI18n();
  const calc = useCalc<{ monthlyCost: number; citizenPays: number; municipalityPays: number; capped: boolean }>('transport-103');
  const [km, setKm] = useState('');
  const [perKm, setPerKm] = useState('');
  const [days, setDays] = useState('20');
  const [earnings, setEarnings] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    calc.mutate({
      distanceKm: num(km),
      pricePerKm: num(perKm),
      daysPerMonth: Number(days),
      monthlyEarningsAfterTax: num(earnings),
    });
  };
  const err = (p: string) => fieldErrorOf(calc.error, p);
  return (
    <form onSubmit={submit} noValidate className="vt-section" data-testid="calc-103">
      <h3>{t('economy.calc.transport')}</h3>
      <Field id="tr-km" label={t('economy.calc.distance')} error={err('distanceKm')}>
        <input
          id="tr-km"
          className="form-input input-width-xs"
          inputMode="decimal"
          value={km}
          onChange={(e) => setKm(e.target.value)}
        />
      </Field>
      <Field id="tr-price" label={t('economy.calc.pricePerKm')} error={err('pricePerKm')}>
        <input
          id="tr-price"
          className="form-input input-width-xs"
          inputMode="decimal"
          value={perKm}
          onChange={(e) => setPerKm(e.target.value)}
        />
      </Field>
      <Field id="tr-days" label={t('economy.calc.days')} error={err('daysPerMonth')}>
        <input
          id="tr-days"
          className="form-input input-width-xs"
          inputMode="numeric"
          value={days}
          onChange={(e) => setDays(e.target.value)}
        />
      </Field>
      <Field id="tr-earn" label={t('economy.calc.earnings')} error={err('monthlyEarningsAfterTax')}>
        <input
          id="tr-earn"
          className="form-input"
          inputMode="decimal"
          value={earnings}
          onChange={(e) => setEarnings(e.target.value)}
        />
      </Field>
      <button type="submit" className="button button-secondary">
        {t('economy.calc.compute')}
      </button>
      {calc.data ? (
        <Alert
          variant="info"
          heading={t('economy.calc.transportResult', {
            citizen: formatKr(calc.data.citizenPays, lang, 2),
            municipality: formatKr(calc.data.municipalityPays, lang, 2),
          })}
        >
          {calc.data.capped ? <p>{t('economy.calc.capped')}</p> : null}
        </Alert>
      ) : null}
    </form>
  );
}
