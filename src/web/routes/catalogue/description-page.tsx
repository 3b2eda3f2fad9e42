import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { can } from '../../../shared/access/permissions.ts';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import { ApiRequestError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useDescription, useDiff } from '../../modules/catalogue/catalogue.api.ts';
import { DescriptionSections } from '../../modules/catalogue/description-sections.tsx';
import { formatDate } from '../../ui/format.ts';
import { NotFoundPage } from '../not-found-page.tsx';

function VersionSelect(props: {
  id: string;
  label: string;
  numbers: number[];
  value: number | undefined;
  onChange: (n: number | undefined) => void;
}) {
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={props.id}>
        {props.label}
      </label>
      <select
        id={props.id}
        className="form-select"
        value={props.value ?? ''}
        onChange={(e) => props.onChange(Number(e.target.value) || undefined)}
      >
        <option value="">–</option>
        {props.numbers.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A clean, printable page per service description, with its history and a diff between any two versions. */
export function DescriptionPage({ user }: { user: SessionUser | null }) {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const version = params.get('version') ? Number(params.get('version')) : undefined;
  const detail = useDescription(id, version);
  const [from, setFrom] = useState<number | undefined>();
  const [to, setTo] = useState<number | undefined>();
  const diff = useDiff(id, from, to);
  if (detail.error instanceof ApiRequestError) return <NotFoundPage />;
  const d = detail.data;
  if (!d) return <p>{t('common.loading')}</p>;
  const shown = d.shownVersion;
  return (
    <article className="vt-document">
      <p className="vt-back d-print-none">
        <Link to="/katalog">{t('catalogue.back')}</Link>
      </p>
      <h1>
        <span className="vt-eyebrow">
          {d.municipalityName} · {d.legalBasis}
        </span>
        {d.title}
      </h1>
      {shown ? (
        <p data-testid="version-line">
          {t('catalogue.versionLine', {
            number: shown.number,
            phase: t(`catalogue.phase.${shown.phase}`),
            date: shown.inForceFrom ? formatDate(shown.inForceFrom) : '',
            body: shown.approvedByBody ?? '',
          })}
        </p>
      ) : (
        <p>{t('catalogue.noVersionInForce')}</p>
      )}
      {d.ffbDisplay ? (
        <p>
          {t('catalogue.ffb')}: {d.ffbDisplay}
        </p>
      ) : null}
      <p className="d-print-none vt-actions">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('catalogue.print')}
        </button>
        {user && can(user.role, 'catalogue.edit') && user.municipality.code === d.municipalityCode ? (
          <Link className="button button-secondary" to={`/admin/katalog/${d.id}`}>
            {t('catalogue.admin.edit')}
          </Link>
        ) : null}
      </p>
      {shown ? <DescriptionSections content={shown.content} /> : null}

      <section aria-labelledby="history-heading" className="vt-section d-print-none">
        <h2 id="history-heading">{t('catalogue.history')}</h2>
        <table className="table table--compact" data-testid="version-history">
          <thead>
            <tr>
              <th scope="col">{t('catalogue.version')}</th>
              <th scope="col">{t('catalogue.col.status')}</th>
              <th scope="col">{t('catalogue.col.inForce')}</th>
              <th scope="col">{t('catalogue.col.approvedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {d.versions.map((v) => (
              <tr key={v.id}>
                <td>
                  <Link to={`?version=${v.number}`}>{v.number}</Link>
                </td>
                <td>{t(`catalogue.phase.${v.phase}`)}</td>
                <td>{v.inForceFrom ? formatDate(v.inForceFrom) : ''}</td>
                <td>
                  {[v.approvedByBody, v.approvedByName].filter(Boolean).join(' – ')}
                  {v.preparedByName ? ` (${t('catalogue.preparedBy', { name: v.preparedByName })})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {d.versions.length > 1 ? (
          <form className="vt-filters" onSubmit={(e) => e.preventDefault()}>
            <VersionSelect
              id="diff-from"
              label={t('catalogue.diff.from')}
              numbers={d.versions.map((v) => v.number)}
              value={from}
              onChange={setFrom}
            />
            <VersionSelect
              id="diff-to"
              label={t('catalogue.diff.to')}
              numbers={d.versions.map((v) => v.number)}
              value={to}
              onChange={setTo}
            />
          </form>
        ) : null}
        {diff.data ? (
          <table className="table table--compact" data-testid="version-diff">
            <caption>{t('catalogue.diff.caption', { from: from ?? '', to: to ?? '' })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalogue.diff.field')}</th>
                <th scope="col">{t('catalogue.diff.before')}</th>
                <th scope="col">{t('catalogue.diff.after')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.data.changes.map((c) => (
                <tr key={c.path}>
                  <td>{c.path}</td>
                  <td>
                    <del>{typeof c.before === 'string' ? c.before : JSON.stringify(c.before ?? '')}</del>
                  </td>
                  <td>
                    <ins>{typeof c.after === 'string' ? c.after : JSON.stringify(c.after ?? '')}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </article>
  );
}
