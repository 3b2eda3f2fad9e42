import { useState } from 'react';
import { IMPORT_KINDS, type ImportKind, type ImportView } from '../../../shared/import/import.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { uploadImport, useImports, useRunImport } from '../../modules/import/import.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { formatBytes, formatDateTime, requestError } from '../../ui/format.ts';
import { Pagination } from '../../ui/pagination.tsx';

/** What a checked file will do, and what an imported file did (the server's counts). */
const COUNT_KEYS: Record<ImportKind, { checked: string[]; imported: string[] }> = {
  cases: {
    checked: ['citizensNew', 'citizensExisting', 'casesNew', 'casesExisting', 'assessments', 'decisions', 'orders'],
    imported: ['citizensAdded', 'casesAdded', 'casesSkipped', 'assessments', 'decisions', 'orders'],
  },
  offers: { checked: ['new', 'changed', 'unchanged', 'missing'], imported: ['added', 'changed'] },
  fhir: {
    checked: ['citizensNew', 'citizensExisting', 'casesNew', 'casesExisting', 'assessments'],
    imported: ['citizensAdded', 'casesAdded', 'casesSkipped', 'assessments'],
  },
};

/** What the checked file holds, or its errors: line, column, reason and the value as written. */
function Checked({ view }: { view: ImportView }) {
  const { t, lang } = useI18n();
  const fmt = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'da-DK');
  return (
    <section aria-labelledby="import-checked-heading">
      <h2 id="import-checked-heading">{t('import.checked.title', { filename: view.filename })}</h2>
      <p>
        {t(view.kind === 'fhir' ? 'import.checked.facts.fhir' : 'import.checked.facts', {
          rows: fmt.format(view.rowCount),
          encoding: view.encoding,
          size: formatBytes(view.bytes, lang),
        })}
      </p>
      {view.sameFileImportedAt ? (
        <Alert variant="info">{t('import.sameFile', { at: formatDateTime(view.sameFileImportedAt, lang) })}</Alert>
      ) : null}
      {view.status === 'invalid' ? (
        <>
          <Alert variant="error" heading={t('import.invalid.heading', { errors: fmt.format(view.errorCount) })}>
            {t('import.invalid.text')}
          </Alert>
          <div className="vt-table-scroll">
            <table className="table table--zebra" data-testid="import-errors">
              <caption className="sr-only">{t('import.errors.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(view.kind === 'fhir' ? 'import.col.line.fhir' : 'import.col.line')}</th>
                  <th scope="col">{t(view.kind === 'fhir' ? 'import.col.field.fhir' : 'import.col.field')}</th>
                  <th scope="col">{t('import.col.reason')}</th>
                  <th scope="col">{t('import.col.value')}</th>
                </tr>
              </thead>
              <tbody>
                {view.errors.map((e) => (
                  <tr key={`${e.line}-${e.field}-${e.key}-${e.value}`}>
                    <td>{e.line}</td>
                    <td>{e.field}</td>
                    <td>{lang === 'en' ? e.message.en : e.message.da}</td>
                    <td>{e.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {view.errors.length < view.errorCount ? (
            <p>{t('import.errors.more', { shown: fmt.format(view.errors.length), all: fmt.format(view.errorCount) })}</p>
          ) : null}
        </>
      ) : (
        <dl className="vt-facts" data-testid="import-counts">
          {COUNT_KEYS[view.kind][view.status === 'imported' ? 'imported' : 'checked'].map((k) => (
            <div key={k} className="vt-fact">
              <dt>{t(`import.count.${view.kind === 'fhir' ? 'cases' : view.kind}.${k}` as MessageKey)}</dt>
              <dd>{fmt.format(view.counts[k] ?? 0)}</dd>
            </div>
          ))}
        </dl>
      )}
      {view.kind === 'offers' && view.offers.some((o) => o.change !== 'unchanged') ? (
        <div className="vt-table-scroll">
          <table className="table table--zebra" data-testid="import-offers">
            <caption>{t('import.offers.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.offers.number')}</th>
                <th scope="col">{t('import.offers.name')}</th>
                <th scope="col">{t('import.offers.change')}</th>
                <th scope="col">{t('import.offers.fields')}</th>
              </tr>
            </thead>
            <tbody>
              {view.offers
                .filter((o) => o.change !== 'unchanged')
                .map((o) => (
                  <tr key={o.tilbudsnummer}>
                    <td>{o.tilbudsnummer}</td>
                    <td>{o.name}</td>
                    <td>{t(`import.count.offers.${o.change}` as MessageKey)}</td>
                    <td>{o.fields.map((f) => `${f.field}: ${f.before || '–'} → ${f.after || '–'}`).join('; ')}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function History() {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const imports = useImports(page);
  if (!imports.data) return <p>{t('common.loading')}</p>;
  return (
    <section className="vt-section" aria-labelledby="import-history-heading">
      <h2 id="import-history-heading">{t('import.history')}</h2>
      {imports.data.total === 0 ? (
        <p>{t('import.history.none')}</p>
      ) : (
        <>
          <div className="vt-table-scroll">
            <table className="table table--zebra" data-testid="import-history">
              <caption className="sr-only">{t('import.history')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.col.file')}</th>
                  <th scope="col">{t('import.kind')}</th>
                  <th scope="col">{t('import.col.status')}</th>
                  <th scope="col">{t('import.col.rows')}</th>
                  <th scope="col">{t('import.col.by')}</th>
                </tr>
              </thead>
              <tbody>
                {imports.data.items.map((i) => (
                  <tr key={i.id}>
                    <td>{i.filename}</td>
                    <td>{t(`import.kind.${i.kind}`)}</td>
                    <td>
                      {t(`import.status.${i.status}`)}
                      {i.status === 'invalid' ? ` (${t('import.errorCount', { errors: i.errorCount })})` : ''}
                    </td>
                    <td>{i.rowCount}</td>
                    <td>
                      {i.createdByName}, {formatDateTime(i.importedAt ?? i.createdAt, lang)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={imports.data.page} pageSize={imports.data.pageSize} total={imports.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}

/**
 * Import from the system the municipality leaves: pick the kind and the file, read what is wrong with it (every row,
 * with line and column; nothing is written), fix the file and check it again, then import it in one go.
 */
export function ImportPage() {
  const { t, lang } = useI18n();
  const [kind, setKind] = useState<ImportKind>('cases');
  const [file, setFile] = useState<File | null>(null);
  const [checking, setChecking] = useState(false);
  const [view, setView] = useState<ImportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { run, start, reset } = useRunImport();
  const fmt = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'da-DK');

  const check = async () => {
    setError(null);
    reset();
    if (!file) {
      setError(t('import.file.missing'));
      return;
    }
    setChecking(true);
    try {
      setView(await uploadImport(kind, file));
    } catch (e) {
      setView(null);
      setError(requestError(e) ?? null);
    } finally {
      setChecking(false);
    }
  };

  return (
    <>
      <h1>{t('import.title')}</h1>
      <p>{t('import.intro')}</p>
      <ul>
        {IMPORT_KINDS.filter((k) => k !== 'fhir').map((k) => (
          <li key={k}>
            <a href={`/api/imports/templates/${k}`} download>
              {t('import.template', { kind: t(`import.kind.${k}`) })}
            </a>
          </li>
        ))}
      </ul>
      <p className="form-hint">{t('import.format')}</p>
      <form
        className="vt-section"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <fieldset>
          <legend className="form-label">{t('import.kind')}</legend>
          {IMPORT_KINDS.map((k) => (
            <div className="form-group-radio" key={k}>
              <input
                id={`import-kind-${k}`}
                type="radio"
                className="form-radio"
                name="import-kind"
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              <label htmlFor={`import-kind-${k}`}>{t(`import.kind.${k}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className={`form-group${error ? ' form-error' : ''}`}>
          <label className="form-label" htmlFor="import-file">
            {t('import.file')}
          </label>
          <span className="form-hint" id="import-file-hint">
            {t(kind === 'fhir' ? 'import.file.hint.fhir' : 'import.file.hint')}
          </span>
          {error ? (
            <span className="form-error-message" id="import-file-error">
              {error}
            </span>
          ) : null}
          <input
            id="import-file"
            type="file"
            accept={kind === 'fhir' ? '.json,.ndjson,application/json,application/fhir+json' : '.csv,text/csv'}
            className="form-file-input"
            aria-describedby={error ? 'import-file-hint import-file-error' : 'import-file-hint'}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setView(null);
              reset();
            }}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={checking}>
          {checking ? t('import.checking') : t('import.check')}
        </button>
      </form>
      {view ? <Checked view={run.state === 'done' ? run.view : view} /> : null}
      {view?.status === 'valid' && run.state === 'idle' ? (
        <button type="button" className="button button-primary" onClick={() => void start(view.id)}>
          {t('import.run', { rows: fmt.format(view.rowCount) })}
        </button>
      ) : null}
      {run.state === 'running' ? (
        <div className="form-group" aria-live="polite">
          <label className="form-label" htmlFor="import-progress">
            {t('import.progress', { done: fmt.format(run.done), total: fmt.format(run.total) })}
          </label>
          <progress id="import-progress" max={Math.max(run.total, 1)} value={run.done} />
        </div>
      ) : null}
      {run.state === 'done' ? (
        <Alert variant="success" heading={t('import.done')}>
          {t('import.done.text', { rows: fmt.format(run.view.rowCount), rate: fmt.format(Math.round(run.rowsPerSecond)) })}
        </Alert>
      ) : null}
      {run.state === 'error' ? <Alert variant="error">{t('import.failed', { message: run.message })}</Alert> : null}
      <History />
    </>
  );
}
