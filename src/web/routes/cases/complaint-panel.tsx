import { type FormEvent, useState } from 'react';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { APPEAL_OUTCOME_KEYS, COMPLAINT_FORMS, type ComplaintView } from '../../../shared/cases/complaint.schema.ts';
import { plainDateInCopenhagen } from '../../../shared/plain-date.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { hasOpenComplaint, useCaseCommand } from '../../modules/cases/cases.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Field, fieldErrorOf, formErrorOf } from '../../ui/field.tsx';
import { formatDate } from '../../ui/format.ts';

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
    register.mutate(
      { form, receivedOn, receivedAt: form === 'oral' && receivedAt ? receivedAt : null, text },
      { onSuccess: () => setShow(false) },
    );
  }
  const err = (p: string) => fieldErrorOf(register.error, p);
  return (
    <form onSubmit={submit} noValidate className="vt-panel" aria-label={t('complaint.register')}>
      {formErrorOf(register.error) ? <Alert variant="error" heading={formErrorOf(register.error)} /> : null}
      <fieldset className="form-group">
        <legend className="form-label">{t('complaint.form')}</legend>
        {COMPLAINT_FORMS.map((f) => (
          <div className="form-group-radio" key={f}>
            <input
              className="form-radio"
              type="radio"
              id={`k-form-${f}`}
              name="complaint-form"
              checked={form === f}
              onChange={() => setForm(f)}
            />
            <label htmlFor={`k-form-${f}`}>{td(`complaint.form.${f}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="vt-filters">
        <Field id="k-received" label={t('complaint.receivedOn')} error={err('receivedOn')}>
          <input
            id="k-received"
            type="date"
            className="form-input"
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.target.value)}
          />
        </Field>
        {form === 'oral' ? (
          <Field id="k-time" label={t('complaint.receivedAt')} error={err('receivedAt')} hint={t('complaint.receivedAt.hint')}>
            <input
              id="k-time"
              className="form-input input-width-xs"
              inputMode="numeric"
              placeholder="14:30"
              aria-describedby="k-time-hint"
              value={receivedAt}
              onChange={(e) => setReceivedAt(e.target.value)}
            />
          </Field>
        ) : null}
      </div>
      <Field id="k-text" label={t('complaint.text')} error={err('text')}>
        <textarea
          id="k-text"
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
  const [outcome, setOutcome] = useState<'upheld' | 'maintained'>('maintained');
  const [decidedOn, setDecidedOn] = useState<string>(plainDateInCopenhagen(new Date()));
  const [reasons, setReasons] = useState('');
  const reconsider = useCaseCommand<unknown>(caseId, `complaints/${x.id}/reconsideration`);
  const err = (p: string) => fieldErrorOf(reconsider.error, p);
  function submit(event: FormEvent) {
    event.preventDefault();
    reconsider.mutate({ version: x.version, outcome, decidedOn, reasons });
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('complaint.reconsider')}>
      <h4 className="h5">{t('complaint.reconsider')}</h4>
      {formErrorOf(reconsider.error) ? <Alert variant="error" heading={formErrorOf(reconsider.error)} /> : null}
      <fieldset className="form-group">
        <legend className="form-label">{t('complaint.reconsider.outcome')}</legend>
        {(['upheld', 'maintained'] as const).map((o) => (
          <div className="form-group-radio" key={o}>
            <input
              className="form-radio"
              type="radio"
              id={`k-${x.id}-${o}`}
              name={`k-${x.id}-outcome`}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
            <label htmlFor={`k-${x.id}-${o}`}>{td(`complaint.reconsider.${o}`)}</label>
          </div>
        ))}
      </fieldset>
      <Field id={`k-${x.id}-date`} label={t('complaint.reconsider.date')} error={err('decidedOn')}>
        <input
          id={`k-${x.id}-date`}
          type="date"
          className="form-input"
          value={decidedOn}
          onChange={(e) => setDecidedOn(e.target.value)}
        />
      </Field>
      <Field id={`k-${x.id}-reasons`} label={t('complaint.reconsider.reasons')} error={err('reasons')}>
        <textarea
          id={`k-${x.id}-reasons`}
          className="form-input vt-textarea"
          rows={3}
          value={reasons}
          onChange={(e) => setReasons(e.target.value)}
        />
      </Field>
      <button type="submit" className="button button-primary" disabled={reconsider.isPending}>
        {outcome === 'maintained' ? t('complaint.reconsider.forward') : t('complaint.reconsider.uphold')}
      </button>
    </form>
  );
}

function AppealResultForm({ caseId, complaint: x }: { caseId: string; complaint: ComplaintView }) {
  const { t, td } = useI18n();
  const [outcome, setOutcome] = useState<(typeof APPEAL_OUTCOME_KEYS)[number]>('confirmed');
  const [decidedOn, setDecidedOn] = useState<string>(plainDateInCopenhagen(new Date()));
  const [note, setNote] = useState('');
  const record = useCaseCommand<unknown>(caseId, `complaints/${x.id}/appeal-result`);
  function submit(event: FormEvent) {
    event.preventDefault();
    record.mutate({ version: x.version, outcome, decidedOn, note });
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('complaint.appeal.record')}>
      <h4 className="h5">{t('complaint.appeal.record')}</h4>
      {formErrorOf(record.error) ? <Alert variant="error" heading={formErrorOf(record.error)} /> : null}
      <div className="vt-filters">
        <Field id={`a-${x.id}-outcome`} label={t('complaint.appeal.outcome')}>
          <select
            id={`a-${x.id}-outcome`}
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
        <Field id={`a-${x.id}-date`} label={t('complaint.appeal.date')} error={fieldErrorOf(record.error, 'decidedOn')}>
          <input
            id={`a-${x.id}-date`}
            type="date"
            className="form-input"
            value={decidedOn}
            onChange={(e) => setDecidedOn(e.target.value)}
          />
        </Field>
      </div>
      <Field id={`a-${x.id}-note`} label={t('complaint.appeal.note')}>
        <input id={`a-${x.id}-note`} className="form-input" value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <button type="submit" className="button button-secondary" disabled={record.isPending}>
        {t('complaint.appeal.submit')}
      </button>
    </form>
  );
}
