import { type FormEvent, useState } from 'react';
import { dateProblems } from '../../../rules/records/date-constraints.ts';
import { fkoTargetProblems } from '../../../rules/records/fko-target.ts';
import {
  ASSESSMENT_THEMES,
  GOAL_TYPES,
  SUPPORT_NEED_LEVELS,
  SUPPORT_NOT_ASSESSED,
} from '../../../shared/assessment/ffb-terms.ts';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { orderSchema } from '../../../shared/cases/order.schema.ts';
import { plainDateInCopenhagen } from '../../../shared/plain-date.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCaseCommand } from '../../modules/cases/cases.api.ts';
import { useOffers } from '../../modules/catalogue/catalogue.api.ts';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, useFormErrors } from '../../ui/form-errors.tsx';

type Goal = {
  uid: number;
  text: string;
  indicator: string;
  targetDate: string;
  conditionCode: string;
  goalTypeCode: string;
  baseline: string;
  target: string;
};
let nextUid = 1;
const emptyGoal = (): Goal => ({
  uid: nextUid++,
  text: '',
  indicator: '',
  targetDate: '',
  conditionCode: '',
  goalTypeCode: '',
  baseline: '',
  target: '',
});
const NEEDS = SUPPORT_NEED_LEVELS.filter((l) => l.code !== SUPPORT_NOT_ASSESSED);

/** The id of an order field by its API path (goals.1.targetDate → o-g1-targetDate). */
function orderFieldId(path: string): string {
  const goal = /^goals\.(\d+)\.(\w+)$/.exec(path);
  if (goal) return `o-g${goal[1]}-${goal[2]}`;
  const plan = /^actionPlan\.(\w+)$/.exec(path);
  if (plan) return `o-plan-${plan[1]}`;
  return `o-${path}`;
}

/**
 * The order on one screen: the offer, up to three SMART goals with FKO baseline and target, and the § 141 plan. The
 * dates and each goal's FKO target are checked by the same rule tables as on the server before anything is sent.
 */
export function OrderForm({ c, user }: { c: CaseDetail; user: SessionUser }) {
  const caseId = c.id;
  const { t } = useI18n();
  // A choice list, not a browse: the municipality's offers at once (the API's largest page).
  const offers = useOffers({ municipality: user.municipality.code }, 100);
  const today = plainDateInCopenhagen(new Date());
  const [offerId, setOfferId] = useState('');
  const [orderedOn, setOrderedOn] = useState<string>(today);
  const [firstFollowUp, setFirstFollowUp] = useState('');
  const [goals, setGoals] = useState<Goal[]>([emptyGoal()]);
  const [wantsPlan, setWantsPlan] = useState(false);
  const [plan, setPlan] = useState({ purpose: '', services: '', expectedDuration: '', otherCircumstances: '' });
  const order = useCaseCommand<unknown, { orderId: string }>(caseId, 'order');
  const errors = useFormErrors();
  const decidedOn = [...c.decisions].sort((a, b) => b.decidedOn.localeCompare(a.decidedOn))[0]?.decidedOn ?? null;
  const setGoal = (i: number, patch: Partial<Goal>) => setGoals((gs) => gs.map((g, j) => (j === i ? { ...g, ...patch } : g)));

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      version: c.version,
      offerId,
      orderedOn,
      firstFollowUp,
      goals: goals.map((g) => ({
        text: g.text,
        indicator: g.indicator,
        targetDate: g.targetDate,
        conditionCode: g.conditionCode,
        goalTypeCode: g.goalTypeCode,
        baselineSupportNeedCode: g.baseline,
        targetSupportNeedCode: g.target,
      })),
      actionPlan: wantsPlan ? plan : null,
    };
    const parsed = errors.check(orderSchema, input, [
      ...dateProblems('order', input, { today, 'decision.decidedOn': decidedOn }),
      ...fkoTargetProblems(input.goals),
    ]);
    if (parsed) order.mutate(parsed, { onError: errors.fail });
  }

  const select = (
    id: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    options: readonly { code: string; display: string }[],
    path: string,
  ) => (
    <Field id={id} label={label} error={errors.at(path)}>
      <select id={id} className="form-select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('assessment.choose')}</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.display}
          </option>
        ))}
      </select>
    </Field>
  );
  const dateInput = (path: string, label: string, value: string, onChange: (v: string) => void) => (
    <Field id={orderFieldId(path)} label={label} error={errors.at(path)}>
      <input
        id={orderFieldId(path)}
        type="date"
        className="form-input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
  const textInput = (path: string, label: string, value: string, onChange: (v: string) => void) => (
    <Field id={orderFieldId(path)} label={label} error={errors.at(path)}>
      <input id={orderFieldId(path)} className="form-input" value={value} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );

  return (
    <section aria-labelledby="order-heading" className="vt-section">
      <h2 id="order-heading">{t('order.title')}</h2>
      <ErrorSummary errors={errors} fieldId={orderFieldId} idPrefix="o" />
      <form onSubmit={submit} noValidate className="vt-panel">
        {select(
          orderFieldId('offerId'),
          t('order.offer'),
          offerId,
          setOfferId,
          (offers.data?.items ?? []).map((o) => ({ code: o.id, display: `${o.name} (${o.legalBases.join(', ')})` })),
          'offerId',
        )}
        <div className="vt-filters">
          {dateInput('orderedOn', t('order.orderedOn'), orderedOn, setOrderedOn)}
          {dateInput('firstFollowUp', t('order.firstFollowUp'), firstFollowUp, setFirstFollowUp)}
        </div>
        {goals.map((g, i) => (
          <fieldset key={g.uid} className="vt-goal">
            <legend className="h4">{t('order.goal', { n: i + 1 })}</legend>
            {textInput(`goals.${i}.text`, t('order.goal.text'), g.text, (v) => setGoal(i, { text: v }))}
            {textInput(`goals.${i}.indicator`, t('order.goal.indicator'), g.indicator, (v) => setGoal(i, { indicator: v }))}
            <div className="vt-filters">
              {dateInput(`goals.${i}.targetDate`, t('order.goal.targetDate'), g.targetDate, (v) => setGoal(i, { targetDate: v }))}
              {select(
                orderFieldId(`goals.${i}.conditionCode`),
                t('order.goal.condition'),
                g.conditionCode,
                (v) => setGoal(i, { conditionCode: v }),
                ASSESSMENT_THEMES,
                `goals.${i}.conditionCode`,
              )}
              {select(
                orderFieldId(`goals.${i}.goalTypeCode`),
                t('order.goal.type'),
                g.goalTypeCode,
                (v) => setGoal(i, { goalTypeCode: v }),
                GOAL_TYPES,
                `goals.${i}.goalTypeCode`,
              )}
              {select(
                orderFieldId(`goals.${i}.baselineSupportNeedCode`),
                t('order.goal.baseline'),
                g.baseline,
                (v) => setGoal(i, { baseline: v }),
                NEEDS,
                `goals.${i}.baselineSupportNeedCode`,
              )}
              {select(
                orderFieldId(`goals.${i}.targetSupportNeedCode`),
                t('order.goal.target'),
                g.target,
                (v) => setGoal(i, { target: v }),
                NEEDS,
                `goals.${i}.targetSupportNeedCode`,
              )}
            </div>
          </fieldset>
        ))}
        {goals.length < 3 ? (
          <p>
            <button type="button" className="button button-secondary" onClick={() => setGoals((gs) => [...gs, emptyGoal()])}>
              {t('order.addGoal')}
            </button>
          </p>
        ) : null}
        <div className="form-group form-group-checkbox">
          <input
            id="o-plan"
            className="form-checkbox"
            type="checkbox"
            checked={wantsPlan}
            onChange={(e) => setWantsPlan(e.target.checked)}
          />
          <label htmlFor="o-plan">{t('order.plan.wanted')}</label>
        </div>
        {wantsPlan
          ? (['purpose', 'services', 'expectedDuration', 'otherCircumstances'] as const).map((k) => (
              <div key={k}>
                {textInput(`actionPlan.${k}`, t(`order.plan.${k}`), plan[k], (v) => setPlan({ ...plan, [k]: v }))}
              </div>
            ))
          : null}
        <button type="submit" className="button button-primary" disabled={order.isPending}>
          {t('order.submit')}
        </button>
      </form>
    </section>
  );
}
