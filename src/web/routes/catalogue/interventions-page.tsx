import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { Page } from '../../../shared/api/page.ts';
import type { Intervention } from '../../../shared/catalogue/intervention.schema.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const CATEGORIES = ['Alternative boformer', 'Samværstilbud', 'Brobyggende indsatser', 'Fokuserede hjemmeplejeteams'] as const;

function Items({ title, items }: { title: string; items: string[] }) {
  return items.length ? (
    <>
      <h3 className="h5">{title}</h3>
      <ul>
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    </>
  ) : null;
}

/** Interventions that have worked elsewhere (seed 002), for caseworkers and planners. */
export function InterventionsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const category = params.get('kategori') ?? '';
  const list = useQuery({
    queryKey: ['catalogue', 'interventions', category],
    queryFn: () =>
      api<Page<Intervention>>(
        `/api/public/catalogue/interventions?pageSize=100${category ? `&category=${encodeURIComponent(category)}` : ''}`,
      ),
  });
  return (
    <>
      <p className="vt-back">
        <Link to="/katalog">{t('catalogue.back')}</Link>
      </p>
      <h1>{t('interventions.title')}</h1>
      <p className="font-lead">{t('interventions.intro')}</p>
      <div className="form-group">
        <label className="form-label" htmlFor="i-category">
          {t('interventions.category')}
        </label>
        <select
          id="i-category"
          className="form-select"
          value={category}
          onChange={(e) => setParams(e.target.value ? { kategori: e.target.value } : {})}
        >
          <option value="">{t('catalogue.filter.all')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div data-testid="interventions">
        {(list.data?.items ?? []).map((i) => (
          <details key={i.key} className="details vt-intervention">
            <summary className="details-summary">
              {i.name} – {i.municipality}
            </summary>
            <div className="details-text">
              <p>
                {t('interventions.category')}: {i.category}. {t('catalogue.col.legalBasis')}:{' '}
                {i.legalBases.join(', ') || t('common.none')}.
              </p>
              <Items title={t('catalogue.section.purpose')} items={i.purpose} />
              <Items title={t('catalogue.section.targetGroup')} items={i.targetGroup} />
              <Items title={t('interventions.content')} items={i.content} />
              <Items title={t('interventions.financing')} items={i.financing} />
              <p className="vt-source">
                {t('catalogue.source')}: {i.source}
              </p>
            </div>
          </details>
        ))}
      </div>
    </>
  );
}
