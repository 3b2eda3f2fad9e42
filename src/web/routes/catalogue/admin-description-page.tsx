import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { bandFieldProblems } from '../../../rules/profiles/citizen-profiles.ts';
import { approveVersionSchema, type CatalogueContent, updateDraftSchema } from '../../../shared/catalogue/catalogue.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useAdminDescription, useCatalogueAdmin } from '../../modules/catalogue/catalogue.api.ts';
import { DescriptionSections } from '../../modules/catalogue/description-sections.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDate, numberOrText } from '../../ui/format.ts';

const TEXT_FIELDS: [keyof CatalogueContent, MessageKey][] = [
  ['purpose', 'catalogue.section.purpose'],
  ['targetGroup', 'catalogue.section.targetGroup'],
  ['remarks', 'catalogue.section.remarks'],
  ['scope', 'catalogue.section.scope'],
  ['timeLimits', 'catalogue.section.timeLimits'],
  ['guidelineTime', 'catalogue.section.guidelineTime'],
  ['duration', 'catalogue.section.duration'],
  ['delivery', 'catalogue.section.delivery'],
  ['modules', 'catalogue.section.modules'],
];

/** A band as the form holds it: numbers as typed ("2,55"), turned into numbers when saved. */
type BandRow = { uid: number; code: string; above: string; upTo: string; severity: string; description: string };
type TaskArea = { uid: number; area: string; tasks: string };
let nextUid = 1;
const decimal = (n: number) => String(n).replace('.', ',');
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const ids = fieldIdOf('c');

/**
 * Edit a draft in a form (not raw JSON): the texts, the citizen profiles' hour bands, the typical tasks by area, the
 * modules and what the level does not cover; checked by the same schema and band rules as the server before saving.
 * Approval names who prepared the draft and who approves it, and they are two people (four eyes).
 */
export function AdminDescriptionPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const detail = useAdminDescription(id);
  const admin = useCatalogueAdmin(id);
  const draft = detail.data?.versions.find((v) => v.phase === 'draft');
  const [content, setContent] = useState<CatalogueContent | null>(null);
  const [bands, setBands] = useState<BandRow[]>([]);
  const [areas, setAreas] = useState<TaskArea[]>([]);
  const [changeNote, setChangeNote] = useState('');
  const [preview, setPreview] = useState(false);
  const [inForceFrom, setInForceFrom] = useState('');
  const [approvedByBody, setApprovedByBody] = useState('');
  const [saved, setSaved] = useState(false);
  const saveErrors = useFormErrors();
  const approveErrors = useFormErrors();

  useEffect(() => {
    const c = detail.data?.shownVersion?.content;
    if (!c) return;
    setContent(c);
    setBands(
      c.profileBands.map((b) => ({
        uid: nextUid++,
        code: b.code,
        above: decimal(b.above),
        upTo: decimal(b.upTo),
        severity: b.severity ?? '',
        description: b.description ?? '',
      })),
    );
    setAreas(c.typicalTasks.map((a) => ({ uid: nextUid++, area: a.area, tasks: a.tasks.join('\n') })));
  }, [detail.data]);

  if (detail.isError) return <Alert variant="error" heading={t('common.error')} />;
  if (!detail.data || !content) return <p>{t('common.loading')}</p>;
  const d = detail.data;
  const ownDraft = d.fourEyes?.youPreparedTheDraft ?? false;

  /** The content as it will be saved: the edited texts, bands with numbers, tasks and exclusions as lists. */
  const edited = () => {
    const original = content.profileBands;
    return {
      ...content,
      profileBands: bands.map((b, i) => ({
        ...(original[i] ?? {}),
        code: b.code,
        above: numberOrText(b.above),
        upTo: numberOrText(b.upTo),
        ...(b.severity ? { severity: b.severity } : {}),
        ...(b.description ? { description: b.description } : {}),
      })),
      typicalTasks: areas.map((a) => ({ area: a.area, tasks: lines(a.tasks) })),
    };
  };

  function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    setSaved(false);
    const next = edited();
    // The band rules on what reads as numbers; a field that does not gets "Skriv et tal" from the schema first.
    const asNumber = (v: unknown) => (typeof v === 'number' ? v : Number.NaN);
    const parsed = saveErrors.check(
      updateDraftSchema,
      { content: next, changeNote: changeNote || null, lockVersion: draft.lockVersion },
      bandFieldProblems(next.profileBands.map((b) => ({ above: asNumber(b.above), upTo: asNumber(b.upTo) }))),
    );
    if (!parsed) return;
    admin.save.mutate(
      { versionId: draft.id, ...parsed },
      {
        onSuccess: () => {
          setSaved(true);
          setContent(parsed.content);
        },
        onError: saveErrors.fail,
      },
    );
  }

  function approve(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    const parsed = approveErrors.check(approveVersionSchema, { inForceFrom, approvedByBody, lockVersion: draft.lockVersion });
    if (parsed) admin.approve.mutate({ versionId: draft.id, ...parsed }, { onError: approveErrors.fail });
  }

  const setBand = (i: number, patch: Partial<BandRow>) => setBands((bs) => bs.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  const setArea = (i: number, patch: Partial<TaskArea>) => setAreas((as) => as.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const bandId = (i: number, field: string) => ids(`content.profileBands.${i}.${field}`);

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
            <th scope="col">{t('catalogue.col.preparedBy')}</th>
            <th scope="col">{t('catalogue.col.approvedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {d.versions.map((v) => (
            <tr key={v.id}>
              <td>{v.number}</td>
              <td>{t(`catalogue.phase.${v.phase}`)}</td>
              <td>{v.inForceFrom ? formatDate(v.inForceFrom) : ''}</td>
              <td>{v.preparedByName ?? ''}</td>
              <td>{[v.approvedByName, v.approvedByBody].filter(Boolean).join(', ')}</td>
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
          {d.kind === 'service_level' ? (
            <p>
              <Link to={`/oekonomi/hvad-hvis?version=${draft.id}`}>{t('economy.whatIf.fromCatalogue')}</Link>
            </p>
          ) : null}
          <ErrorSummary errors={saveErrors} fieldId={ids} idPrefix="c" />
          {saved && !admin.save.isPending && !saveErrors.state.problems.length ? (
            <Alert variant="success" heading={t('catalogue.admin.saved')} />
          ) : null}
          <form onSubmit={save} noValidate>
            {TEXT_FIELDS.map(([field, label]) => (
              <Field id={ids(`content.${field}`)} label={t(label)} error={saveErrors.at(`content.${field}`)} key={field}>
                <textarea
                  id={ids(`content.${field}`)}
                  className="form-input vt-textarea"
                  rows={4}
                  value={String(content[field] ?? '')}
                  onChange={(e) => setContent({ ...content, [field]: e.target.value })}
                />
              </Field>
            ))}

            <fieldset className="vt-panel" data-testid="band-editor">
              <legend className="h3">{t('catalogue.section.profiles')}</legend>
              <p className="form-hint">{t('catalogue.admin.bandsHint')}</p>
              {bands.map((b, i) => (
                <fieldset className="vt-goal" key={b.uid}>
                  <legend className="h4">{t('catalogue.admin.band', { code: b.code || String(i + 1) })}</legend>
                  <div className="vt-filters">
                    <Field
                      id={bandId(i, 'code')}
                      label={t('catalogue.profile')}
                      error={saveErrors.at(`content.profileBands.${i}.code`)}
                    >
                      <input
                        id={bandId(i, 'code')}
                        className="form-input input-width-xs"
                        value={b.code}
                        onChange={(e) => setBand(i, { code: e.target.value })}
                      />
                    </Field>
                    <Field
                      id={bandId(i, 'above')}
                      label={t('catalogue.admin.band.above')}
                      error={saveErrors.at(`content.profileBands.${i}.above`)}
                    >
                      <input
                        id={bandId(i, 'above')}
                        inputMode="decimal"
                        className="form-input input-width-xs"
                        value={b.above}
                        onChange={(e) => setBand(i, { above: e.target.value })}
                      />
                    </Field>
                    <Field
                      id={bandId(i, 'upTo')}
                      label={t('catalogue.admin.band.upTo')}
                      error={saveErrors.at(`content.profileBands.${i}.upTo`)}
                    >
                      <input
                        id={bandId(i, 'upTo')}
                        inputMode="decimal"
                        className="form-input input-width-xs"
                        value={b.upTo}
                        onChange={(e) => setBand(i, { upTo: e.target.value })}
                      />
                    </Field>
                    <Field
                      id={bandId(i, 'severity')}
                      label={t('catalogue.profile.severity')}
                      error={saveErrors.at(`content.profileBands.${i}.severity`)}
                    >
                      <input
                        id={bandId(i, 'severity')}
                        className="form-input"
                        value={b.severity}
                        onChange={(e) => setBand(i, { severity: e.target.value })}
                      />
                    </Field>
                  </div>
                  <Field
                    id={bandId(i, 'description')}
                    label={t('catalogue.admin.band.description')}
                    error={saveErrors.at(`content.profileBands.${i}.description`)}
                  >
                    <textarea
                      id={bandId(i, 'description')}
                      className="form-input vt-textarea"
                      rows={3}
                      value={b.description}
                      onChange={(e) => setBand(i, { description: e.target.value })}
                    />
                  </Field>
                  <button
                    type="button"
                    className="button button-tertiary"
                    onClick={() => setBands((bs) => bs.filter((_, j) => j !== i))}
                  >
                    {t('catalogue.admin.band.remove', { code: b.code || String(i + 1) })}
                  </button>
                </fieldset>
              ))}
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  setBands((bs) => [
                    ...bs,
                    { uid: nextUid++, code: '', above: bs.at(-1)?.upTo ?? '0', upTo: '', severity: '', description: '' },
                  ])
                }
              >
                {t('catalogue.admin.band.add')}
              </button>
            </fieldset>

            <fieldset className="vt-panel" data-testid="task-editor">
              <legend className="h3">{t('catalogue.section.typicalTasks')}</legend>
              {areas.map((a, i) => (
                <fieldset className="vt-goal" key={a.uid}>
                  <legend className="h4">{a.area || t('catalogue.admin.area.new')}</legend>
                  <Field
                    id={ids(`content.typicalTasks.${i}.area`)}
                    label={t('catalogue.admin.area')}
                    error={saveErrors.at(`content.typicalTasks.${i}.area`)}
                  >
                    <input
                      id={ids(`content.typicalTasks.${i}.area`)}
                      className="form-input"
                      value={a.area}
                      onChange={(e) => setArea(i, { area: e.target.value })}
                    />
                  </Field>
                  <Field
                    id={ids(`content.typicalTasks.${i}.tasks`)}
                    label={t('catalogue.admin.area.tasks', { area: a.area })}
                    hint={t('catalogue.admin.onePerLine')}
                    error={saveErrors.at(`content.typicalTasks.${i}.tasks`)}
                  >
                    <textarea
                      id={ids(`content.typicalTasks.${i}.tasks`)}
                      className="form-input vt-textarea"
                      rows={5}
                      value={a.tasks}
                      onChange={(e) => setArea(i, { tasks: e.target.value })}
                    />
                  </Field>
                  <button
                    type="button"
                    className="button button-tertiary"
                    onClick={() => setAreas((as) => as.filter((_, j) => j !== i))}
                  >
                    {t('catalogue.admin.area.remove', { area: a.area || String(i + 1) })}
                  </button>
                </fieldset>
              ))}
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setAreas((as) => [...as, { uid: nextUid++, area: '', tasks: '' }])}
              >
                {t('catalogue.admin.area.add')}
              </button>
            </fieldset>

            <Field
              id={ids('content.notCovered')}
              label={t('catalogue.section.notCovered')}
              hint={t('catalogue.admin.onePerLine')}
              error={saveErrors.at('content.notCovered')}
            >
              <textarea
                id={ids('content.notCovered')}
                className="form-input vt-textarea"
                rows={8}
                value={content.notCovered.join('\n')}
                onChange={(e) => setContent({ ...content, notCovered: e.target.value.split('\n').filter((l) => l.trim()) })}
              />
            </Field>
            <Field id={ids('changeNote')} label={t('catalogue.admin.changeNote')} error={saveErrors.at('changeNote')}>
              <input
                id={ids('changeNote')}
                className="form-input"
                value={changeNote}
                onChange={(e) => setChangeNote(e.target.value)}
              />
            </Field>
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
          <p data-testid="four-eyes">
            {draft.preparedByName ? t('catalogue.admin.preparedBy', { name: draft.preparedByName }) : null}{' '}
            {t('catalogue.admin.fourEyes')}
          </p>
          {ownDraft ? <Alert variant="info" heading={t('catalogue.admin.ownDraft')} /> : null}
          <ErrorSummary errors={approveErrors} fieldId={fieldIdOf('a')} idPrefix="a" />
          {admin.approve.isSuccess ? <Alert variant="success" heading={t('catalogue.admin.approved')} /> : null}
          <form onSubmit={approve} noValidate>
            <Field id="a-inForceFrom" label={t('catalogue.admin.inForceFrom')} error={approveErrors.at('inForceFrom')}>
              <input
                id="a-inForceFrom"
                type="date"
                className="form-input"
                value={inForceFrom}
                onChange={(e) => setInForceFrom(e.target.value)}
              />
            </Field>
            <Field
              id="a-approvedByBody"
              label={t('catalogue.admin.approvedBy')}
              hint={t('catalogue.admin.approvedByHint')}
              error={approveErrors.at('approvedByBody')}
            >
              <input
                id="a-approvedByBody"
                className="form-input"
                value={approvedByBody}
                onChange={(e) => setApprovedByBody(e.target.value)}
              />
            </Field>
            <button type="submit" className="button button-primary" disabled={admin.approve.isPending}>
              {t('catalogue.admin.approve')}
            </button>
          </form>
        </>
      )}
    </>
  );
}
