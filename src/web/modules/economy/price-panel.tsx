import { useI18n } from '../../i18n/i18n.tsx';
import { formatKr } from '../../ui/number-format.ts';
import { useLadderPrice } from './economy.api.ts';

/**
 * The annual cost of a grant at the offers of its rung and of the next rung of the intervention ladder, for the
 * caseworker at the proposal and the decision. Information only: SEL § 1, stk. 3 lets economy count, but the
 * decision rests on the concrete, individual assessment, and no amount goes into the letter to the citizen.
 */
export function PricePanel({
  legalBasis,
  weeklyHours,
  moduleDays,
  start,
  testId = 'price-panel',
}: {
  legalBasis: string | null;
  weeklyHours: number | null;
  moduleDays: number | null;
  start: string | null;
  testId?: string;
}) {
  const { t, td, lang } = useI18n();
  const price = useLadderPrice(legalBasis ? { legalBasis, weeklyHours, moduleDays, start } : null);
  const p = price.data;
  if (!legalBasis || !p) return null;
  const range = (min: number | null, max: number | null) =>
    min === null || max === null
      ? t('price.none')
      : min === max
        ? formatKr(min, lang)
        : t('price.range', { min: formatKr(min, lang), max: formatKr(max, lang) });
  return (
    <aside className="vt-panel vt-price" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h3 className="h4" id={`${testId}-title`}>
        {t('price.title')}
      </h3>
      <p className="form-hint">{t('price.note')}</p>
      <dl className="vt-facts">
        {p.rungs.map((r) => (
          <div key={r.position} className="vt-price__rung">
            <dt>
              {t(r.position === 'proposed' ? 'price.proposed' : 'price.next', { step: td(`proposal.step.${r.step}`) })}
              {p.frame.profileCode && r.position === 'proposed' ? ` (${t('price.profile', { code: p.frame.profileCode })})` : ''}
            </dt>
            <dd>
              <strong>{range(r.min, r.max)}</strong>
              {r.offers.length > 0 ? (
                <ul className="vt-price__offers">
                  {r.offers.map((o) => (
                    <li key={o.offerId}>
                      {o.name}: {formatKr(o.annual, lang)}
                      {o.carried ? ` ${t('economy.carriedMark')}` : ''}
                    </li>
                  ))}
                </ul>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
