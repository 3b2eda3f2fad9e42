import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import { useProviderOrders } from '../../modules/follow-up/follow-up.api.ts';
import { formatDate } from '../../ui/format.ts';
import { Pagination } from '../../ui/pagination.tsx';

const STATES = ['active', 'incoming', 'ended'] as const;

/** The provider's start: "our citizens" with the next FKO status and the hours flag, and the incoming orders. */
export function ProviderOrdersPage() {
  const { t } = useI18n();
  const [state, setState] = useState<(typeof STATES)[number]>('active');
  const [page, setPage] = useState(1);
  const orders = useProviderOrders(state, page);
  return (
    <>
      <h1>{t('provider.title')}</h1>
      <fieldset className="form-group">
        <legend className="form-label">{t('provider.show')}</legend>
        <div className="vt-actions">
          {STATES.map((s) => (
            <div className="form-group-radio" key={s}>
              <input
                className="form-radio"
                type="radio"
                id={`state-${s}`}
                name="state"
                checked={state === s}
                onChange={() => {
                  setState(s);
                  setPage(1);
                }}
              />
              <label htmlFor={`state-${s}`}>{t(`provider.state.${s}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {orders.data ? (
        orders.data.total === 0 ? (
          <p>{t('provider.none')}</p>
        ) : (
          <>
            <div className="vt-table-scroll">
              <table className="table table--zebra" data-testid="provider-orders">
                <thead>
                  <tr>
                    <th scope="col">{t('cases.col.citizen')}</th>
                    <th scope="col">{t('order.offer')}</th>
                    <th scope="col">{t('provider.frame')}</th>
                    <th scope="col">{t('provider.nextStatus')}</th>
                    <th scope="col">{t('provider.hours')}</th>
                  </tr>
                </thead>
                <tbody>
                  {orders.data.items.map((o) => (
                    <tr key={o.id}>
                      <td>
                        <Link to={`/udfoerer/${o.id}`}>{o.citizenName}</Link>
                      </td>
                      <td>{o.offerName}</td>
                      <td>
                        {o.weeklyHours !== null
                          ? t('record.hours', { hours: String(o.weeklyHours).replace('.', ','), profile: o.profileCode ?? '–' })
                          : t('common.none')}
                        <br />
                        <span className="vt-muted">{t('provider.goals', { n: o.goals })}</span>
                      </td>
                      <td>
                        {o.nextStatus ? (
                          <>
                            {o.nextStatus.overdue ? (
                              <span className="vt-deadline vt-deadline--overdue">{t('deadline.status.overdue')}</span>
                            ) : null}{' '}
                            {t(o.nextStatus.kind === 'final' ? 'fko.final' : 'fko.quarterly')} {formatDate(o.nextStatus.due)}
                          </>
                        ) : (
                          t('common.none')
                        )}
                      </td>
                      <td>
                        {o.hoursFlag ? (
                          <span className="vt-deadline vt-deadline--overdue">{t('provider.hoursFlag')}</span>
                        ) : (
                          t('provider.hoursOk')
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={orders.data.page}
              pageSize={orders.data.pageSize}
              total={orders.data.total}
              totalCapped={orders.data.totalCapped}
              onPage={setPage}
            />
          </>
        )
      ) : (
        <p>{t('common.loading')}</p>
      )}
    </>
  );
}
