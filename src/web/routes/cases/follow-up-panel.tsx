import { type FormEvent, useState } from 'react';
import { dateProblems } from '../../../rules/records/date-constraints.ts';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { FOLLOW_UP_OUTCOMES, followUpSchema } from '../../../shared/follow-up/follow-up.schema.ts';
import { plainDateInCopenhagen } from '../../../shared/plain-date.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCaseCommand } from '../../modules/cases/cases.api.ts';
import { FOLLOW_UPS_PAGE_SIZE, type FollowUpView, useFollowUp, useFollowUps } from '../../modules/follow-up/follow-up.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { ChoiceField, Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDate } from '../../ui/format.ts';
import { GoalChart } from '../../ui/goal-chart.tsx';
import { MessageThread } from '../../ui/message-thread.tsx';
import { Pagination } from '../../ui/pagination.tsx';
import { HoursTable, OrderJournal } from '../provider/provider-order-page.tsx';
import { DraftLetter, useDraftLetter } from './letter-preview.tsx';

/**
 * The authority's follow-up on the case page: each goal's FKO history as a chart, hours against the frame, the
 * provider's notes and messages, and the outcome (FFB "Status på indsats"): continue, end and refer, or end.
 */
export function FollowUpPanel({ c }: { c: CaseDetail }) {
  const { t, td } = useI18n();
  const f = useFollowUp(c.id, c.order !== null);
  const [outcome, setOutcome] = useState<(typeof FOLLOW_UP_OUTCOMES)[number]>('continue');
  const [heldOn, setHeldOn] = useState<string>(plainDateInCopenhagen(new Date()));
  const [note, setNote] = useState('');
  const [next, setNext] = useState('');
  const [reasons, setReasons] = useState('');
  // Ending support is a decision: whether the citizen was heard is a person's statement, never preselected.
  const [hearing, setHearing] = useState<'done' | 'not_needed' | null>(null);
  const errors = useFormErrors();
  const [hearingNote, setHearingNote] = useState('');
  const hold = useCaseCommand<unknown>(c.id, 'follow-up');
  const send = useCaseCommand<{ body: string }>(c.id, 'follow-up/messages');
  const revisit = useCaseCommand<{ version: number; reason: string }>(c.id, 'revisitation');
  // Ending support is a decision with a letter: shown before it is sent.
  const draft = useDraftLetter<unknown>(c.id, 'follow-up');
  const v = f.data;
  if (!c.order || !v) return null;
  const o = v.order;
  if (o.state === 'declined') {
    // No support started: hours, goals' scores and a follow-up date would describe support that never was.
    return (
      <section aria-labelledby="follow-up-heading" className="vt-section" data-testid="follow-up">
        <h2 id="follow-up-heading">{t('followUp.title')}</h2>
        <Alert variant="info" heading={t('followUp.declined', { date: formatDate(o.declined?.on ?? o.orderedOn) })}>
          {o.declined ? <p>{o.declined.reason}</p> : null}
        </Alert>
      </section>
    );
  }
  const open = c.status === 'ordered' && o.endsOn === null;
  const ending = outcome !== 'continue';
  const input = {
    version: c.version,
    outcome,
    heldOn,
    note,
    nextFollowUp: outcome === 'continue' ? next || null : null,
    reasons,
    partyHearing: ending ? hearing : null,
    partyHearingNote: hearingNote,
  };
  const checked = () =>
    errors.check(followUpSchema, input, dateProblems('follow_up', input, { today: plainDateInCopenhagen(new Date()) }));
  function show() {
    const parsed = checked();
    if (parsed) draft.show(parsed, input, errors.fail);
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = checked();
    if (parsed) hold.mutate(parsed, { onError: errors.fail, onSuccess: errors.clear });
  }
  const ids = fieldIdOf('fu');
  const fieldId = (path: string) => (path === 'partyHearing' ? 'fu-partyHearing-done' : ids(path));
  return (
    <section aria-labelledby="follow-up-heading" className="vt-section" data-testid="follow-up">
      <h2 id="follow-up-heading">{t('followUp.title')}</h2>
      <dl className="vt-facts">
        <dt>{t('order.offer')}</dt>
        <dd>
          {o.offerName} · {td(`provider.orderState.${o.state}`)}
          {o.actualStart ? ` · ${t('provider.start')} ${formatDate(o.actualStart)}` : ''}
          {o.endsOn ? ` · ${t('provider.endsOn', { date: formatDate(o.endsOn) })}` : ''}
        </dd>
        <dt>{t('followUp.next')}</dt>
        <dd>{formatDate(o.firstFollowUp)}</dd>
      </dl>
      {v.timeLimit ? (
        <Alert variant={v.timeLimit === 'expired' ? 'error' : 'warning'} heading={td(`timeLimit.${v.timeLimit}`)} />
      ) : null}
      {o.goals.map((g) => (
        <div className="vt-goal" key={g.id}>
          <h3 className="h4">
            {t('order.goal', { n: g.position })}: {g.text} – {td(`progress.${g.progress}`)}
          </h3>
          {g.nextStatus?.overdue ? (
            <Alert variant="warning" heading={t('followUp.statusOverdue', { date: formatDate(g.nextStatus.due) })} />
          ) : null}
          <GoalChart
            baseline={g.baselineSupportNeedCode}
            target={g.targetSupportNeedCode}
            statuses={g.statuses}
            labels={{ baseline: t('fko.baseline'), target: t('fko.target'), final: t('fko.final') }}
          />
        </div>
      ))}
      <h3 className="h4">{t('provider.hours')}</h3>
      <HoursTable o={o} />
      <h3 className="h4">{t('provider.journal')}</h3>
      <OrderJournal o={o} side="authority" />
      <h3 className="h4">{t('messages.title')}</h3>
      <MessageThread id="fm-body" messages={o.messages} label={t('messages.toProvider')} send={send} />
      {open ? (
        <form onSubmit={submit} noValidate className="vt-panel" aria-label={t('followUp.hold')}>
          <h3 className="h4">{t('followUp.hold')}</h3>
          <ErrorSummary errors={errors} fieldId={fieldId} idPrefix="fu" />
          <ChoiceField
            id="fu-outcome"
            legend={t('followUp.outcome')}
            options={FOLLOW_UP_OUTCOMES}
            value={outcome}
            onChange={setOutcome}
            labelOf={(x) => td(`followUp.outcome.${x}`)}
          />
          <div className="vt-filters">
            <Field id={ids('heldOn')} label={t('followUp.heldOn')} error={errors.at('heldOn')}>
              <input
                id={ids('heldOn')}
                type="date"
                className="form-input"
                value={heldOn}
                onChange={(e) => setHeldOn(e.target.value)}
              />
            </Field>
            {outcome === 'continue' ? (
              <Field id={ids('nextFollowUp')} label={t('followUp.nextDate')} error={errors.at('nextFollowUp')}>
                <input
                  id={ids('nextFollowUp')}
                  type="date"
                  className="form-input"
                  value={next}
                  onChange={(e) => setNext(e.target.value)}
                />
              </Field>
            ) : null}
          </div>
          <Field id={ids('note')} label={t('followUp.note')} error={errors.at('note')}>
            <textarea
              id={ids('note')}
              className="form-input vt-textarea"
              rows={3}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </Field>
          {outcome !== 'continue' ? (
            <Field
              id={ids('reasons')}
              label={t('followUp.reasons')}
              hint={t('followUp.reasons.hint')}
              error={errors.at('reasons')}
            >
              <textarea
                id={ids('reasons')}
                className="form-input vt-textarea"
                rows={3}
                value={reasons}
                onChange={(e) => setReasons(e.target.value)}
              />
            </Field>
          ) : null}
          {outcome !== 'continue' ? (
            <ChoiceField
              id="fu-partyHearing"
              legend={t('decision.partyHearing')}
              hint={t('decision.partyHearing.hint')}
              error={errors.at('partyHearing')}
              options={['done', 'not_needed'] as const}
              value={hearing}
              onChange={setHearing}
              labelOf={(h) => td(`decision.partyHearing.${h}`)}
            />
          ) : null}
          {outcome !== 'continue' && hearing === 'not_needed' ? (
            <Field id={ids('partyHearingNote')} label={t('decision.partyHearing.why')} error={errors.at('partyHearingNote')}>
              <input
                id={ids('partyHearingNote')}
                className="form-input"
                value={hearingNote}
                onChange={(e) => setHearingNote(e.target.value)}
              />
            </Field>
          ) : null}
          <div className="vt-actions">
            <button type="submit" className="button button-primary" disabled={hold.isPending}>
              {td(`followUp.submit.${outcome}`)}
            </button>
            <button
              type="button"
              className="button button-tertiary"
              disabled={revisit.isPending}
              onClick={() =>
                revisit.mutate({ version: c.version, reason: note || t('followUp.revisit.reason') }, { onError: errors.fail })
              }
            >
              {t('followUp.revisit')}
            </button>
            {ending ? (
              <button type="button" className="button button-secondary" onClick={show} disabled={draft.isPending}>
                {t('letter.draft.show')}
                <span className="sr-only"> ({td(`followUp.outcome.${outcome}`)})</span>
              </button>
            ) : null}
          </div>
          {ending ? <DraftLetter letter={draft.letter} stale={draft.isStale(input)} /> : null}
        </form>
      ) : null}
      {v.followUpsTotal ? <FollowUpHistory caseId={c.id} v={v} /> : null}
    </section>
  );
}

/** The case's follow-ups, newest first, a page at a time: the first from the follow-up view, the rest by their route. */
function FollowUpHistory({ caseId, v }: { caseId: string; v: FollowUpView }) {
  const { t, td } = useI18n();
  const [page, setPage] = useState(1);
  const more = useFollowUps(caseId, page);
  const shown = page === 1 ? v.followUps.slice(0, FOLLOW_UPS_PAGE_SIZE) : (more.data?.items ?? []);
  return (
    <>
      <h3 className="h4">{t('followUp.history')}</h3>
      <ul data-testid="follow-up-history">
        {shown.map((x) => (
          <li key={x.id}>
            <strong>{formatDate(x.heldOn)}</strong>: {td(`followUp.outcome.${x.outcome}`)} – {x.note}
          </li>
        ))}
      </ul>
      <Pagination page={page} pageSize={FOLLOW_UPS_PAGE_SIZE} total={v.followUpsTotal} onPage={setPage} />
    </>
  );
}
