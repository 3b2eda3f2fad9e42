import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { answerQuestionSchema } from '../../../shared/tasks/task.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { hasOpenComplaint, useCaseActions } from '../../modules/cases/cases.api.ts';
import { useAnswerQuestion } from '../../modules/tasks/tasks.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { type CaseSection, casePath } from './case-sections.tsx';
import { CloseCase } from './close-case.tsx';
import { ReceiptForm } from './receipt-form.tsx';

/** A link to the section where the next step is done, unless the user is already there. */
function GoTo({ c, section, here, label }: { c: CaseDetail; section: CaseSection; here: CaseSection; label: MessageKey }) {
  const { t } = useI18n();
  if (section === here) return null;
  return (
    <Link to={casePath(c.id, section)} className="button button-primary">
      {t(label)}
    </Link>
  );
}

/**
 * The next step, in the same place on every section of the case: what to do now, and the button that does it
 * (the receipt and the start of the assessment right here) or takes the user to the section where it is done.
 * When a step moves the case on, the case page follows it to the next step's section (case-page.tsx).
 */
export function NextStep({ c, section }: { c: CaseDetail; section: CaseSection }) {
  const { t, td } = useI18n();
  const actions = useCaseActions(c.id);
  const [receipt, setReceipt] = useState(false);
  const errors = useFormErrors();
  const [answered, setAnswered] = useState(false);
  return (
    <section className="vt-next-step" aria-labelledby="next-heading" data-testid="next-step">
      <h2 id="next-heading" className="h4">
        {t('cases.next')}
      </h2>
      <ErrorSummary errors={errors} fieldId={() => ''} idPrefix="step" />
      {answered && c.order?.state !== 'on_hold' ? <Alert variant="success" heading={t('tasks.answered')} /> : null}
      {c.allowedActions.includes('send_receipt') ? (
        receipt ? (
          <ReceiptForm c={c} onCancel={() => setReceipt(false)} />
        ) : (
          <div className="vt-next-step__actions">
            <button type="button" className="button button-primary" onClick={() => setReceipt(true)}>
              {t('cases.action.sendReceipt')}
            </button>
            <CloseCase c={c} />
          </div>
        )
      ) : c.allowedActions.includes('start_assessment') ? (
        <div className="vt-next-step__actions">
          <button
            type="button"
            className="button button-primary"
            disabled={actions.startAssessment.isPending}
            onClick={() => actions.startAssessment.mutate({ version: c.version }, { onError: errors.fail })}
          >
            {t('cases.action.startAssessment')}
          </button>
          <CloseCase c={c} />
        </div>
      ) : c.status === 'assessment' ? (
        <>
          <p>{t('cases.next.assessment')}</p>
          <div className="vt-next-step__actions">
            {section === 'udredning' ? (
              <GoTo c={c} section="afgoerelse" here={section} label="case.next.go.decision" />
            ) : (
              <GoTo c={c} section="udredning" here={section} label="case.next.go.assessment" />
            )}
            <CloseCase c={c} />
          </div>
        </>
      ) : hasOpenComplaint(c) ? (
        <>
          <p>{t('cases.next.complaint')}</p>
          <div className="vt-next-step__actions">
            <GoTo c={c} section="afgoerelse" here={section} label="case.next.go.complaint" />
          </div>
        </>
      ) : c.allowedActions.includes('order') ? (
        <>
          {c.order?.state === 'declined' && c.order.declined ? (
            <DeclinedOrder offerName={c.order.offerName} declined={c.order.declined} />
          ) : (
            <p>{t('cases.next.order')}</p>
          )}
          <div className="vt-next-step__actions">
            <GoTo
              c={c}
              section="plan"
              here={section}
              label={c.order?.state === 'declined' ? 'case.next.go.orderElsewhere' : 'case.next.go.plan'}
            />
            <CloseCase c={c} />
          </div>
        </>
      ) : c.order?.state === 'on_hold' ? (
        <OrderQuestion order={c.order} onAnswered={() => setAnswered(true)} />
      ) : (
        <>
          <p>{td(`cases.next.${c.status}`)}</p>
          <div className="vt-next-step__actions">
            <CloseCase c={c} />
          </div>
        </>
      )}
    </section>
  );
}

type Order = NonNullable<CaseDetail['order']>;

/** The provider declined the order: who, when and why; the next step is to order the support elsewhere. */
function DeclinedOrder({ offerName, declined }: { offerName: string; declined: NonNullable<Order['declined']> }) {
  const { t } = useI18n();
  return (
    <div data-testid="order-declined">
      <p>
        <strong>{t('case.next.declined', { offer: offerName, date: formatDate(declined.on) })}</strong>
      </p>
      <blockquote className="vt-task-summary" data-testid="order-declined-reason">
        {declined.reason}
      </blockquote>
      <p>{t('case.next.declined.then')}</p>
    </div>
  );
}

/**
 * The provider holds the order with a question: the question as asked, and the answer written right here, which
 * releases the order to be accepted or declined (order-actions.ts: on hold → ordered) and completes the task.
 */
function OrderQuestion({ order, onAnswered }: { order: Order; onAnswered: () => void }) {
  const { t, lang } = useI18n();
  const [body, setBody] = useState('');
  const answer = useAnswerQuestion();
  const errors = useFormErrors();
  const id = 'next-answer';
  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = errors.check(answerQuestionSchema, { version: order.version, body });
    if (parsed) answer.mutate({ orderId: order.id, ...parsed }, { onSuccess: onAnswered, onError: errors.fail });
  }
  return (
    <div data-testid="order-on-hold">
      <p>
        <strong>{t('case.next.onHold', { offer: order.offerName })}</strong>
      </p>
      {order.question ? (
        <>
          <blockquote className="vt-task-summary" data-testid="order-question">
            {order.question.body}
          </blockquote>
          <p className="vt-muted">
            {t('case.next.onHold.asked', {
              name: order.question.authorName,
              at: formatDateTime(order.question.askedAt, lang),
            })}
          </p>
        </>
      ) : null}
      <form onSubmit={submit} noValidate aria-label={t('case.next.onHold.answer')}>
        <ErrorSummary errors={errors} fieldId={() => id} idPrefix={`${id}-errors`} />
        <Field id={id} label={t('tasks.answer.label')} error={errors.at('body')}>
          <textarea id={id} className="form-input vt-textarea" rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
        </Field>
        <div className="vt-next-step__actions">
          <button type="submit" className="button button-primary" disabled={answer.isPending}>
            {t('tasks.answer.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
