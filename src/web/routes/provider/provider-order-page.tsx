import { type FormEvent, Fragment, type KeyboardEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { dateProblems } from '../../../rules/records/date-constraints.ts';
import { SUPPORT_NEED_LEVELS, SUPPORT_NOT_ASSESSED } from '../../../shared/assessment/ffb-terms.ts';
import {
  acceptOrderSchema,
  fkoStatusSchema,
  type GoalView,
  hoursSchema,
  journalEntrySchema,
  type ProviderOrder,
  subgoalSchema,
} from '../../../shared/follow-up/follow-up.schema.ts';
import { plainDateInCopenhagen } from '../../../shared/plain-date.ts';
import { askQuestionSchema, declineOrderSchema } from '../../../shared/tasks/task.schema.ts';
import { ApiRequestError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  ORDER_JOURNAL_PAGE_SIZE,
  useOrderCommand,
  useOrderJournal,
  useProviderOrder,
} from '../../modules/follow-up/follow-up.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { ChoiceField, Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDate, numberOrText } from '../../ui/format.ts';
import { GoalChart } from '../../ui/goal-chart.tsx';
import { MessageThread } from '../../ui/message-thread.tsx';
import { Pagination } from '../../ui/pagination.tsx';
import { NotFoundPage } from '../not-found-page.tsx';

const today = () => plainDateInCopenhagen(new Date());
const lastMonday = () => {
  const d = new Date(`${today()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) - 7);
  return d.toISOString().slice(0, 10);
};
const LEVELS = SUPPORT_NEED_LEVELS.filter((l) => l.code !== SUPPORT_NOT_ASSESSED);

/** One order at the provider: accept it, document daily, register hours, score FKO statuses; one screen. */
export function ProviderOrderPage() {
  const { t, td } = useI18n();
  const { id = '' } = useParams();
  const order = useProviderOrder(id);
  if (order.error instanceof ApiRequestError && [400, 404].includes(order.error.status)) return <NotFoundPage />;
  const o = order.data;
  if (!o) return <p>{t('common.loading')}</p>;
  return (
    <>
      <p className="vt-back">
        <Link to="/udfoerer">{t('provider.back')}</Link>
      </p>
      <h1>
        <span className="vt-eyebrow">{o.offerName}</span>
        {o.citizen.name}
      </h1>
      <p data-testid="order-state">
        {t('cases.col.status')}: <strong>{td(`provider.orderState.${o.state}`)}</strong>
      </p>
      <dl className="vt-facts">
        <dt>{t('provider.frame')}</dt>
        <dd>
          {o.frame.legalBasis}:{' '}
          {o.frame.weeklyHours !== null
            ? t('record.hours', { hours: String(o.frame.weeklyHours).replace('.', ','), profile: o.frame.profileCode ?? '–' })
            : t('record.modules', { days: String(o.frame.moduleDays ?? '') })}
          {o.frame.timeLimitUntil ? ` · ${t('provider.until', { date: formatDate(o.frame.timeLimitUntil) })}` : ''}
        </dd>
        <dt>{t('provider.contact')}</dt>
        <dd>{[o.citizen.address, o.citizen.phone].filter(Boolean).join(' · ') || t('common.none')}</dd>
        <dt>{t('provider.caseworker')}</dt>
        <dd>{o.caseworkerName ?? t('common.none')}</dd>
        <dt>{t('provider.start')}</dt>
        <dd>
          {o.actualStart ? formatDate(o.actualStart) : t('provider.notStarted')}
          {o.startDeadline ? ` (${t('provider.startDeadline', { date: formatDate(o.startDeadline) })})` : ''}
          {o.endsOn ? ` · ${t('provider.endsOn', { date: formatDate(o.endsOn) })}` : ''}
        </dd>
        <dt>{t('order.firstFollowUp')}</dt>
        <dd>{formatDate(o.firstFollowUp)}</dd>
      </dl>
      <section aria-labelledby="decision-heading" className="vt-section" data-testid="provider-decision">
        <h2 id="decision-heading">{t('provider.decision', { date: formatDate(o.decision.decidedOn) })}</h2>
        {o.decision.text.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </section>
      {o.plan ? (
        <section aria-labelledby="plan-heading" className="vt-section" data-testid="provider-plan">
          <h2 id="plan-heading">{t('record.plan')}</h2>
          <dl className="vt-facts">
            {(['purpose', 'services', 'expectedDuration'] as const).map((k) =>
              o.plan?.[k] ? (
                <Fragment key={k}>
                  <dt>{t(`order.plan.${k}`)}</dt>
                  <dd>{o.plan[k]}</dd>
                </Fragment>
              ) : null,
            )}
          </dl>
          <p className="vt-muted">{t('provider.plan.scope')}</p>
        </section>
      ) : null}
      <OrderAnswer o={o} />
      {o.state === 'accepted' || o.state === 'ended' ? <JournalForm o={o} /> : null}
      <section aria-labelledby="goals-heading" className="vt-section">
        <h2 id="goals-heading">{t('provider.goalsTitle')}</h2>
        {o.goals.map((g) => (
          <GoalCard key={g.id} o={o} g={g} />
        ))}
      </section>
      {o.state === 'accepted' || o.state === 'ended' ? <HoursSection o={o} /> : null}
      <Messages o={o} />
    </>
  );
}

type Answer = 'accept' | 'ask' | 'decline';

/**
 * The provider's answer to an order: accept it, ask the caseworker a question (the order waits for the answer), or
 * decline it with a reason. Only the actions the order's status allows are offered (rules/follow-up/order-actions.ts).
 */
function OrderAnswer({ o }: { o: ProviderOrder }) {
  const { t } = useI18n();
  const options = (['accept', 'ask', 'decline'] as const).filter((a) => o.actions.includes(a));
  // Accepting is the common answer: it is chosen to begin with, so accepting stays one click.
  const [choice, setChoice] = useState<Answer | null>(
    options.includes('accept') || options.length === 1 ? (options[0] ?? null) : null,
  );
  if (o.state === 'declined' && o.declined) {
    return (
      <Alert variant="info" heading={t('provider.declined.heading', { date: formatDate(o.declined.on) })}>
        <p data-testid="decline-reason">{o.declined.reason}</p>
      </Alert>
    );
  }
  if (!options.length) return null;
  const chosen = choice && options.includes(choice) ? choice : null;
  return (
    <section aria-labelledby="answer-heading" className="vt-panel">
      <h2 id="answer-heading" className="h3">
        {t('provider.answer.title')}
      </h2>
      {o.state === 'on_hold' ? (
        <Alert variant="info" heading={t('provider.onHold.heading')}>
          <p>{t('provider.onHold.text')}</p>
        </Alert>
      ) : null}
      {options.length > 1 ? (
        <ChoiceField
          id="answer-choice"
          legend={t('provider.answer.choose')}
          options={options}
          value={chosen}
          onChange={setChoice}
          labelOf={(a) => t(`provider.answer.${a}`)}
        />
      ) : null}
      {chosen === 'accept' ? <AcceptForm o={o} /> : null}
      {chosen === 'ask' ? <QuestionForm o={o} /> : null}
      {chosen === 'decline' ? <DeclineForm o={o} /> : null}
    </section>
  );
}

function AcceptForm({ o }: { o: ProviderOrder }) {
  const { t } = useI18n();
  const [start, setStart] = useState<string>(today());
  const accept = useOrderCommand<{ version: number; startDate: string }>(o.id, 'accept');
  const errors = useFormErrors();
  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = errors.check(acceptOrderSchema, { version: o.version, startDate: start });
    if (parsed) accept.mutate(parsed, { onError: errors.fail });
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('provider.accept')}>
      <ErrorSummary errors={errors} fieldId={() => 'accept-start'} idPrefix="accept" />
      <Field id="accept-start" label={t('provider.actualStart')} error={errors.at('startDate')}>
        <input id="accept-start" type="date" className="form-input" value={start} onChange={(e) => setStart(e.target.value)} />
      </Field>
      <button type="submit" className="button button-primary" disabled={accept.isPending}>
        {t('provider.accept')}
      </button>
    </form>
  );
}

/** A question to the caseworker; the order waits (on hold) until it is answered. */
function QuestionForm({ o }: { o: ProviderOrder }) {
  const { t } = useI18n();
  const [question, setQuestion] = useState('');
  const ask = useOrderCommand<{ version: number; question: string }>(o.id, 'question');
  const errors = useFormErrors();
  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = errors.check(askQuestionSchema, { version: o.version, question });
    if (parsed) ask.mutate(parsed, { onError: errors.fail });
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('provider.question.submit')}>
      <ErrorSummary errors={errors} fieldId={() => 'question-body'} idPrefix="question" />
      <Field
        id="question-body"
        label={t('provider.question.label')}
        hint={t('provider.question.hint')}
        error={errors.at('question')}
      >
        <textarea
          id="question-body"
          className="form-input vt-textarea"
          rows={4}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
        />
      </Field>
      <button type="submit" className="button button-primary" disabled={ask.isPending}>
        {t('provider.question.submit')}
      </button>
    </form>
  );
}

/** Declining: the reason goes to the caseworker, who orders elsewhere. */
function DeclineForm({ o }: { o: ProviderOrder }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const decline = useOrderCommand<{ version: number; reason: string }>(o.id, 'decline');
  const errors = useFormErrors();
  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = errors.check(declineOrderSchema, { version: o.version, reason });
    if (parsed) decline.mutate(parsed, { onError: errors.fail });
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('provider.decline.submit')}>
      <ErrorSummary errors={errors} fieldId={() => 'decline-reason'} idPrefix="decline" />
      <Field
        id="decline-reason"
        label={t('provider.decline.label')}
        hint={t('provider.decline.hint')}
        error={errors.at('reason')}
      >
        <textarea
          id="decline-reason"
          className="form-input vt-textarea"
          rows={4}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      <button type="submit" className="button button-primary" disabled={decline.isPending}>
        {t('provider.decline.submit')}
      </button>
    </form>
  );
}

/** Daily documentation: goal, date and text; Ctrl+Enter saves, so a note takes no mouse at all. */
function JournalForm({ o }: { o: ProviderOrder }) {
  const { t } = useI18n();
  const [goalId, setGoalId] = useState(o.goals[0]?.id ?? '');
  const [on, setOn] = useState<string>(today());
  const [body, setBody] = useState('');
  const save = useOrderCommand<{ goalId: string; writtenOn: string; body: string }>(o.id, 'journal');
  const errors = useFormErrors();
  const ids = (path: string) => ({ goalId: 'j-goal', writtenOn: 'j-date', body: 'j-body' })[path] ?? '';
  function submit(e?: FormEvent) {
    e?.preventDefault();
    const input = { goalId, writtenOn: on, body };
    const parsed = errors.check(journalEntrySchema, input, dateProblems('journal_entry', input, { today: today() }));
    if (parsed) save.mutate(parsed, { onSuccess: () => setBody(''), onError: errors.fail });
  }
  function keys(e: KeyboardEvent) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
  }
  return (
    <section aria-labelledby="journal-heading" className="vt-section">
      <h2 id="journal-heading">{t('provider.journal')}</h2>
      <form onSubmit={submit} noValidate className="vt-panel" aria-label={t('provider.journal.add')}>
        <ErrorSummary errors={errors} fieldId={ids} idPrefix="j" />
        {save.isSuccess && !errors.state.problems.length ? (
          <Alert variant="success" heading={t('provider.journal.saved')} />
        ) : null}
        <div className="vt-filters">
          <Field id="j-goal" label={t('provider.journal.goal')} error={errors.at('goalId')}>
            <select id="j-goal" className="form-select" value={goalId} onChange={(e) => setGoalId(e.target.value)}>
              {o.goals.map((g) => (
                <option key={g.id} value={g.id}>
                  {t('order.goal', { n: g.position })}: {g.text}
                </option>
              ))}
            </select>
          </Field>
          <Field id="j-date" label={t('provider.journal.date')} error={errors.at('writtenOn')}>
            <input id="j-date" type="date" className="form-input" value={on} onChange={(e) => setOn(e.target.value)} />
          </Field>
        </div>
        <Field id="j-body" label={t('provider.journal.body')} hint={t('provider.journal.hint')} error={errors.at('body')}>
          <textarea
            id="j-body"
            className="form-input vt-textarea"
            rows={3}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={keys}
          />
        </Field>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('provider.journal.add')}
        </button>
      </form>
      <OrderJournal o={o} side="provider" />
    </section>
  );
}

/**
 * The provider's journal on an order, newest first, a page at a time: the first page from the order view, the rest
 * from the journal's own route. For the provider's page and the authority's follow-up alike.
 */
export function OrderJournal({ o, side }: { o: ProviderOrder; side: 'provider' | 'authority' }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const more = useOrderJournal(o.id, side, page);
  const entries = page === 1 ? o.journal.slice(0, ORDER_JOURNAL_PAGE_SIZE) : (more.data?.items ?? []);
  if (!o.journalTotal) return <p>{t(side === 'provider' ? 'provider.journal.none' : 'followUp.noJournal')}</p>;
  return (
    <>
      <ul data-testid="journal">
        {entries.map((j) => (
          <li key={j.id}>
            <strong>{formatDate(j.writtenOn)}</strong> (
            {t('order.goal', { n: o.goals.find((g) => g.id === j.goalId)?.position ?? '' })}) – {j.body}{' '}
            <span className="vt-muted">· {j.authorName}</span>
          </li>
        ))}
      </ul>
      <Pagination page={page} pageSize={ORDER_JOURNAL_PAGE_SIZE} total={o.journalTotal} onPage={setPage} />
    </>
  );
}

function GoalCard({ o, g }: { o: ProviderOrder; g: GoalView }) {
  const { t, td } = useI18n();
  const [kind, setKind] = useState<'quarterly' | 'final'>(g.nextStatus?.kind ?? 'quarterly');
  const [on, setOn] = useState<string>(today());
  const [level, setLevel] = useState('');
  const [why, setWhy] = useState('');
  const [sub, setSub] = useState('');
  const [subDate, setSubDate] = useState('');
  const score = useOrderCommand<unknown>(o.id, `goals/${g.id}/statuses`);
  const addSub = useOrderCommand<unknown>(o.id, `goals/${g.id}/subgoals`);
  const scoreErrors = useFormErrors();
  const subErrors = useFormErrors();
  const scoreIds = (path: string) =>
    ({
      kind: `k-${g.id}-quarterly`,
      supportNeedCode: `s-${g.id}-level`,
      justification: `s-${g.id}-why`,
      scoredOn: `s-${g.id}-date`,
    })[path] ?? '';
  const subIds = (path: string) => ({ text: `sub-${g.id}`, targetDate: `sub-${g.id}-date` })[path] ?? '';
  const finalGiven = g.statuses.some((s) => s.kind === 'final');
  return (
    <div className="vt-goal" data-testid={`goal-${g.position}`}>
      <h3 className="h4">
        {t('order.goal', { n: g.position })}: {g.text}
      </h3>
      <p>
        {t('order.goal.indicator')}: {g.indicator} · {t('order.goal.targetDate')}: {formatDate(g.targetDate)}
        <br />
        <strong>{td(`progress.${g.progress}`)}</strong>
        {g.nextStatus ? (
          <>
            {' · '}
            {g.nextStatus.overdue ? (
              <span className="vt-deadline vt-deadline--overdue">{t('deadline.status.overdue')}</span>
            ) : null}{' '}
            {t('provider.nextStatusDue', {
              kind: t(g.nextStatus.kind === 'final' ? 'fko.final' : 'fko.quarterly'),
              date: formatDate(g.nextStatus.due),
            })}
          </>
        ) : null}
      </p>
      <GoalChart
        baseline={g.baselineSupportNeedCode}
        target={g.targetSupportNeedCode}
        statuses={g.statuses}
        labels={{ baseline: t('fko.baseline'), target: t('fko.target'), final: t('fko.final') }}
      />
      {g.subgoals.length ? (
        <>
          <h4 className="h5">{t('provider.subgoals')}</h4>
          <ul>
            {g.subgoals.map((s) => (
              <li key={s.id}>
                {s.text} ({formatDate(s.targetDate)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {o.state !== 'ordered' && !finalGiven ? (
        <div className="vt-quick">
          <form
            noValidate
            aria-label={t('fko.score', { n: g.position })}
            onSubmit={(e) => {
              e.preventDefault();
              const input = { version: g.version, kind, scoredOn: on, supportNeedCode: level, justification: why };
              const parsed = scoreErrors.check(fkoStatusSchema, input, dateProblems('fko_status', input, { today: today() }));
              if (!parsed) return;
              score.mutate(parsed, {
                onSuccess: () => {
                  setWhy('');
                  setLevel('');
                },
                onError: scoreErrors.fail,
              });
            }}
          >
            <h4 className="h5">{t('fko.score', { n: g.position })}</h4>
            <ErrorSummary errors={scoreErrors} fieldId={scoreIds} idPrefix={`s-${g.id}`} />
            {score.isSuccess && !scoreErrors.state.problems.length ? <Alert variant="success" heading={t('fko.saved')} /> : null}
            <ChoiceField
              id={`k-${g.id}`}
              legend={t('fko.kind')}
              options={['quarterly', 'final'] as const}
              value={kind}
              onChange={setKind}
              labelOf={(k) => t(k === 'final' ? 'fko.final' : 'fko.quarterly')}
            />
            <Field id={`s-${g.id}-level`} label={t('fko.level', { n: g.position })} error={scoreErrors.at('supportNeedCode')}>
              <select id={`s-${g.id}-level`} className="form-select" value={level} onChange={(e) => setLevel(e.target.value)}>
                <option value="">{t('assessment.choose')}</option>
                {LEVELS.map((l) => (
                  <option key={l.code} value={l.code}>
                    {l.display}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`s-${g.id}-why`} label={t('fko.justification', { n: g.position })} error={scoreErrors.at('justification')}>
              <input id={`s-${g.id}-why`} className="form-input" value={why} onChange={(e) => setWhy(e.target.value)} />
            </Field>
            <Field id={`s-${g.id}-date`} label={t('fko.date')} error={scoreErrors.at('scoredOn')}>
              <input
                id={`s-${g.id}-date`}
                type="date"
                className="form-input"
                value={on}
                onChange={(e) => setOn(e.target.value)}
              />
            </Field>
            <button type="submit" className="button button-primary" disabled={score.isPending}>
              {t('fko.save', { n: g.position })}
            </button>
          </form>
          <form
            noValidate
            aria-label={t('provider.subgoal.add', { n: g.position })}
            onSubmit={(e) => {
              e.preventDefault();
              const input = { text: sub, targetDate: subDate };
              const parsed = subErrors.check(subgoalSchema, input, dateProblems('subgoal', input, { today: today() }));
              if (parsed) addSub.mutate(parsed, { onSuccess: () => setSub(''), onError: subErrors.fail });
            }}
          >
            <h4 className="h5">{t('provider.subgoal.add', { n: g.position })}</h4>
            <ErrorSummary errors={subErrors} fieldId={subIds} idPrefix={`sub-${g.id}`} />
            <Field id={`sub-${g.id}`} label={t('provider.subgoal.text')} error={subErrors.at('text')}>
              <input id={`sub-${g.id}`} className="form-input" value={sub} onChange={(e) => setSub(e.target.value)} />
            </Field>
            <Field id={`sub-${g.id}-date`} label={t('order.goal.targetDate')} error={subErrors.at('targetDate')}>
              <input
                id={`sub-${g.id}-date`}
                type="date"
                className="form-input"
                value={subDate}
                onChange={(e) => setSubDate(e.target.value)}
              />
            </Field>
            <button type="submit" className="button button-secondary" disabled={addSub.isPending}>
              {t('provider.subgoal.save')}
            </button>
          </form>
        </div>
      ) : null}
    </div>
  );
}

export function HoursTable({ o }: { o: ProviderOrder }) {
  const { t } = useI18n();
  return (
    <>
      {o.hours.flag ? (
        <Alert
          variant="warning"
          heading={t('hours.flag', { weeks: o.hours.setting.weeks, pct: Math.round(o.hours.setting.tolerance * 100) })}
        />
      ) : null}
      <div className="vt-table-scroll">
        <table className="table table--compact" data-testid="hours">
          <caption className="sr-only">{t('provider.hours')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('hours.week')}</th>
              <th scope="col">{t('hours.delivered')}</th>
              <th scope="col">{t('hours.granted')}</th>
            </tr>
          </thead>
          <tbody>
            {[...o.hours.weeks].reverse().map((w) => (
              <tr key={w.weekStart}>
                <td>
                  {t('hours.weekNo', { n: w.week })} ({formatDate(w.weekStart)})
                </td>
                <td>
                  {w.hours === null ? t('hours.none') : String(w.hours).replace('.', ',')}
                  {w.outside ? <span className="vt-deadline vt-deadline--overdue"> {t('hours.outside')}</span> : null}
                </td>
                <td>{o.hours.grantedWeekly === null ? t('common.none') : String(o.hours.grantedWeekly).replace('.', ',')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function HoursSection({ o }: { o: ProviderOrder }) {
  const { t } = useI18n();
  const [week, setWeek] = useState(lastMonday());
  const [hours, setHours] = useState('');
  const [saved, setSaved] = useState<{ weekStart: string; hours: number } | null>(null);
  const save = useOrderCommand<{ weekStart: string; hours: number }>(o.id, 'hours', 'PUT');
  const errors = useFormErrors();
  const ids = fieldIdOf('h');
  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const parsed = errors.check(hoursSchema, { weekStart: week, hours: numberOrText(hours) });
    if (!parsed) return;
    save.mutate(parsed, {
      onSuccess: () => {
        setHours('');
        setSaved(parsed);
      },
      onError: errors.fail,
    });
  }
  return (
    <section aria-labelledby="hours-heading" className="vt-section">
      <h2 id="hours-heading">{t('provider.hours')}</h2>
      <p>{t('hours.intro')}</p>
      <ErrorSummary errors={errors} fieldId={ids} idPrefix="h" />
      {saved ? (
        <Alert
          variant="success"
          heading={t('hours.saved', { hours: String(saved.hours).replace('.', ','), date: formatDate(saved.weekStart) })}
        />
      ) : null}
      <form onSubmit={submit} noValidate className="vt-filters" aria-label={t('hours.register')}>
        <Field id={ids('weekStart')} label={t('hours.weekOf')} error={errors.at('weekStart')}>
          <input
            id={ids('weekStart')}
            type="date"
            className="form-input"
            value={week}
            onChange={(e) => setWeek(e.target.value)}
          />
        </Field>
        <Field id={ids('hours')} label={t('hours.delivered')} error={errors.at('hours')}>
          <input
            id={ids('hours')}
            inputMode="decimal"
            className="form-input input-width-xs"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
          />
        </Field>
        <div className="form-group">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {t('hours.register')}
          </button>
        </div>
      </form>
      <HoursTable o={o} />
    </section>
  );
}

function Messages({ o }: { o: ProviderOrder }) {
  const { t } = useI18n();
  const send = useOrderCommand<{ body: string }>(o.id, 'messages');
  return (
    <section aria-labelledby="messages-heading" className="vt-section">
      <h2 id="messages-heading">{t('messages.title')}</h2>
      <MessageThread id="m-body" messages={o.messages} label={t('messages.toAuthority')} send={send} />
    </section>
  );
}
