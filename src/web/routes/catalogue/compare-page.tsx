import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { CatalogueContent, ServiceDescriptionDetail } from '../../../shared/catalogue/catalogue.schema.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { Prose } from '../../modules/catalogue/description-sections.tsx';
import { MUNICIPALITIES } from './catalogue-page.tsx';

const PARAGRAPHS = ['85', '103', '104', '107', '108', '82'];

/** The rows compared, in order: each a section of the documents. */
const ROWS: [keyof CatalogueContent, MessageKey][] = [
  ['targetGroup', 'catalogue.section.targetGroup'],
  ['purpose', 'catalogue.section.purpose'],
  ['scope', 'catalogue.section.scope'],
  ['guidelineTime', 'catalogue.section.guidelineTime'],
  ['timeLimits', 'catalogue.section.timeLimits'],
  ['duration', 'catalogue.section.duration'],
  ['notCovered', 'catalogue.section.notCovered'],
  ['delivery', 'catalogue.section.delivery'],
];

function Cell({ docs, field }: { docs: ServiceDescriptionDetail[]; field: keyof CatalogueContent }) {
  const { t } = useI18n();
  const parts = docs
    .map((d) => ({ d, value: d.shownVersion?.content[field] }))
    .filter(({ value }) => (Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value.trim()));
  if (!parts.length) return <span className="vt-muted">{t('catalogue.compare.notDescribed')}</span>;
  return (
    <>
      {parts.map(({ d, value }) => (
        <div key={d.id}>
          {docs.length > 1 ? <p className="vt-muted">{d.title}</p> : null}
          {Array.isArray(value) ? (
            <ol>
              {(value as string[]).map((v) => (
                <li key={v}>{v}</li>
              ))}
            </ol>
          ) : (
            <Prose text={String(value)} />
          )}
        </div>
      ))}
    </>
  );
}

/** Two municipalities' service levels for the same paragraph, side by side. */
export function ComparePage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const paragraph = params.get('paragraf') ?? '85';
  const a = params.get('a') ?? '760';
  const b = params.get('b') ?? '707';
  // One request: the server matches the paragraph and returns each document with its version in force.
  const compared = useQuery({
    queryKey: ['catalogue', 'compare', paragraph, a, b],
    queryFn: () => api<ServiceDescriptionDetail[]>(`/api/public/catalogue/compare?${new URLSearchParams({ paragraph, a, b })}`),
  });
  const loaded = compared.data ?? [];
  const docsOf = (code: string) => loaded.filter((d) => d.municipalityCode === code);
  const nameOf = (code: string) => MUNICIPALITIES.find((m) => m.code === code)?.name ?? code;
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next);
  };

  return (
    <>
      <p className="vt-back d-print-none">
        <Link to="/katalog">{t('catalogue.back')}</Link>
      </p>
      <h1>{t('catalogue.compare.title')}</h1>
      <p>{t('catalogue.compare.intro')}</p>
      <form className="vt-filters" onSubmit={(e) => e.preventDefault()}>
        <div className="form-group">
          <label className="form-label" htmlFor="c-paragraph">
            {t('catalogue.compare.paragraph')}
          </label>
          <select id="c-paragraph" className="form-select" value={paragraph} onChange={(e) => set('paragraf', e.target.value)}>
            {PARAGRAPHS.map((p) => (
              <option key={p} value={p}>
                SEL § {p}
              </option>
            ))}
          </select>
        </div>
        {(['a', 'b'] as const).map((side) => (
          <div className="form-group" key={side}>
            <label className="form-label" htmlFor={`c-${side}`}>
              {t(side === 'a' ? 'catalogue.compare.first' : 'catalogue.compare.second')}
            </label>
            <select
              id={`c-${side}`}
              className="form-select"
              value={side === 'a' ? a : b}
              onChange={(e) => set(side, e.target.value)}
            >
              {MUNICIPALITIES.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
        ))}
      </form>
      {/* Until the answer for this choice is in, say so: an empty column would claim "not described". */}
      {compared.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <div className="vt-table-scroll">
          <table className="table vt-compare" data-testid="comparison">
            <caption>{t('catalogue.compare.caption', { paragraph, a: nameOf(a), b: nameOf(b) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalogue.compare.section')}</th>
                <th scope="col">{nameOf(a)}</th>
                <th scope="col">{nameOf(b)}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('catalogue.compare.documents')}</th>
                {[a, b].map((code) => (
                  <td key={code}>
                    {docsOf(code).length ? (
                      <ul>
                        {docsOf(code).map((d) => (
                          <li key={d.id}>
                            <Link to={`/katalog/beskrivelser/${d.id}`}>{d.title}</Link> ({d.legalBasis})
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="vt-muted">{t('catalogue.compare.none')}</span>
                    )}
                  </td>
                ))}
              </tr>
              {ROWS.map(([field, label]) => (
                <tr key={field}>
                  <th scope="row">{t(label)}</th>
                  <td>
                    <Cell docs={docsOf(a)} field={field} />
                  </td>
                  <td>
                    <Cell docs={docsOf(b)} field={field} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
