import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAgreements } from '../../modules/agreements/agreements.api.ts';
import { formatDate } from '../../ui/format.ts';
import { TableScroll } from '../../ui/table-scroll.tsx';

/** The council's agreements with its centers (aftaleenheder), newest period first per center. */
export function AgreementsPage() {
  const { t } = useI18n();
  const agreements = useAgreements();
  return (
    <>
      <h1>{t('agreements.title')}</h1>
      <p>{t('agreements.intro')}</p>
      {!agreements.data ? (
        <p>{t('common.loading')}</p>
      ) : agreements.data.length === 0 ? (
        <p>{t('agreements.empty')}</p>
      ) : (
        <TableScroll label={t('agreements.caption')}>
          <table className="table table--zebra" data-testid="agreements-table">
            <caption>{t('agreements.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agreements.agreement')}</th>
                <th scope="col">{t('agreements.center')}</th>
                <th scope="col">{t('agreements.period')}</th>
                <th scope="col" className="vt-num">
                  {t('agreements.goals')}
                </th>
              </tr>
            </thead>
            <tbody>
              {agreements.data.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={`/aftaler/${a.id}`}>{a.title}</Link>
                    {a.invented ? <span className="vt-muted"> · {t('agreements.invented')}</span> : null}
                  </th>
                  <td>{a.unitName}</td>
                  <td>
                    {formatDate(a.periodFrom)}–{formatDate(a.periodTo)}
                  </td>
                  <td className="vt-num">{a.goalCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
