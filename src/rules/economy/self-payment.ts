/**
 * Self-payment for housing (egenbetaling), as calculators with yearly amounts kept as versioned, cited data.
 *
 * SEL § 108 (long-term housing): the resident's payment share (betalingsandel) is 10 % of income up to a yearly
 * threshold and 20 % of income above it, with the income basis reduced for single pensioners (SEL § 163, stk. 3;
 * BEK nr. 1387 af 12. december 2006; the yearly amounts from Social- og Boligministeriet's "Satser på social- og
 * ældreområdet"). The payment for the dwelling itself follows the building's costs (§ 163, stk. 2) and is not
 * computed here.
 *
 * SEL § 107 (temporary housing): the payment is set locally (BEK nr. 1387/2006 §§ 1–3); Ankestyrelsen found only 31
 * municipalities with local guidelines. So it is the municipality's own setting: what it charges a month for the
 * services of the stay, never more than leaves the resident a set disposable amount.
 */
export type SelfPayment108Level = {
  year: number;
  threshold: number;
  lowPct: number;
  highPct: number;
  singlePensionerDeduction: number;
  source: string;
};

export const SELF_PAYMENT_108_LEVELS: readonly SelfPayment108Level[] = [
  {
    year: 2023,
    threshold: 226_100,
    lowPct: 10,
    highPct: 20,
    singlePensionerDeduction: 49_100,
    source:
      'Social-, Bolig- og Ældreministeriet, Satser på social- og ældreområdet for 2023, Voksne: Betaling for botilbud (§ 163, stk. 3)',
  },
  {
    year: 2024,
    threshold: 234_000,
    lowPct: 10,
    highPct: 20,
    singlePensionerDeduction: 50_800,
    source:
      'Social- og Boligministeriet, Satser på social- og ældreområdet for 2024, Voksne: Betaling for botilbud (§ 163, stk. 3)',
  },
];

export type SelfPayment108 = {
  annual: number;
  monthly: number;
  incomeBasis: number;
  low: number;
  high: number;
  level: SelfPayment108Level | null;
  levelFromEarlierYear: boolean;
};

const ore = (n: number) => Math.round(n * 100) / 100;

/** The § 108 payment share of a yearly income. */
export function selfPayment108(
  annualIncome: number,
  year: number,
  opts: { singlePensioner: boolean },
  levels: readonly SelfPayment108Level[] = SELF_PAYMENT_108_LEVELS,
): SelfPayment108 {
  const level =
    [...levels]
      .filter((l) => l.year <= year)
      .sort((a, b) => a.year - b.year)
      .at(-1) ?? null;
  if (!level)
    return { annual: 0, monthly: 0, incomeBasis: annualIncome, low: 0, high: 0, level: null, levelFromEarlierYear: false };
  const incomeBasis = Math.max(0, annualIncome - (opts.singlePensioner ? level.singlePensionerDeduction : 0));
  const low = ore((Math.min(incomeBasis, level.threshold) * level.lowPct) / 100);
  const high = ore((Math.max(0, incomeBasis - level.threshold) * level.highPct) / 100);
  const annual = ore(low + high);
  return { annual, monthly: ore(annual / 12), incomeBasis, low, high, level, levelFromEarlierYear: level.year < year };
}

/** A municipality's local § 107 guideline: monthly charges for the stay, and the disposable amount the resident keeps. */
export type Guideline107 = {
  charges: readonly { label: string; monthly: number }[];
  minimumDisposableMonthly: number;
  source: string;
  invented: boolean;
};

export function selfPayment107(
  monthlyIncomeAfterTax: number,
  guideline: Guideline107,
): { monthly: number; charged: number; reducedBy: number; disposable: number } {
  const charged = ore(guideline.charges.reduce((s, c) => s + c.monthly, 0));
  const payable = Math.max(0, Math.min(charged, monthlyIncomeAfterTax - guideline.minimumDisposableMonthly));
  const monthly = ore(payable);
  return { monthly, charged, reducedBy: ore(charged - monthly), disposable: ore(monthlyIncomeAfterTax - monthly) };
}
