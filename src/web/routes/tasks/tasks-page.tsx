import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import { answerQuestionSchema, type TaskItem } from '../../../shared/tasks/task.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAnswerQuestion, useCompleteTask, useTasks } from '../../modules/tasks/tasks.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { Pagination } from '../../ui/pagination.tsx';

/**
 * The task inbox: what events left for the user (a complaint, a message, the provider's question, decline or FKO
 * status; for the provider a new order, a message or an answer), their deadlines within 7 days and, for a team
 * leader, the decisions awaiting approval, oldest first. Each item opens its case or order, is marked done here, or
 * (the provider's question) answered here; a decision is approved or sent back on its case.
 */
export function TasksPage({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const tasks = useTasks(page);
  const provider = user.role === 'provider_staff';
  const leader = user.role === 'team_leader';
  const [done, setDone] = useState<'done' | 'answered' | null>(null);
  const data = tasks.data;
  return (
    <>
      <h1>{t('tasks.title')}</h1>
      <p>{t(provider ? 'tasks.introProvider' : leader ? 'tasks.introTeamLeader' : 'tasks.intro')}</p>
      {done ? <Alert variant="success" heading={t(done === 'done' ? 'tasks.done' : 'tasks.answered')} /> : null}
      {tasks.isError ? <Alert variant="error" heading={t('common.error')} /> : null}
      {!data ? (
        <p>{t('common.loading')}</p>
      ) : data.total === 0 ? (
        <p data-testid="tasks-empty">{t(provider ? 'tasks.emptyProvider' : leader ? 'tasks.emptyTeamLeader' : 'tasks.empty')}</p>
      ) : (
        <>
          <p data-testid="tasks-total">{data.total === 1 ? t('tasks.total.one') : t('tasks.total', { count: data.total })}</p>
          <ul className="vt-tasks nobullet-list no-max-width" aria-label={t('tasks.list')}>
            {data.items.map((item) => (
              <TaskCard key={`${item.source}:${item.id}`} item={item} provider={provider} onDone={setDone} />
            ))}
          </ul>
          <Pagination
            page={page}
            pageSize={data.pageSize}
            total={data.total}
            onPage={(p) => setParams(p > 1 ? { page: String(p) } : {}, { replace: true })}
          />
        </>
      )}
    </>
  );
}

/** Hours as Danish and English readers both accept them here: 37,5 (the decision form's notation). */
const hours = (n: number | null) => (n === null ? '–' : String(n).replace('.', ','));

function TaskCard({ item, provider, onDone }: { item: TaskItem; provider: boolean; onDone: (how: 'done' | 'answered') => void }) {
  const { t, td, lang } = useI18n();
  const complete = useCompleteTask();
  const [error, setError] = useState<string | null>(null);
  const label =
    item.source === 'deadline' ? t('tasks.deadline', { kind: td(`deadline.${item.kind}`) }) : td(`tasks.kind.${item.kind}`);
  const headingId = `task-${item.id}`;
  const link =
    provider && item.orderId
      ? { to: `/udfoerer/${item.orderId}`, text: t('tasks.openOrder') }
      : { to: `/sager/${item.caseId}`, text: t(item.source === 'approval' ? 'tasks.approval.open' : 'tasks.openCase') };
  return (
    <li className="vt-task" aria-labelledby={headingId} data-testid="task" data-kind={item.kind}>
      <div className="vt-task-head">
        <h2 className="h4" id={headingId}>
          <span className={`vt-task-kind vt-task-kind-${item.source}`}>{label}</span>{' '}
          <span className="vt-task-who">
            {item.citizenName} · {item.journalNumber}
          </span>
        </h2>
        <p className="vt-task-when">
          {item.due ? (
            <>
              {item.overdue ? <strong className="vt-deadline vt-deadline--overdue">{t('tasks.overdue')}</strong> : null}{' '}
              {t('tasks.due', { date: formatDate(item.due) })}
            </>
          ) : item.at ? (
            t('tasks.received', { date: formatDateTime(item.at, lang) })
          ) : null}
        </p>
      </div>
      <p className="vt-task-case">{item.caseTitle}</p>
      {item.approval ? (
        <p className="vt-task-case" data-testid="task-approval">
          {t('tasks.approval.what', {
            hours: hours(item.approval.weeklyHours),
            threshold: hours(item.approval.thresholdHours),
            name: item.approval.requestedByName,
          })}
        </p>
      ) : null}
      {item.summary ? <blockquote className="vt-task-summary">{item.summary}</blockquote> : null}
      {item.source === 'deadline' ? <p className="vt-muted">{t('tasks.deadlineHint')}</p> : null}
      {item.source === 'approval' ? <p className="vt-muted">{t('tasks.approval.hint')}</p> : null}
      {error ? <Alert variant="error" heading={error} /> : null}
      {item.answerable && item.orderId && item.orderVersion !== null ? (
        <AnswerForm item={item} orderId={item.orderId} orderVersion={item.orderVersion} onDone={() => onDone('answered')} />
      ) : null}
      <div className="vt-task-actions">
        <Link to={link.to} className="button button-secondary">
          {link.text}
        </Link>
        {item.canMarkDone && item.version !== null ? (
          <button
            type="button"
            className="button button-primary"
            disabled={complete.isPending}
            aria-describedby={headingId}
            onClick={() =>
              complete.mutate(
                { id: item.id, version: item.version as number },
                {
                  onSuccess: () => onDone('done'),
                  onError: (e) => setError(e instanceof Error ? e.message : String(e)),
                },
              )
            }
          >
            {t('tasks.markDone')}
          </button>
        ) : null}
      </div>
    </li>
  );
}

/** The provider's question answered where it is read: the answer releases the held order. */
function AnswerForm({
  item,
  orderId,
  orderVersion,
  onDone,
}: {
  item: TaskItem;
  orderId: string;
  orderVersion: number;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const answer = useAnswerQuestion();
  const errors = useFormErrors();
  const id = `answer-${item.id}`;
  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = errors.check(answerQuestionSchema, { version: orderVersion, body });
    if (parsed) answer.mutate({ orderId, ...parsed }, { onSuccess: onDone, onError: errors.fail });
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('tasks.answer.submit')} className="vt-task-answer">
      <ErrorSummary errors={errors} fieldId={() => id} idPrefix={`${id}-errors`} />
      <Field id={id} label={t('tasks.answer.label')} error={errors.at('body')}>
        <textarea id={id} className="form-input vt-textarea" rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
      </Field>
      <button type="submit" className="button button-primary" disabled={answer.isPending}>
        {t('tasks.answer.submit')}
      </button>
    </form>
  );
}
