import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CatalogueContent } from '../../../shared/catalogue/catalogue.schema.ts';
import { ApiRequestError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useAdminDescription, useCatalogueAdmin } from '../../modules/catalogue/catalogue.api.ts';
import { DescriptionSections } from '../../modules/catalogue/description-sections.tsx';
import { Alert } from '../../ui/alert.tsx';
import { formatDate } from '../../ui/format.ts';

const TEXT_FIELDS: [keyof CatalogueContent, MessageKey][] = [
  ['purpose', 'catalogue.section.purpose'],
  ['targetGroup', 'catalogue.section.targetGroup'],
  ['remarks', 'catalogue.section.remarks'],
  ['scope', 'catalogue.section.scope'],
  ['timeLimits', 'catalogue.section.timeLimits'],
  ['guidelineTime', 'catalogue.section.guidelineTime'],
  ['duration', 'catalogue.section.duration'],
  ['delivery', 'catalogue.section.delivery'],
];

function FieldError({ error, path }: { error: unknown; path: string }) {
  const message = error instanceof ApiRequestError ? error.fieldMessage(path) : undefined;
  return message ? (
    <span className="form-error-message" id={`${path}-error`}>
      {message}
    </span>
  ) : null;
}

/** Edit a draft in a form (not raw JSON), preview it, approve it with the date it comes into force. */
export function AdminDescriptionPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const detail = useAdminDescription(id);
  const admin = useCatalogueAdmin(id);
  const draft = detail.data?.versions.find((v) => v.phase === 'draft');
  const [content, setContent] = useState<CatalogueContent | null>(null);
  const [changeNote, setChangeNote] = useState('');
  const [preview, setPreview] = useState(false);
  const [inForceFrom, setInForceFrom] = useState('');
  const [approvedByBody, setApprovedByBody] = useState('');
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (detail.data?.shownVersion) setContent(detail.data.shownVersion.content);
  }, [detail.data]);

  if (detail.isError) return <Alert variant="error" heading={t('common.error')} />;
  if (!detail.data || !content) return <p>{t('common.loading')}</p>;
  const d = detail.data;

  function save(event: FormEvent) {
    event.preventDefault();
    if (!draft || !content) return;
    admin.save.mutate(
      { versionId: draft.id, content, changeNote: changeNote || null, lockVersion: draft.lockVersion },
      { onSuccess: () => setSaved(true) },
    );
  }

  function approve(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    admin.approve.mutate({ versionId: draft.id, inForceFrom, approvedByBody, lockVersion: draft.lockVersion });
  }

  return (
    <>
      <p className="vt-back">
        <Link to={`/katalog/beskrivelser/${id}`}>{t('catalogue.admin.public')}</Link>
      </p>
      <h1>
        <span className="vt-eyebrow">
          {t('catalogue.admin.title')} · {d.legalBasis}
        </span>
        {d.title}
      </h1>
      <table className="table table--compact" data-testid="admin-versions">
        <caption>{t('catalogue.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalogue.version')}</th>
            <th scope="col">{t('catalogue.col.status')}</th>
            <th scope="col">{t('catalogue.col.inForce')}</th>
          </tr>
        </thead>
        <tbody>
          {d.versions.map((v) => (
            <tr key={v.id}>
              <td>{v.number}</td>
              <td>{t(`catalogue.phase.${v.phase}`)}</td>
              <td>{v.inForceFrom ? formatDate(v.inForceFrom) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {!draft ? (
        <p>
          <button type="button" className="button button-primary" onClick={() => admin.newDraft.mutate()}>
            {t('catalogue.admin.newDraft')}
          </button>
        </p>
      ) : (
        <>
          <h2>{t('catalogue.admin.editDraft', { number: draft.number })}</h2>
          {admin.save.error ? <Alert variant="error" heading={admin.save.error.message} /> : null}
          {saved && !admin.save.isPending && !admin.save.error ? (
            <Alert variant="success" heading={t('catalogue.admin.saved')} />
          ) : null}
          <form onSubmit={save} noValidate>
            {TEXT_FIELDS.map(([field, label]) => (
              <div className="form-group" key={field}>
                <label className="form-label" htmlFor={`c-${field}`}>
                  {t(label)}
                </label>
                <FieldError error={admin.save.error} path={`content.${field}`} />
                <textarea
                  id={`c-${field}`}
                  className="form-input vt-textarea"
                  rows={4}
                  value={String(content[field] ?? '')}
                  onChange={(e) => setContent({ ...content, [field]: e.target.value })}
                />
              </div>
            ))}
            <div className="form-group">
              <label className="form-label" htmlFor="c-notCovered">
                {t('catalogue.section.notCovered')}
              </label>
              <span className="form-hint" id="c-notCovered-hint">
                {t('catalogue.admin.onePerLine')}
              </span>
              <textarea
                id="c-notCovered"
                aria-describedby="c-notCovered-hint"
                className="form-input vt-textarea"
                rows={8}
                value={content.notCovered.join('\n')}
                onChange={(e) => setContent({ ...content, notCovered: e.target.value.split('\n').filter((l) => l.trim()) })}
              />
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor="c-note">
                {t('catalogue.admin.changeNote')}
              </label>
              <input id="c-note" className="form-input" value={changeNote} onChange={(e) => setChangeNote(e.target.value)} />
            </div>
            <div className="vt-actions">
              <button type="submit" className="button button-primary" disabled={admin.save.isPending}>
                {t('catalogue.admin.save')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setPreview(!preview)}
                aria-expanded={preview}
              >
                {t(preview ? 'catalogue.admin.hidePreview' : 'catalogue.admin.preview')}
              </button>
            </div>
          </form>
          {preview ? (
            <section className="vt-panel" aria-label={t('catalogue.admin.preview')} data-testid="preview">
              <DescriptionSections content={content} />
            </section>
          ) : null}

          <h2>{t('catalogue.admin.approveTitle')}</h2>
          {admin.approve.error ? <Alert variant="error" heading={admin.approve.error.message} /> : null}
          {admin.approve.isSuccess ? <Alert variant="success" heading={t('catalogue.admin.approved')} /> : null}
          <form onSubmit={approve} noValidate>
            <div
              className={`form-group${admin.approve.error instanceof ApiRequestError && admin.approve.error.fieldMessage('inForceFrom') ? ' form-error' : ''}`}
            >
              <label className="form-label" htmlFor="a-date">
                {t('catalogue.admin.inForceFrom')}
              </label>
              <FieldError error={admin.approve.error} path="inForceFrom" />
              <input
                id="a-date"
                type="date"
                className="form-input"
                value={inForceFrom}
                onChange={(e) => setInForceFrom(e.target.value)}
              />
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor="a-body">
                {t('catalogue.admin.approvedBy')}
              </label>
              <span className="form-hint" id="a-body-hint">
                {t('catalogue.admin.approvedByHint')}
              </span>
              <FieldError error={admin.approve.error} path="approvedByBody" />
              <input
                id="a-body"
                aria-describedby="a-body-hint"
                className="form-input"
                value={approvedByBody}
                onChange={(e) => setApprovedByBody(e.target.value)}
              />
            </div>
            <button type="submit" className="button button-primary" disabled={admin.approve.isPending}>
              {t('catalogue.admin.approve')}
            </button>
          </form>
        </>
      )}
    </>
  );
}
