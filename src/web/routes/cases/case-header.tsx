import { Link } from 'react-router';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatCpr, formatDate } from '../../ui/format.ts';
import { DeadlineTag } from './deadline-tag.tsx';

/**
 * The next deadline the municipality must meet: the earliest one not met. The citizen's complaint deadline and the
 * end of a period are not the municipality's to meet (src/rules/deadlines/deadline-duty.ts) and never show here.
 */
export function nextMunicipalityDeadline(c: CaseDetail): CaseDetail['deadlines'][number] | null {
  return (
    c.deadlines
      .filter((d) => d.duty === 'municipality' && d.metOn === null)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0] ?? null
  );
}

/**
 * Order states the case status alone would hide: "Bestilt" while the provider holds the order with a question, or
 * "Afgørelse truffet" after it declined, would send the caseworker to the wrong place.
 */
const ORDER_STATES_TOLD: readonly string[] = ['on_hold', 'declined'];

/** The case header: who, what, where the case stands, the next deadline and who has the case; it stays in view. */
export function CaseHeader({ c, onExport }: { c: CaseDetail; onExport: () => void }) {
  const { t, td } = useI18n();
  const next = nextMunicipalityDeadline(c);
  // The legal basis of the decision in force: the newest (the list is newest first).
  const legalBasis = c.decisions[0]?.legalBasis ?? null;
  return (
    <div className="vt-case-header" data-testid="case-header">
      <div className="vt-case-header__top">
        <p className="vt-case-header__citizen">
          <Link to={`/borgere/${c.citizen.id}`}>{c.citizen.name}</Link> · {formatCpr(c.citizen.cpr)} ·{' '}
          <span data-testid="journal-number">
            {t('cases.journalNumber')} {c.journalNumber}
          </span>
        </p>
        <button type="button" className="button button-tertiary vt-case-export" onClick={onExport}>
          {t('case.export.open')}
        </button>
      </div>
      <h1>{c.title}</h1>
      <dl className="vt-case-facts">
        <div>
          <dt>{t('cases.col.status')}</dt>
          <dd data-testid="case-status">
            {td(`case.status.${c.status}`)}
            {c.order && ORDER_STATES_TOLD.includes(c.order.state) ? ` · ${td(`case.header.order.${c.order.state}`)}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('case.header.legalBasis')}</dt>
          <dd data-testid="case-legal-basis">{legalBasis ?? t('case.header.legalBasis.none')}</dd>
        </div>
        <div>
          <dt>{t('case.header.nextDeadline')}</dt>
          <dd data-testid="case-next-deadline">
            {next ? (
              <>
                {td(`deadline.${next.kind}`)} {formatDate(next.dueDate)}{' '}
                {next.status !== 'open' ? <DeadlineTag status={next.status} duty={next.duty} /> : null}
              </>
            ) : (
              t('case.header.nextDeadline.none')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('case.header.caseworker')}</dt>
          <dd data-testid="case-caseworker">{c.caseworker?.name ?? t('case.header.caseworker.none')}</dd>
        </div>
      </dl>
    </div>
  );
}
