import { type FormEvent, useState } from 'react';
import {
  ASSESSMENT_THEMES,
  GOAL_TYPES,
  SUPPORT_NEED_LEVELS,
  SUPPORT_NOT_ASSESSED,
} from '../../../shared/assessment/ffb-terms.ts';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import { plainDateInCopenhagen } from '../../../shared/plain-date.ts';
import { ApiRequestError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCaseCommand } from '../../modules/cases/cases.api.ts';
import { useOffers } from '../../modules/catalogue/catalogue.api.ts';
import { Alert } from '../../ui/alert.tsx';

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

/** The order on one screen: the offer, up to three SMART goals with FKO baseline and target, and the § 141 plan. */
export function OrderForm({ caseId, version, user }: { caseId: string; version: number; user: SessionUser }) {
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
  const error = (path: string) => (order.error instanceof ApiRequestError ? order.error.fieldMessage(path) : undefined);
  const fieldError = (path: string) => {
    const m = error(path);
    return m ? (
      <span className="form-error-message" id={`o-${path.replaceAll('.', '-')}-error`}>
        {m}
      </span>
    ) : null;
  };
  const setGoal = (i: number, patch: Partial<Goal>) => setGoals((gs) => gs.map((g, j) => (j === i ? { ...g, ...patch } : g)));

  function submit(event: FormEvent) {
    event.preventDefault();
    order.mutate({
      version,
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
    });
  }

  const select = (
    id: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    options: readonly { code: string; display: string }[],
    path: string,
  ) => (
    <div className={`form-group${error(path) ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {fieldError(path)}
      <select id={id} className="form-select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('assessment.choose')}</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.display}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section aria-labelledby="order-heading" className="vt-section">
      <h2 id="order-heading">{t('order.title')}</h2>
      {order.error && !(order.error instanceof ApiRequestError && order.error.body.fields?.length) ? (
        <Alert variant="error" heading={order.error.message} />
      ) : null}
      <form onSubmit={submit} noValidate className="vt-panel">
        {select(
          'o-offer',
          t('order.offer'),
          offerId,
          setOfferId,
          (offers.data?.items ?? []).map((o) => ({ code: o.id, display: `${o.name} (${o.legalBases.join(', ')})` })),
          'offerId',
        )}
        <div className="vt-filters">
          <div className="form-group">
            <label className="form-label" htmlFor="o-date">
              {t('order.orderedOn')}
            </label>
            <input
              id="o-date"
              type="date"
              className="form-input"
              value={orderedOn}
              onChange={(e) => setOrderedOn(e.target.value)}
            />
          </div>
          <div className={`form-group${error('firstFollowUp') ? ' form-error' : ''}`}>
            <label className="form-label" htmlFor="o-follow">
              {t('order.firstFollowUp')}
            </label>
            {fieldError('firstFollowUp')}
            <input
              id="o-follow"
              type="date"
              className="form-input"
              value={firstFollowUp}
              onChange={(e) => setFirstFollowUp(e.target.value)}
            />
          </div>
        </div>
        {goals.map((g, i) => (
          <fieldset key={g.uid} className="vt-goal">
            <legend className="h4">{t('order.goal', { n: i + 1 })}</legend>
            <div className={`form-group${error(`goals.${i}.text`) ? ' form-error' : ''}`}>
              <label className="form-label" htmlFor={`o-g${i}-text`}>
                {t('order.goal.text')}
              </label>
              {fieldError(`goals.${i}.text`)}
              <input
                id={`o-g${i}-text`}
                className="form-input"
                value={g.text}
                onChange={(e) => setGoal(i, { text: e.target.value })}
              />
            </div>
            <div className={`form-group${error(`goals.${i}.indicator`) ? ' form-error' : ''}`}>
              <label className="form-label" htmlFor={`o-g${i}-indicator`}>
                {t('order.goal.indicator')}
              </label>
              {fieldError(`goals.${i}.indicator`)}
              <input
                id={`o-g${i}-indicator`}
                className="form-input"
                value={g.indicator}
                onChange={(e) => setGoal(i, { indicator: e.target.value })}
              />
            </div>
            <div className="vt-filters">
              <div className={`form-group${error(`goals.${i}.targetDate`) ? ' form-error' : ''}`}>
                <label className="form-label" htmlFor={`o-g${i}-date`}>
                  {t('order.goal.targetDate')}
                </label>
                {fieldError(`goals.${i}.targetDate`)}
                <input
                  id={`o-g${i}-date`}
                  type="date"
                  className="form-input"
                  value={g.targetDate}
                  onChange={(e) => setGoal(i, { targetDate: e.target.value })}
                />
              </div>
              {select(
                `o-g${i}-condition`,
                t('order.goal.condition'),
                g.conditionCode,
                (v) => setGoal(i, { conditionCode: v }),
                ASSESSMENT_THEMES,
                `goals.${i}.conditionCode`,
              )}
              {select(
                `o-g${i}-type`,
                t('order.goal.type'),
                g.goalTypeCode,
                (v) => setGoal(i, { goalTypeCode: v }),
                GOAL_TYPES,
                `goals.${i}.goalTypeCode`,
              )}
              {select(
                `o-g${i}-baseline`,
                t('order.goal.baseline'),
                g.baseline,
                (v) => setGoal(i, { baseline: v }),
                NEEDS,
                `goals.${i}.baselineSupportNeedCode`,
              )}
              {select(
                `o-g${i}-target`,
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
              <div className="form-group" key={k}>
                <label className="form-label" htmlFor={`o-plan-${k}`}>
                  {t(`order.plan.${k}`)}
                </label>
                <input
                  id={`o-plan-${k}`}
                  className="form-input"
                  value={plan[k]}
                  onChange={(e) => setPlan({ ...plan, [k]: e.target.value })}
                />
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
