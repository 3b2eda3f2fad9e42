import { type FormEvent, useRef, useState } from 'react';
import { dateProblems } from '../../../rules/records/date-constraints.ts';
import { DOCUMENT_TYPES, detectDocumentType, MAX_DOCUMENT_BYTES } from '../../../rules/records/document-types.ts';
import { documentUploadFieldsSchema } from '../../../shared/cases/document.schema.ts';
import type { ValidationKey } from '../../../shared/i18n/validation-messages.ts';
import { plainDateInCopenhagen } from '../../../shared/plain-date.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCaseDocuments, useUploadDocument } from '../../modules/documents/documents.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDate } from '../../ui/format.ts';

const fieldId = fieldIdOf('doc');
const LABEL: Record<string, string> = Object.fromEntries(DOCUMENT_TYPES.map((d) => [d.contentType, d.label]));

function size(bytes: number | null, lang: string): string {
  if (bytes === null) return '–';
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  const fmt = new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 });
  return kb < 1024 ? `${fmt.format(kb)} kB` : `${fmt.format(kb / 1024)} MB`;
}

/** The file's own problem, checked in the browser as the server will: present, within 10 MB, PDF/PNG/JPEG by content. */
async function fileProblem(file: File | null): Promise<ValidationKey | null> {
  if (!file || file.size === 0) return 'document.file.required';
  if (file.size > MAX_DOCUMENT_BYTES) return 'document.file.tooLarge';
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  return detectDocumentType(head) ? null : 'document.file.type';
}

/**
 * The case's uploaded documents (the citizen's and the caseworker's) and the form to add one: subject, date, file.
 * Each document opens in a new tab through the API, which logs every opening.
 */
export function CaseDocuments({ caseId, canUpload }: { caseId: string; canUpload: boolean }) {
  const { t, lang } = useI18n();
  const documents = useCaseDocuments(caseId);
  const upload = useUploadDocument(caseId);
  const errors = useFormErrors();
  const fileRef = useRef<HTMLInputElement>(null);
  const [subject, setSubject] = useState('');
  const [documentDate, setDocumentDate] = useState<string>(plainDateInCopenhagen(new Date()));
  const [done, setDone] = useState(false);
  const uploads = documents.data?.filter((d) => d.kind === 'upload') ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const file = fileRef.current?.files?.[0] ?? null;
    const input = { subject, documentDate };
    const problem = await fileProblem(file);
    const parsed = errors.check(documentUploadFieldsSchema, input, [
      ...(problem ? [{ path: 'file', key: problem }] : []),
      ...dateProblems('uploaded_document', input, { today: plainDateInCopenhagen(new Date()) }),
    ]);
    if (!parsed) return;
    upload.mutate(
      { ...parsed, file },
      {
        onSuccess: () => {
          setSubject('');
          if (fileRef.current) fileRef.current.value = '';
          setDone(true);
        },
        onError: errors.fail,
      },
    );
  }

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
                  <td>{LABEL[d.contentType] ?? d.contentType}</td>
                  <td>{size(d.byteSize, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canUpload ? (
        <form onSubmit={submit} noValidate className="vt-panel" aria-labelledby="doc-upload-heading">
          <h3 id="doc-upload-heading" className="h4">
            {t('documents.upload')}
          </h3>
          <ErrorSummary errors={errors} fieldId={fieldId} idPrefix="doc" />
          {done ? <Alert variant="success" heading={t('documents.uploaded')} /> : null}
          <div className="vt-filters">
            <Field
              id={fieldId('subject')}
              label={t('documents.subject')}
              hint={t('documents.subject.hint')}
              error={errors.at('subject')}
            >
              <input
                id={fieldId('subject')}
                className="form-input"
                autoComplete="off"
                value={subject}
                onChange={(e) => setSubject(e.target.value)}
              />
            </Field>
            <Field id={fieldId('documentDate')} label={t('documents.date')} error={errors.at('documentDate')}>
              <input
                id={fieldId('documentDate')}
                type="date"
                className="form-input"
                value={documentDate}
                onChange={(e) => setDocumentDate(e.target.value)}
              />
            </Field>
          </div>
          <Field id={fieldId('file')} label={t('documents.file')} hint={t('documents.file.hint')} error={errors.at('file')}>
            <input
              id={fieldId('file')}
              ref={fileRef}
              type="file"
              className="form-input vt-file"
              accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
            />
          </Field>
          <button type="submit" className="button button-primary vt-gap" disabled={upload.isPending}>
            {t('documents.submit')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
