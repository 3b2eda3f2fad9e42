import { NavLink } from 'react-router';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { hasOpenComplaint } from '../../modules/cases/cases.api.ts';

/**
 * The case's sections, each a short page with its own URL under /sager/:id. The order is the case's own: what it
 * is, the assessment, the decision, the plan, the follow-up, then what was written (letters, journal, messages).
 * Documents uploaded to the case (the citizen's and the caseworker's) have their own section after the letters.
 */
export const CASE_SECTIONS = [
  { id: 'overview', path: '', label: 'case.section.overview' },
  { id: 'assessment', path: 'udredning', label: 'case.section.assessment' },
  { id: 'decision', path: 'afgoerelse', label: 'case.section.decision' },
  { id: 'plan', path: 'plan', label: 'case.section.plan' },
  { id: 'follow-up', path: 'opfoelgning', label: 'case.section.followUp' },
  { id: 'letters', path: 'breve', label: 'case.section.letters' },
  { id: 'documents', path: 'dokumenter', label: 'case.section.documents' },
  { id: 'journal', path: 'journal', label: 'case.section.journal' },
  { id: 'messages', path: 'beskeder', label: 'case.section.messages' },
] as const satisfies readonly { id: string; path: string; label: MessageKey }[];

export type CaseSection = (typeof CASE_SECTIONS)[number]['path'];

export function casePath(caseId: string, section: CaseSection): string {
  return section ? `/sager/${caseId}/${section}` : `/sager/${caseId}`;
}

/**
 * Where the next step of a case in this status is done, so the page can follow the case there: the receipt and
 * the start of the assessment on the overview, the assessment, the order after a decision, a complaint at the
 * decision. Null: stay where the user is.
 */
export function sectionOfStatus(c: CaseDetail): CaseSection | null {
  if (hasOpenComplaint(c)) return 'afgoerelse';
  switch (c.status) {
    case 'request_received':
    case 'receipt_sent':
    case 'closed':
      return '';
    case 'assessment':
      return 'udredning';
    case 'decided':
      return c.allowedActions.includes('order') ? 'plan' : 'afgoerelse';
    case 'refused':
      return 'afgoerelse';
    case 'ordered':
      return 'plan';
    default:
      return null;
  }
}

/** A count after a section's name, where there is something to count (letters, documents, journal, messages). */
function countOf(c: CaseDetail, id: (typeof CASE_SECTIONS)[number]['id']): number | null {
  if (id === 'letters') return c.documents.filter((d) => d.kind !== 'upload').length;
  if (id === 'documents') return c.documents.filter((d) => d.kind === 'upload').length;
  if (id === 'journal') return c.eventsTotal;
  if (id === 'messages') return c.messages.length;
  return null;
}

/** The sections as links (tabs with URLs: the back button, bookmarks and a new tab work). */
export function CaseSectionNav({ c, current }: { c: CaseDetail; current: CaseSection }) {
  const { t } = useI18n();
  return (
    <nav className="vt-case-nav" aria-label={t('case.sections')}>
      {/* no-max-width: DKFDS holds lists to 66ch, which broke the nine tabs into two rows on a wide screen. */}
      <ul className="no-max-width">
        {CASE_SECTIONS.map((s) => {
          const count = countOf(c, s.id);
          return (
            <li key={s.id}>
              <NavLink to={casePath(c.id, s.path)} end aria-current={s.path === current ? 'page' : undefined}>
                {t(s.label)}
                {count ? <span className="vt-count"> ({count})</span> : null}
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
