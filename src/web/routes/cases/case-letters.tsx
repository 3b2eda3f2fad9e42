import { useState } from 'react';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CASE_DOCUMENTS_PAGE_SIZE, useCaseDocuments } from '../../modules/documents/documents.api.ts';
import { formatDate } from '../../ui/format.ts';
import { Pagination } from '../../ui/pagination.tsx';
import { LetterPreview } from './letter-preview.tsx';

/**
 * The letters journalised on the case (receipt, decisions, notices, forwarding), each as PDF and in the page.
 * Uploaded documents share the table but are not letters: they have their own section (case-documents.tsx). A case
 * with more documents than the case page carries reads its letters a page at a time, newest first.
 */
export function CaseLetters({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const more = c.documentsTotal > c.documents.length;
  const paged = useCaseDocuments(c.id, 'letter', page, more);
  const letters = more ? (paged.data?.items ?? []) : c.documents.filter((d) => d.kind !== 'upload');
  return (
    <>
      <h2 id="letters-heading">{t('cases.letters')}</h2>
      {more && !paged.data ? (
        <p>{t('common.loading')}</p>
      ) : letters.length ? (
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
      {more && paged.data ? (
        <Pagination page={page} pageSize={CASE_DOCUMENTS_PAGE_SIZE} total={paged.data.total} onPage={setPage} />
      ) : null}
    </>
  );
}
