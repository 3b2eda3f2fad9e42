import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import { useDescriptions, useFfbServices, useLegalBases, useOffers } from '../../modules/catalogue/catalogue.api.ts';
import { formatDate } from '../../ui/format.ts';
import { Pagination } from '../../ui/pagination.tsx';

export const MUNICIPALITIES = [
  { code: '730', name: 'Randers Kommune' },
  { code: '760', name: 'Ringkøbing-Skjern Kommune' },
  { code: '707', name: 'Norddjurs Kommune' },
] as const;

/** The public catalogue: no log-in. Filters live in the URL so a search can be shared. */
export function CataloguePage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const municipality = params.get('kommune') ?? '';
  const legalBasis = params.get('paragraf') ?? '';
  const q = params.get('q') ?? '';
  const targetGroup = params.get('maalgruppe') ?? '';
  const ffb = params.get('ffb') ?? '';
  const services = useFfbServices();
  const page = Number(params.get('side') ?? '1') || 1;
  const descriptions = useDescriptions({ municipality, legalBasis, q, targetGroup, ffb, page });
  const offerPage = Number(params.get('tilbudsside') ?? '1') || 1;
  const offers = useOffers({ municipality, legalBasis, page: offerPage });
  const bases = useLegalBases();

  function set(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('side');
    next.delete('tilbudsside');
    setParams(next);
  }

  return (
    <>
      <h1>{t('catalogue.title')}</h1>
      <p className="font-lead">{t('catalogue.intro')}</p>
      <p>
        <Link to="/katalog/sammenlign">{t('catalogue.compare.link')}</Link> ·{' '}
        <Link to="/katalog/indsatser">{t('interventions.link')}</Link> ·{' '}
        <a href="/api/public/catalogue/export" download>
          {t('catalogue.export')}
        </a>
      </p>
      <search>
        <form className="vt-filters" onSubmit={(e) => e.preventDefault()}>
          <div className="form-group">
            <label className="form-label" htmlFor="f-municipality">
              {t('catalogue.filter.municipality')}
            </label>
            <select
              id="f-municipality"
              className="form-select"
              value={municipality}
              onChange={(e) => set('kommune', e.target.value)}
            >
              <option value="">{t('catalogue.filter.all')}</option>
              {MUNICIPALITIES.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <div className="form-group">
            <label className="form-label" htmlFor="f-basis">
              {t('catalogue.filter.legalBasis')}
            </label>
            <select id="f-basis" className="form-select" value={legalBasis} onChange={(e) => set('paragraf', e.target.value)}>
              <option value="">{t('catalogue.filter.all')}</option>
              {(bases.data ?? []).map((b) => (
                <option key={b.id} value={b.id}>
                  {b.id} – {b.title}
                </option>
              ))}
            </select>
          </div>
          <div className="form-group">
            <label className="form-label" htmlFor="f-ffb">
              {t('catalogue.filter.ffb')}
            </label>
            <select id="f-ffb" className="form-select" value={ffb} onChange={(e) => set('ffb', e.target.value)}>
              <option value="">{t('catalogue.filter.all')}</option>
              {(services.data?.items ?? []).map((c) => (
                <option key={c.code} value={c.code}>
                  {'\u00a0\u00a0'.repeat(Math.max(0, c.path.split(' > ').length - 3))}
                  {c.display}
                </option>
              ))}
            </select>
          </div>
          <div className="form-group">
            <label className="form-label" htmlFor="f-target">
              {t('catalogue.filter.targetGroup')}
            </label>
            <input
              id="f-target"
              className="form-input"
              type="search"
              defaultValue={targetGroup}
              onBlur={(e) => set('maalgruppe', e.target.value.trim())}
              onKeyDown={(e) => {
                if (e.key === 'Enter') set('maalgruppe', e.currentTarget.value.trim());
              }}
            />
          </div>
          <div className="form-group">
            <label className="form-label" htmlFor="f-q">
              {t('catalogue.filter.title')}
            </label>
            <input
              id="f-q"
              className="form-input"
              type="search"
              defaultValue={q}
              onBlur={(e) => set('q', e.target.value.trim())}
            />
          </div>
        </form>
      </search>

      <section aria-labelledby="descriptions-heading" className="vt-section">
        <h2 id="descriptions-heading">{t('catalogue.descriptions', { count: descriptions.data?.total ?? 0 })}</h2>
        {descriptions.data ? (
          <>
            <div className="vt-table-scroll">
              <table className="table table--zebra" data-testid="catalogue-descriptions">
                <thead>
                  <tr>
                    <th scope="col">{t('catalogue.col.title')}</th>
                    <th scope="col">{t('catalogue.col.legalBasis')}</th>
                    <th scope="col">{t('catalogue.col.municipality')}</th>
                    <th scope="col">FFB</th>
                    <th scope="col">{t('catalogue.col.inForce')}</th>
                  </tr>
                </thead>
                <tbody>
                  {descriptions.data.items.map((d) => (
                    <tr key={d.id}>
                      <td>
                        <Link to={`/katalog/beskrivelser/${d.id}`}>{d.title}</Link>
                      </td>
                      <td>{d.legalBasis}</td>
                      <td>{d.municipalityName}</td>
                      <td>{d.ffbDisplay ?? ''}</td>
                      <td>
                        {d.inForce?.inForceFrom
                          ? t('catalogue.versionFrom', { number: d.inForce.number, date: formatDate(d.inForce.inForceFrom) })
                          : t('common.none')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={descriptions.data.page}
              pageSize={descriptions.data.pageSize}
              total={descriptions.data.total}
              onPage={(p) => {
                const next = new URLSearchParams(params);
                next.set('side', String(p));
                setParams(next);
              }}
            />
          </>
        ) : (
          <p>{t('common.loading')}</p>
        )}
      </section>

      <section aria-labelledby="offers-heading" className="vt-section">
        <h2 id="offers-heading">{t('catalogue.offers', { count: offers.data?.total ?? 0 })}</h2>
        {offers.data ? (
          <div className="vt-table-scroll">
            <table className="table table--zebra" data-testid="catalogue-offers">
              <thead>
                <tr>
                  <th scope="col">{t('catalogue.col.offer')}</th>
                  <th scope="col">{t('catalogue.col.legalBasis')}</th>
                  <th scope="col">{t('catalogue.col.municipality')}</th>
                  <th scope="col">{t('catalogue.col.places')}</th>
                </tr>
              </thead>
              <tbody>
                {offers.data.items.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <Link to={`/katalog/tilbud/${o.id}`}>{o.name}</Link>
                    </td>
                    <td>{o.legalBases.join(', ')}</td>
                    <td>{o.municipalityName}</td>
                    <td>{o.places ?? t('common.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination
              page={offers.data.page}
              pageSize={offers.data.pageSize}
              total={offers.data.total}
              onPage={(p) => {
                const next = new URLSearchParams(params);
                next.set('tilbudsside', String(p));
                setParams(next);
              }}
            />
          </div>
        ) : null}
      </section>
    </>
  );
}
