import { type FormEvent, useMemo, useState } from 'react';
import { can } from '../../../shared/access/permissions.ts';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import {
  type CapacityOffer,
  type WaitingAction,
  type WaitingEntry,
  waitingActionSchema,
} from '../../../shared/economy/economy.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCapacity, useEconomyCommand, useWaitingList } from '../../modules/economy/economy.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Chart } from '../../ui/chart/chart.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDate } from '../../ui/format.ts';
import { formatNumber, formatPct } from '../../ui/number-format.ts';
import { Pagination } from '../../ui/pagination.tsx';
import { TableScroll } from '../../ui/table-scroll.tsx';
import { monthNames } from './forecast-panel.tsx';

const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * Capacity and the waiting list on one page, for the team leader and the center's management: places, occupancy from
 * running orders and sold places, vacant and reserved places, over-occupancy flagged, occupancy % over the year; and
 * the granted citizens waiting for a place, in the order places are filled, with waiting time. Places are offered,
 * accepted or declined here.
 */
export function CapacityPage({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const [on, setOn] = useState('');
  const capacity = useCapacity(on || null);
  const withPlaces = useMemo(
    () => (capacity.data?.offers ?? []).filter((o) => o.places !== null && o.places > 0),
    [capacity.data],
  );
  const months = useMemo(() => monthNames(lang), [lang]);
  const series = useMemo(
    () =>
      withPlaces.map((o) => ({
        name: o.name,
        type: 'line' as const,
        values: o.months.map((m) => m.averagePct),
      })),
    [withPlaces],
  );
  const c = capacity.data;
  return (
    <>
      <h1>{t('capacity.title')}</h1>
      <div className="vt-filters">
        <Field id="capacity-on" label={t('capacity.on')}>
          <input
            id="capacity-on"
            className="form-input"
            type="date"
            value={on || c?.on || ''}
            onChange={(e) => setOn(e.target.value)}
          />
        </Field>
      </div>
      {!c ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          {c.offers.some((o) => o.over) ? (
            <Alert variant="warning" heading={t('capacity.over')}>
              {c.offers
                .filter((o) => o.over)
                .map((o) => o.name)
                .join(', ')}
            </Alert>
          ) : null}
          <TableScroll label={t('capacity.caption', { date: formatDate(c.on) })}>
            <table className="table table--zebra table--compact" data-testid="capacity-table">
              <caption>{t('capacity.caption', { date: formatDate(c.on) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('economy.rates.offer')}</th>
                  <th scope="col" className="vt-num">
                    {t('capacity.places')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('capacity.occupied')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('capacity.reserved')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('capacity.vacant')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('capacity.pct')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('capacity.yearPct', { year: c.year })}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('capacity.waiting')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {c.offers
                  .filter((o) => o.places !== null || o.occupied > 0 || o.waiting > 0)
                  .map((o) => (
                    <tr key={o.offerId}>
                      <th scope="row">
                        {o.name}
                        {o.over ? ` – ${t('capacity.overTag')}` : ''}
                      </th>
                      <td className="vt-num">{o.places ?? '–'}</td>
                      <td className="vt-num">{o.occupied}</td>
                      <td className="vt-num">{o.reserved}</td>
                      <td className="vt-num">{o.vacant ?? '–'}</td>
                      <td className={`vt-num${o.over ? ' vt-negative' : ''}`}>{o.pct === null ? '–' : formatPct(o.pct, lang)}</td>
                      <td className="vt-num">
                        {o.averagePct === null ? '–' : formatPct(o.averagePct, lang)}
                        {o.assumedOccupancyPct
                          ? ` (${t('capacity.assumed', { pct: formatPct(o.assumedOccupancyPct, lang) })})`
                          : ''}
                      </td>
                      <td className="vt-num">{o.waiting}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </TableScroll>
          {series.length > 0 ? (
            <Chart
              title={t('capacity.chart', { year: c.year })}
              description={t('capacity.chartDescription')}
              categoryLabel={t('economy.chart.month')}
              categories={months}
              series={series}
              format="pct"
            />
          ) : null}
          {can(user.role, 'waiting_list.read') ? (
            <WaitingListSection offers={c.offers} canWrite={can(user.role, 'waiting_list.write')} />
          ) : null}
        </>
      )}
    </>
  );
}

function WaitingListSection({ offers, canWrite }: { offers: CapacityOffer[]; canWrite: boolean }) {
  const { t, td } = useI18n();
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const [page, setPage] = useState(1);
  const [acting, setActing] = useState<string | null>(null);
  const list = useWaitingList(status, page, true);
  const l = list.data;
  return (
    <section className="vt-section" aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t('waiting.title')}</h2>
      {l ? (
        <dl className="vt-kpis" data-testid="waiting-stats">
          <div className="vt-kpi">
            <dt>{t('waiting.open')}</dt>
            <dd>{l.stats.open}</dd>
          </div>
          <div className="vt-kpi">
            <dt>{t('waiting.average')}</dt>
            <dd>{l.stats.averageOpenDays === null ? '–' : t('waiting.days', { n: l.stats.averageOpenDays })}</dd>
          </div>
          <div className="vt-kpi">
            <dt>{t('waiting.longest')}</dt>
            <dd>{l.stats.longestOpenDays === null ? '–' : t('waiting.days', { n: l.stats.longestOpenDays })}</dd>
          </div>
          <div className="vt-kpi">
            <dt>{t('waiting.median')}</dt>
            <dd>{l.stats.medianPlacedDays === null ? '–' : t('waiting.days', { n: formatNumber(l.stats.medianPlacedDays) })}</dd>
          </div>
        </dl>
      ) : null}
      <fieldset className="form-group">
        <legend className="form-label">{t('waiting.show')}</legend>
        {(['open', 'closed'] as const).map((s) => (
          <div className="form-group-radio" key={s}>
            <input
              className="form-radio"
              type="radio"
              id={`waiting-${s}`}
              name="waiting-status"
              checked={status === s}
              onChange={() => {
                setStatus(s);
                setPage(1);
              }}
            />
            <label htmlFor={`waiting-${s}`}>{t(`waiting.show.${s}`)}</label>
          </div>
        ))}
      </fieldset>
      {!l ? (
        <p>{t('common.loading')}</p>
      ) : l.total === 0 ? (
        <p>{t('waiting.none')}</p>
      ) : (
        <>
          <TableScroll label={t('waiting.title')}>
            <table className="table table--zebra table--compact" data-testid="waiting-list">
              <thead>
                <tr>
                  <th scope="col">{t('waiting.priority')}</th>
                  <th scope="col">{t('economy.drill.citizen')}</th>
                  <th scope="col">{t('waiting.wants')}</th>
                  <th scope="col">{t('waiting.decided')}</th>
                  <th scope="col">{t('waiting.needed')}</th>
                  <th scope="col" className="vt-num">
                    {t('waiting.waited')}
                  </th>
                  <th scope="col">{t('waiting.status')}</th>
                  {canWrite && status === 'open' ? <th scope="col">{t('waiting.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {l.items.map((e) => (
                  <tr key={e.id}>
                    <td>{td(`waiting.priority.${e.priority}`)}</td>
                    <th scope="row">{e.citizenName}</th>
                    <td>
                      {e.offerName ?? t('waiting.anyOffer')} ({e.legalBasis})
                    </td>
                    <td>{formatDate(e.decidedOn)}</td>
                    <td>{formatDate(e.neededFrom)}</td>
                    <td className="vt-num">{t('waiting.days', { n: e.waitingDays })}</td>
                    <td>
                      {t(`waiting.status.${e.status}`, {
                        offer: e.offeredOfferName ?? '',
                        answerBy: e.answerBy ? formatDate(e.answerBy) : '',
                        start: e.startOn ? formatDate(e.startOn) : '',
                      })}
                      {e.declines > 0 ? ` · ${t('waiting.declines', { n: e.declines })}` : ''}
                    </td>
                    {canWrite && status === 'open' ? (
                      <td>
                        <button
                          type="button"
                          className="button button-secondary"
                          onClick={() => setActing(acting === e.id ? null : e.id)}
                          aria-expanded={acting === e.id}
                        >
                          {t('waiting.act', { name: e.citizenName ?? '' })}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pagination page={l.page} pageSize={l.pageSize} total={l.total} onPage={setPage} />
          {acting && l.items.find((e) => e.id === acting) ? (
            <WaitingActions
              entry={l.items.find((e) => e.id === acting) as WaitingEntry}
              offers={offers}
              onDone={() => setActing(null)}
            />
          ) : null}
        </>
      )}
    </section>
  );
}

/** Offer a place (offers with a vacant place first), record the answer, or take the citizen off the list. */
function WaitingActions({ entry, offers, onDone }: { entry: WaitingEntry; offers: CapacityOffer[]; onDone: () => void }) {
  const { t } = useI18n();
  const act = useEconomyCommand<WaitingAction>(() => `/api/waiting-list/${entry.id}/actions`);
  const suitable = offers.filter(
    (o) => entry.offerId === o.offerId || (!entry.offerId && o.legalBases.some((b) => b === entry.legalBasis)),
  );
  const [offerId, setOfferId] = useState(entry.offeredOfferId ?? entry.offerId ?? suitable[0]?.offerId ?? '');
  const [on, setOn] = useState(todayIso());
  const [answerBy, setAnswerBy] = useState('');
  const [startOn, setStartOn] = useState('');
  const [note, setNote] = useState('');
  const errors = useFormErrors();
  const send = (body: Record<string, unknown>) => (e?: FormEvent) => {
    e?.preventDefault();
    const parsed = errors.check(waitingActionSchema, { version: entry.version, on, note, ...body });
    if (parsed) act.mutate(parsed, { onSuccess: onDone, onError: errors.fail });
  };
  const err = errors.at;
  return (
    <section className="vt-section" aria-labelledby="act-title" data-testid="waiting-actions">
      <h3 id="act-title">{t('waiting.actTitle', { name: entry.citizenName ?? '' })}</h3>
      <ErrorSummary
        errors={errors}
        fieldId={(p) => `act-${p === 'offerId' ? 'offer' : p === 'answerBy' ? 'answer' : p === 'startOn' ? 'start' : p}`}
        idPrefix="act"
      />
      <Field id="act-on" label={t('waiting.date')} error={err('on')}>
        <input id="act-on" className="form-input" type="date" value={on} onChange={(e) => setOn(e.target.value)} />
      </Field>
      <Field id="act-note" label={t('waiting.note')} error={err('note')}>
        <input id="act-note" className="form-input" value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      {entry.status === 'waiting' ? (
        <form onSubmit={send({ action: 'offer', offerId, answerBy: answerBy || null })} noValidate>
          <Field id="act-offer" label={t('waiting.offerPlace')} error={err('offerId')}>
            <select id="act-offer" className="form-select" value={offerId} onChange={(e) => setOfferId(e.target.value)}>
              {suitable.map((o) => (
                <option key={o.offerId} value={o.offerId}>
                  {t('waiting.offerOption', { name: o.name, vacant: o.vacant ?? '–' })}
                </option>
              ))}
            </select>
          </Field>
          <Field id="act-answer" label={t('waiting.answerBy')} error={err('answerBy')}>
            <input
              id="act-answer"
              className="form-input"
              type="date"
              value={answerBy}
              onChange={(e) => setAnswerBy(e.target.value)}
            />
          </Field>
          <button type="submit" className="button button-primary" disabled={act.isPending}>
            {t('waiting.doOffer')}
          </button>
        </form>
      ) : (
        <form onSubmit={send({ action: 'accept', startOn })} noValidate>
          <Field id="act-start" label={t('waiting.startOn')} error={err('startOn')}>
            <input
              id="act-start"
              className="form-input"
              type="date"
              value={startOn}
              onChange={(e) => setStartOn(e.target.value)}
            />
          </Field>
          <button type="submit" className="button button-primary" disabled={act.isPending}>
            {t('waiting.doAccept')}
          </button>{' '}
          <button
            type="button"
            className="button button-secondary"
            onClick={send({ action: 'decline' })}
            disabled={act.isPending}
          >
            {t('waiting.doDecline')}
          </button>
        </form>
      )}
      <p>
        <button type="button" className="button button-tertiary" onClick={send({ action: 'withdraw' })} disabled={act.isPending}>
          {t('waiting.doWithdraw')}
        </button>
      </p>
    </section>
  );
}
