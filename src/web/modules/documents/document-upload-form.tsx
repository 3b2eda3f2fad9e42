import type { UseMutationResult } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { dateProblems } from '../../../rules/records/date-constraints.ts';
import { detectDocumentType, MAX_DOCUMENT_BYTES } from '../../../rules/records/document-types.ts';
import { documentUploadFieldsSchema } from '../../../shared/cases/document.schema.ts';
import type { ValidationKey } from '../../../shared/i18n/validation-messages.ts';
import { plainDateInCopenhagen } from '../../../shared/plain-date.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { Alert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';
import type { UploadInput } from './documents.api.ts';

/** The file's own problem, checked in the browser as the server will: present, within 10 MB, PDF/PNG/JPEG by content. */
async function fileProblem(file: File | null): Promise<ValidationKey | null> {
  if (!file || file.size === 0) return 'document.file.required';
  if (file.size > MAX_DOCUMENT_BYTES) return 'document.file.tooLarge';
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  return detectDocumentType(head) ? null : 'document.file.type';
}

export type UploadFormText = {
  heading: MessageKey;
  subjectHint: MessageKey;
  submit: MessageKey;
  done: MessageKey;
};

/**
 * A document's subject, date and file, checked in the browser as the server checks them (every problem at its field,
 * in the summary too) and sent with `upload`: the caseworker's form on the case page and the citizen's on their own
 * page are this one form, with their own words.
 */
export function DocumentUploadForm({
  idPrefix,
  text,
  upload,
  onCancel,
}: {
  idPrefix: string;
  text: UploadFormText;
  upload: UseMutationResult<{ id: string }, Error, UploadInput>;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const fieldId = fieldIdOf(idPrefix);
  const errors = useFormErrors();
  const fileRef = useRef<HTMLInputElement>(null);
  const [subject, setSubject] = useState('');
  const [documentDate, setDocumentDate] = useState<string>(plainDateInCopenhagen(new Date()));
  const [done, setDone] = useState(false);
  const headingId = `${idPrefix}-heading`;

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
    <form onSubmit={submit} noValidate className="vt-panel" aria-labelledby={headingId}>
      <h3 id={headingId} className="h4">
        {t(text.heading)}
      </h3>
      <ErrorSummary errors={errors} fieldId={fieldId} idPrefix={idPrefix} />
      {done ? <Alert variant="success" heading={t(text.done)} /> : null}
      <div className="vt-filters">
        <Field id={fieldId('subject')} label={t('documents.subject')} hint={t(text.subjectHint)} error={errors.at('subject')}>
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
      <div className="vt-actions vt-gap">
        <button type="submit" className="button button-primary" disabled={upload.isPending}>
          {t(text.submit)}
        </button>
        {onCancel ? (
          <button type="button" className="button button-tertiary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
