import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { refundCalcSchema, selfPayment108CalcSchema, transport103CalcSchema } from '../../../shared/economy/economy.schema.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';
import { amountOrText, formatKr, formatPct } from '../../ui/number-format.ts';

type Levels = {
  refund176: { fromYear: number; tiers: { above: number; pct: number }[]; priceLevel: string; source: string }[];
  selfPayment108: { year: number; threshold: number; lowPct: number; highPct: number; source: string }[];
  transport103: { ownKm: number; capPct: number; source: string };
};

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
  return useMutation({ mutationFn: (body: unknown) => api<R>(`/api/economy/calculators/${path}`, { method: 'POST', body }) });
}

function RefundCalculator() {
  const { t, lang } = useI18n();
  const calc = useCalc<{ refund: number; levelFromEarlierYear: boolean; covered: boolean }>('refund-176');
  const errors = useFormErrors();
  const ids = fieldIdOf('refund');
  const [cost, setCost] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [age, setAge] = useState('');
  const [before67, setBefore67] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = errors.check(refundCalcSchema, {
      yearlyCost: amountOrText(cost) ?? undefined,
      year: amountOrText(year) ?? undefined,
      age: amountOrText(age) ?? undefined,
      coveredBefore67: before67,
    });
    if (parsed) calc.mutate(parsed, { onError: errors.fail });
  };
  return (
    <form onSubmit={submit} noValidate className="vt-section" data-testid="calc-refund">
      <h3>{t('economy.calc.refund')}</h3>
      <ErrorSummary errors={errors} fieldId={ids} idPrefix="refund" />
      <Field id={ids('yearlyCost')} label={t('economy.calc.yearlyCost')} error={errors.at('yearlyCost')}>
        <input
          id={ids('yearlyCost')}
          className="form-input"
          inputMode="decimal"
          value={cost}
          onChange={(e) => setCost(e.target.value)}
        />
      </Field>
      <Field id={ids('year')} label={t('economy.year')} error={errors.at('year')}>
        <input
          id={ids('year')}
          className="form-input input-width-xs"
          inputMode="numeric"
          value={year}
          onChange={(e) => setYear(e.target.value)}
        />
      </Field>
      <Field id={ids('age')} label={t('economy.calc.age')} error={errors.at('age')}>
        <input
          id={ids('age')}
          className="form-input input-width-xs"
          inputMode="numeric"
          value={age}
          onChange={(e) => setAge(e.target.value)}
        />
      </Field>
      <div className="form-group">
        <input
          id={ids('coveredBefore67')}
          className="form-checkbox"
          type="checkbox"
          checked={before67}
          onChange={(e) => setBefore67(e.target.checked)}
        />
        <label htmlFor={ids('coveredBefore67')}>{t('economy.calc.before67')}</label>
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
  const errors = useFormErrors();
  const ids = fieldIdOf('sp');
  const [income, setIncome] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [single, setSingle] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = errors.check(selfPayment108CalcSchema, {
      annualIncome: amountOrText(income) ?? undefined,
      year: amountOrText(year) ?? undefined,
      singlePensioner: single,
    });
    if (parsed) calc.mutate(parsed, { onError: errors.fail });
  };
  return (
    <form onSubmit={submit} noValidate className="vt-section" data-testid="calc-108">
      <h3>{t('economy.calc.selfPayment')}</h3>
      <ErrorSummary errors={errors} fieldId={ids} idPrefix="sp" />
      <Field id={ids('annualIncome')} label={t('economy.calc.income')} error={errors.at('annualIncome')}>
        <input
          id={ids('annualIncome')}
          className="form-input"
          inputMode="decimal"
          value={income}
          onChange={(e) => setIncome(e.target.value)}
        />
      </Field>
      <Field id={ids('year')} label={t('economy.year')} error={errors.at('year')}>
        <input
          id={ids('year')}
          className="form-input input-width-xs"
          inputMode="numeric"
          value={year}
          onChange={(e) => setYear(e.target.value)}
        />
      </Field>
      <div className="form-group">
        <input
          id={ids('singlePensioner')}
          className="form-checkbox"
          type="checkbox"
          checked={single}
          onChange={(e) => setSingle(e.target.checked)}
        />
        <label htmlFor={ids('singlePensioner')}>{t('economy.calc.singlePensioner')}</label>
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
  const errors = useFormErrors();
  const ids = fieldIdOf('tr');
  const [km, setKm] = useState('');
  const [perKm, setPerKm] = useState('');
  const [days, setDays] = useState('20');
  const [earnings, setEarnings] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = errors.check(transport103CalcSchema, {
      distanceKm: amountOrText(km) ?? undefined,
      pricePerKm: amountOrText(perKm) ?? undefined,
      daysPerMonth: amountOrText(days) ?? undefined,
      monthlyEarningsAfterTax: amountOrText(earnings) ?? undefined,
    });
    if (parsed) calc.mutate(parsed, { onError: errors.fail });
  };
  return (
    <form onSubmit={submit} noValidate className="vt-section" data-testid="calc-103">
      <h3>{t('economy.calc.transport')}</h3>
      <ErrorSummary errors={errors} fieldId={ids} idPrefix="tr" />
      <Field id={ids('distanceKm')} label={t('economy.calc.distance')} error={errors.at('distanceKm')}>
        <input
          id={ids('distanceKm')}
          className="form-input input-width-xs"
          inputMode="decimal"
          value={km}
          onChange={(e) => setKm(e.target.value)}
        />
      </Field>
      <Field id={ids('pricePerKm')} label={t('economy.calc.pricePerKm')} error={errors.at('pricePerKm')}>
        <input
          id={ids('pricePerKm')}
          className="form-input input-width-xs"
          inputMode="decimal"
          value={perKm}
          onChange={(e) => setPerKm(e.target.value)}
        />
      </Field>
      <Field id={ids('daysPerMonth')} label={t('economy.calc.days')} error={errors.at('daysPerMonth')}>
        <input
          id={ids('daysPerMonth')}
          className="form-input input-width-xs"
          inputMode="numeric"
          value={days}
          onChange={(e) => setDays(e.target.value)}
        />
      </Field>
      <Field id={ids('monthlyEarningsAfterTax')} label={t('economy.calc.earnings')} error={errors.at('monthlyEarningsAfterTax')}>
        <input
          id={ids('monthlyEarningsAfterTax')}
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
