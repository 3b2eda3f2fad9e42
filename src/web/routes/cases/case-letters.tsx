import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../ui/format.ts';
import { LetterPreview } from './letter-preview.tsx';

/**
 * The letters journalised on the case (receipt, decisions, notices, forwarding), each as PDF and in the page.
 * Uploaded documents share the table but are not letters: they have their own section (case-documents.tsx).
 */
export function CaseLetters({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const letters = c.documents.filter((d) => d.kind !== 'upload');
  return (
    <>
      <h2 id="letters-heading">{t('cases.letters')}</h2>
      {letters.length ? (
        <ul data-testid="case-documents">
          {letters.map((d) => (
            <li key={d.id}>
              <a href={`/api/cases/${c.id}/documents/${d.id}`} target="_blank" rel="noreferrer">
                {d.title} ({t('cases.pdf')})
              </a>{' '}
              – {t('cases.journalised', { date: formatDate(d.journalisedOn) })}
              {d.hasPreview ? (
                <>
                  {' · '}
                  <LetterPreview caseId={c.id} documentId={d.id} title={d.title} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('cases.letters.none')}</p>
      )}
    </>
  );
}
