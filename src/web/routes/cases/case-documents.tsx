import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { documentSize, documentTypeLabel } from '../../modules/documents/document-format.ts';
import { DocumentUploadForm } from '../../modules/documents/document-upload-form.tsx';
import { CASE_DOCUMENTS_PAGE_SIZE, useCaseDocuments, useUploadDocument } from '../../modules/documents/documents.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { formatDate } from '../../ui/format.ts';
import { Pagination } from '../../ui/pagination.tsx';

/**
 * The case's uploaded documents (the citizen's and the caseworker's) and the form to add one: subject, date, file.
 * Each document opens in a new tab through the API, which logs every opening. Newest first, a page at a time.
 */
export function CaseDocuments({ caseId, canUpload }: { caseId: string; canUpload: boolean }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const documents = useCaseDocuments(caseId, 'upload', page);
  const upload = useUploadDocument(caseId);
  const uploads = documents.data?.items ?? [];

  return (
    <section aria-labelledby="documents-heading" data-testid="documents">
      <h2 id="documents-heading">{t('documents.title')}</h2>
      <p>{t('documents.intro')}</p>
      {documents.isError ? <Alert variant="error" heading={t('common.error')} /> : null}
      {documents.data && uploads.length === 0 ? <p>{t('documents.none')}</p> : null}
      {uploads.length ? (
        <div className="vt-table-scroll">
          <table className="table table--compact vt-record-table" data-testid="uploaded-documents">
            <thead>
              <tr>
                <th scope="col">{t('documents.col.subject')}</th>
                <th scope="col">{t('documents.col.date')}</th>
                <th scope="col">{t('documents.col.by')}</th>
                <th scope="col">{t('documents.col.type')}</th>
                <th scope="col">{t('documents.col.size')}</th>
              </tr>
            </thead>
            <tbody>
              {uploads.map((d) => (
                <tr key={d.id}>
                  <td>
                    <a href={`/api/cases/${caseId}/documents/${d.id}`} target="_blank" rel="noreferrer">
                      {d.title}
                    </a>
                  </td>
                  <td>{formatDate(d.documentDate)}</td>
                  <td>{d.uploadedBy ? t(`documents.by.${d.uploadedBy}`) : t('common.none')}</td>
                  <td>{documentTypeLabel(d.contentType)}</td>
                  <td>{documentSize(d.byteSize, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {documents.data ? (
        <Pagination page={page} pageSize={CASE_DOCUMENTS_PAGE_SIZE} total={documents.data.total} onPage={setPage} />
      ) : null}
      {canUpload ? (
        <DocumentUploadForm
          idPrefix="doc"
          upload={upload}
          text={{
            heading: 'documents.upload',
            subjectHint: 'documents.subject.hint',
            submit: 'documents.submit',
            done: 'documents.uploaded',
          }}
        />
      ) : null}
    </section>
  );
}
