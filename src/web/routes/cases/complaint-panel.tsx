import { type FormEvent, useState } from 'react';
import { dateProblems } from '../../../rules/records/date-constraints.ts';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import {
  APPEAL_OUTCOME_KEYS,
  appealResultSchema,
  COMPLAINT_FORMS,
  type ComplaintView,
  reconsiderSchema,
  registerComplaintSchema,
} from '../../../shared/cases/complaint.schema.ts';
import { plainDateInCopenhagen } from '../../../shared/plain-date.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { hasOpenComplaint, useCaseCommand } from '../../modules/cases/cases.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { ChoiceField, Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDate } from '../../ui/format.ts';
import { DraftLetter, useDraftLetter } from './letter-preview.tsx';

const RECONSIDERATION = ['upheld', 'maintained'] as const;

/**
 * Complaints (klager): register one against the latest decision, reconsider it, forward it, record Ankestyrelsen's
 * result. The complaint deadline and the forwarding deadline show in the deadline table above.
 */
export function ComplaintPanel({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const open = hasOpenComplaint(c);
  const canRegister = c.decisions.length > 0 && c.allowedActions.includes('register_complaint') && !open;
  if (!c.decisions.length && !c.complaints.length) return null;
  return (
    <section aria-labelledby="complaints-heading" className="vt-section" data-testid="case-complaints">
      <h2 id="complaints-heading">{t('complaint.title')}</h2>
      {c.complaints.map((x) => (
        <ComplaintItem key={x.id} caseId={c.id} complaint={x} />
      ))}
      {canRegister ? <RegisterComplaint c={c} /> : null}
    </section>
  );
}

function RegisterComplaint({ c }: { c: CaseDetail }) {
  const { t, td } = useI18n();
  const [show, setShow] = useState(false);
  const [form, setForm] = useState<(typeof COMPLAINT_FORMS)[number]>('written');
  const [receivedOn, setReceivedOn] = useState<string>(plainDateInCopenhagen(new Date()));
  const [receivedAt, setReceivedAt] = useState('');
  const [text, setText] = useState('');
  const register = useCaseCommand<unknown, { timeliness: 'in_time' | 'late' }>(c.id, 'complaints');
  const errors = useFormErrors();
  const ids = fieldIdOf('k');
  const today = plainDateInCopenhagen(new Date());
  const decidedOn = [...c.decisions].sort((a, b) => b.decidedOn.localeCompare(a.decidedOn))[0]?.decidedOn ?? null;
  if (!show) {
    return (
      <>
        {register.data ? (
          <Alert
            variant={register.data.timeliness === 'late' ? 'warning' : 'success'}
            heading={td(`complaint.registered.${register.data.timeliness}`)}
          />
        ) : null}
        <button type="button" className="button button-secondary" onClick={() => setShow(true)}>
          {t('complaint.register')}
        </button>
      </>
    );
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { form, receivedOn, receivedAt: form === 'oral' && receivedAt ? receivedAt : null, text };
    const parsed = errors.check(
      registerComplaintSchema,
      input,
      dateProblems('complaint', input, { today, 'decision.decidedOn': decidedOn }),
    );
    if (parsed) register.mutate(parsed, { onSuccess: () => setShow(false), onError: errors.fail });
  }
  const err = (p: string) => errors.at(p);
  return (
    <form onSubmit={submit} noValidate className="vt-panel" aria-label={t('complaint.register')}>
      <ErrorSummary errors={errors} fieldId={(p) => (p === 'form' ? `k-form-${COMPLAINT_FORMS[0]}` : ids(p))} idPrefix="k" />
      <ChoiceField
        id="k-form"
        legend={t('complaint.form')}
        options={COMPLAINT_FORMS}
        value={form}
        onChange={setForm}
        labelOf={(f) => td(`complaint.form.${f}`)}
      />
      <div className="vt-filters">
        <Field id={ids('receivedOn')} label={t('complaint.receivedOn')} error={err('receivedOn')}>
          <input
            id={ids('receivedOn')}
            type="date"
            className="form-input"
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.target.value)}
          />
        </Field>
        {form === 'oral' ? (
          <Field
            id={ids('receivedAt')}
            label={t('complaint.receivedAt')}
            error={err('receivedAt')}
            hint={t('complaint.receivedAt.hint')}
          >
            <input
              id={ids('receivedAt')}
              className="form-input input-width-xs"
              inputMode="numeric"
              placeholder="14:30"
              value={receivedAt}
              onChange={(e) => setReceivedAt(e.target.value)}
            />
          </Field>
        ) : null}
      </div>
      <Field id={ids('text')} label={t('complaint.text')} error={err('text')}>
        <textarea
          id={ids('text')}
          className="form-input vt-textarea"
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Field>
      <button type="submit" className="button button-primary" disabled={register.isPending}>
        {t('complaint.register.submit')}
      </button>
    </form>
  );
}

function ComplaintItem({ caseId, complaint: x }: { caseId: string; complaint: ComplaintView }) {
  const { t, td } = useI18n();
  return (
    <div className="vt-panel" data-testid="complaint">
      <h3 className="h4">
        {t('complaint.received', { date: formatDate(x.receivedOn) })}
        {x.receivedAt ? ` ${t('cases.deadline.at', { time: x.receivedAt })}` : ''} · {td(`complaint.form.${x.form}`)}
      </h3>
      <p>
        <span className={`vt-deadline vt-deadline--${x.timeliness === 'late' ? 'overdue' : 'met'}`}>
          {td(`complaint.timeliness.${x.timeliness}`)}
        </span>{' '}
        <strong data-testid="complaint-status">{td(`complaint.status.${x.status}`)}</strong>
      </p>
      <p className="vt-prewrap">{x.text}</p>
      {x.reconsiderationReasons ? (
        <p>
          <strong>{t('complaint.reconsidered', { date: formatDate(x.reconsideredOn ?? '') })}:</strong> {x.reconsiderationReasons}
        </p>
      ) : null}
      {x.appealOutcome ? (
        <p>
          <strong>{t('complaint.appeal', { date: formatDate(x.appealDecidedOn ?? '') })}:</strong>{' '}
          {td(`appeal.${x.appealOutcome}`)}
          {x.appealNote ? ` – ${x.appealNote}` : ''}
        </p>
      ) : null}
      {x.allowedActions.includes('maintain') ? <ReconsiderForm caseId={caseId} complaint={x} /> : null}
      {x.allowedActions.includes('record_appeal_result') ? <AppealResultForm caseId={caseId} complaint={x} /> : null}
    </div>
  );
}

function ReconsiderForm({ caseId, complaint: x }: { caseId: string; complaint: ComplaintView }) {
  const { t, td } = useI18n();
  // Nothing chosen: upholding or maintaining is the municipality's legal statement, made by a person.
  const [outcome, setOutcome] = useState<(typeof RECONSIDERATION)[number] | null>(null);
  const today = plainDateInCopenhagen(new Date());
  const [decidedOn, setDecidedOn] = useState<string>(today);
  const [reasons, setReasons] = useState('');
  const reconsider = useCaseCommand<unknown>(caseId, `complaints/${x.id}/reconsideration`);
  const errors = useFormErrors();
  const ids = fieldIdOf(`k-${x.id}`);
  const err = (p: string) => errors.at(p);
  // Maintaining sends the complaint to Ankestyrelsen with a letter: shown before it is sent.
  const draft = useDraftLetter<unknown>(caseId, `complaints/${x.id}/reconsideration`);
  const input = { version: x.version, outcome: outcome ?? undefined, decidedOn, reasons };
  const checked = () =>
    errors.check(
      reconsiderSchema,
      input,
      dateProblems('reconsideration', input, { today, 'complaint.receivedOn': x.receivedOn }),
    );
  function show() {
    const parsed = checked();
    if (parsed) draft.show(parsed, input, errors.fail);
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = checked();
    if (parsed) reconsider.mutate(parsed, { onError: errors.fail });
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('complaint.reconsider')}>
      <h4 className="h5">{t('complaint.reconsider')}</h4>
      <ErrorSummary
        errors={errors}
        fieldId={(p) => (p === 'outcome' ? `${ids('outcome')}-${RECONSIDERATION[0]}` : ids(p))}
        idPrefix={`k-${x.id}`}
      />
      <ChoiceField
        id={ids('outcome')}
        legend={t('complaint.reconsider.outcome')}
        hint={t('complaint.reconsider.hint')}
        error={err('outcome')}
        options={RECONSIDERATION}
        value={outcome}
        onChange={setOutcome}
        labelOf={(o) => td(`complaint.reconsider.${o}`)}
      />
      <Field id={ids('decidedOn')} label={t('complaint.reconsider.date')} error={err('decidedOn')}>
        <input
          id={ids('decidedOn')}
          type="date"
          className="form-input"
          value={decidedOn}
          onChange={(e) => setDecidedOn(e.target.value)}
        />
      </Field>
      <Field id={ids('reasons')} label={t('complaint.reconsider.reasons')} error={err('reasons')}>
        <textarea
          id={ids('reasons')}
          className="form-input vt-textarea"
          rows={3}
          value={reasons}
          onChange={(e) => setReasons(e.target.value)}
        />
      </Field>
      <button type="submit" className="button button-primary" disabled={reconsider.isPending}>
        {outcome === 'maintained'
          ? t('complaint.reconsider.forward')
          : outcome === 'upheld'
            ? t('complaint.reconsider.uphold')
            : t('complaint.reconsider.submit')}
      </button>
      {outcome === 'maintained' ? (
        <>
          <button type="button" className="button button-secondary" onClick={show} disabled={draft.isPending}>
            {t('letter.draft.show')}
            <span className="sr-only"> ({t('deadline.forward_to_ankestyrelsen')})</span>
          </button>
          <DraftLetter letter={draft.letter} stale={draft.isStale(input)} />
        </>
      ) : null}
    </form>
  );
}

function AppealResultForm({ caseId, complaint: x }: { caseId: string; complaint: ComplaintView }) {
  const { t, td } = useI18n();
  const [outcome, setOutcome] = useState<(typeof APPEAL_OUTCOME_KEYS)[number]>('confirmed');
  const [decidedOn, setDecidedOn] = useState<string>(plainDateInCopenhagen(new Date()));
  const [note, setNote] = useState('');
  const record = useCaseCommand<unknown>(caseId, `complaints/${x.id}/appeal-result`);
  const errors = useFormErrors();
  const ids = fieldIdOf(`a-${x.id}`);
  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { version: x.version, outcome, decidedOn, note };
    const parsed = errors.check(
      appealResultSchema,
      input,
      dateProblems('appeal_result', input, {
        today: plainDateInCopenhagen(new Date()),
        'complaint.forwardedOn': x.forwardedOn,
      }),
    );
    if (parsed) record.mutate(parsed, { onError: errors.fail });
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('complaint.appeal.record')}>
      <h4 className="h5">{t('complaint.appeal.record')}</h4>
      <ErrorSummary errors={errors} fieldId={ids} idPrefix={`a-${x.id}`} />
      <div className="vt-filters">
        <Field id={ids('outcome')} label={t('complaint.appeal.outcome')} error={errors.at('outcome')}>
          <select
            id={ids('outcome')}
            className="form-select"
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as typeof outcome)}
          >
            {APPEAL_OUTCOME_KEYS.map((o) => (
              <option key={o} value={o}>
                {td(`appeal.${o}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={ids('decidedOn')} label={t('complaint.appeal.date')} error={errors.at('decidedOn')}>
          <input
            id={ids('decidedOn')}
            type="date"
            className="form-input"
            value={decidedOn}
            onChange={(e) => setDecidedOn(e.target.value)}
          />
        </Field>
      </div>
      <Field id={ids('note')} label={t('complaint.appeal.note')} error={errors.at('note')}>
        <input id={ids('note')} className="form-input" value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <button type="submit" className="button button-secondary" disabled={record.isPending}>
        {t('complaint.appeal.submit')}
      </button>
    </form>
  );
}
