import { useI18n } from '../../i18n/i18n.tsx';
import { useProposal } from '../../modules/cases/cases.api.ts';
import { PricePanel } from '../../modules/economy/price-panel.tsx';

/**
 * The proposal (indstilling): a suggested profile and the least intrusive suitable service, with the reasons. It only
 * fills in the service level when the caseworker chooses to use it; the caseworker decides.
 */
export function ProposalPanel({
  caseId,
  enabled,
  onUse,
}: {
  caseId: string;
  enabled: boolean;
  onUse: (p: { versionId: string; hours: number | null }) => void;
}) {
  const { t, td } = useI18n();
  const proposal = useProposal(caseId, enabled);
  const p = proposal.data;
  if (!enabled || !p) return null;
  return (
    <div className="vt-panel vt-proposal" data-testid="proposal">
      <h3 className="h4">{t('proposal.title')}</h3>
      {p.step ? (
        <dl className="vt-facts">
          <dt>{t('proposal.step')}</dt>
          <dd>{td(`proposal.step.${p.step}`)}</dd>
          {p.service ? (
            <>
              <dt>{t('proposal.service')}</dt>
              <dd>
                {p.service.title} ({p.service.legalBasis})
              </dd>
            </>
          ) : null}
          {p.profile ? (
            <>
              <dt>{t('proposal.profile')}</dt>
              <dd data-testid="proposal-profile">
                {t('proposal.profile.value', {
                  code: p.profile.code,
                  above: String(p.profile.above).replace('.', ','),
                  upTo: String(p.profile.upTo).replace('.', ','),
                  severity: p.profile.severity ?? '',
                  category: p.category ?? '',
                })}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {p.step === 'day_offer' && p.alternatives.length ? (
        <ul data-testid="proposal-alternatives">
          {p.alternatives.map((a) => (
            <li key={a.versionId}>
              {a.title} ({a.legalBasis}){' '}
              <button
                type="button"
                className="button button-unstyled vt-link-button"
                onClick={() => onUse({ versionId: a.versionId, hours: null })}
              >
                {t('proposal.choose')}
                <span className="sr-only"> {a.title}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <ul>
        {p.reasons.map((r) => (
          <li key={r.key + JSON.stringify(r.params ?? {})}>{td(r.key, r.params)}</li>
        ))}
      </ul>
      {p.service && p.step !== 'day_offer' ? (
        <PricePanel
          testId="proposal-price"
          legalBasis={p.service.legalBasis}
          weeklyHours={p.profile?.upTo ?? null}
          moduleDays={null}
          start={null}
        />
      ) : null}
      {p.service ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => p.service && onUse({ versionId: p.service.versionId, hours: p.profile?.upTo ?? null })}
        >
          {t('proposal.use')}
        </button>
      ) : null}
    </div>
  );
}
