import { Link, useParams } from 'react-router';
import { ApiRequestError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useOffer } from '../../modules/catalogue/catalogue.api.ts';
import { Prose } from '../../modules/catalogue/description-sections.tsx';
import { NotFoundPage } from '../not-found-page.tsx';

const kr = (n: number) => new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 }).format(n);

function List({ title, items, testId }: { title: string; items: string[]; testId?: string }) {
  if (!items.length) return null;
  return (
    <section className="vt-doc-section">
      <h2 className="h3">{title}</h2>
      <ul data-testid={testId}>
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    </section>
  );
}

/** A clean, printable page per offer (tilbud). */
export function OfferPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const offer = useOffer(id);
  if (offer.error instanceof ApiRequestError) return <NotFoundPage />;
  const o = offer.data;
  if (!o) return <p>{t('common.loading')}</p>;
  const c = o.content;
  const facts: [string, string | null][] = [
    [t('catalogue.offer.center'), o.centerName],
    [t('catalogue.col.legalBasis'), o.legalBases.join(', ')],
    [t('catalogue.offer.owner'), t(`catalogue.owner.${o.owner}`)],
    [t('catalogue.offer.provider'), o.providerName],
    [t('catalogue.offer.agreement'), o.operatingAgreement],
    ['FFB', o.ffbDisplay],
    [t('catalogue.col.places'), o.places === null ? null : [String(o.places), o.placesNote].filter(Boolean).join(' – ')],
    [t('catalogue.offer.staffing'), o.staffing],
    [
      t('catalogue.offer.rate'),
      o.rateDkk === null ? null : t(`catalogue.rate.${o.rateUnit ?? 'day'}`, { amount: kr(o.rateDkk) }),
    ],
    [t('catalogue.offer.hours'), o.openingHours],
    [t('catalogue.offer.address'), c.address || null],
  ];
  return (
    <article className="vt-document">
      <p className="vt-back d-print-none">
        <Link to="/katalog">{t('catalogue.back')}</Link>
      </p>
      <h1>
        <span className="vt-eyebrow">{o.municipalityName}</span>
        {o.name}
      </h1>
      <dl className="vt-facts" data-testid="offer-facts">
        {facts
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k} className="vt-fact">
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      <p className="d-print-none">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('catalogue.print')}
        </button>
      </p>
      {[
        [t('catalogue.offer.description'), c.description],
        [t('catalogue.section.purpose'), c.purpose],
        [t('catalogue.section.targetGroup'), c.targetGroup],
      ].map(([title, text]) =>
        text ? (
          <section key={title} className="vt-doc-section">
            <h2 className="h3">{title}</h2>
            <Prose text={text ?? ''} />
          </section>
        ) : null,
      )}
      <List title={t('catalogue.offer.baseService')} items={c.baseService} />
      {c.packages.length ? (
        <section className="vt-doc-section">
          <h2 className="h3">{t('catalogue.offer.packages')}</h2>
          {c.packages.map((p) => (
            <p key={p.includes}>
              <strong>{t(`catalogue.rate.${p.per === 'week' ? 'day' : p.per}`, { amount: kr(p.priceDkk) })}:</strong> {p.includes}
            </p>
          ))}
        </section>
      ) : null}
      <List title={t('catalogue.offer.methods')} items={c.methods} />
      <List title={t('catalogue.offer.addOns')} items={c.addOns} />
      <List title={t('catalogue.offer.exclusions')} items={c.exclusions} testId="offer-exclusions" />
      {[
        [t('catalogue.offer.staff'), c.staff],
        [t('catalogue.offer.serviceContent'), c.serviceContent],
        [t('catalogue.offer.documentation'), c.documentation],
        [t('catalogue.offer.qualityStandard'), c.qualityStandard],
      ].map(([title, text]) =>
        text ? (
          <section key={title} className="vt-doc-section">
            <h2 className="h3">{title}</h2>
            <Prose text={text ?? ''} />
          </section>
        ) : null,
      )}
      <p className="vt-source">
        {t('catalogue.source')}: {o.source}
        {c.updated ? ` (${c.updated})` : ''}
      </p>
    </article>
  );
}
