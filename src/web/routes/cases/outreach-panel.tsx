import { useState } from 'react';
import { dateProblems } from '../../../rules/records/date-constraints.ts';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { outreachContactSchema } from '../../../shared/cases/complaint.schema.ts';
import { plainDateInCopenhagen } from '../../../shared/plain-date.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCaseCommand } from '../../modules/cases/cases.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDate } from '../../ui/format.ts';

/** Outreach advice (seed 003): the talks held of 3, the ½-year advice course, and a warning at each limit. */
export function OutreachPanel({ c }: { c: CaseDetail }) {
  const { t, td } = useI18n();
  const [heldOn, setHeldOn] = useState<string>(plainDateInCopenhagen(new Date()));
  const record = useCaseCommand<{ kind: 'clarifying_talk' | 'course_start'; heldOn: string }>(c.id, 'outreach');
  const errors = useFormErrors();
  const ids = fieldIdOf('or');
  const o = c.outreach;
  if (!o) return null;
  const add = (kind: 'clarifying_talk' | 'course_start') => {
    const input = { kind, heldOn };
    const parsed = errors.check(
      outreachContactSchema,
      input,
      dateProblems('outreach_contact', input, {
        today: plainDateInCopenhagen(new Date()),
        'request.receivedOn': c.request.receivedOn,
      }),
    );
    if (parsed) record.mutate(parsed, { onError: errors.fail, onSuccess: errors.clear });
  };
  const closed = !c.allowedActions.includes('add_note');
  return (
    <section aria-labelledby="outreach-heading" className="vt-section" data-testid="outreach">
      <h2 id="outreach-heading">{t('outreach.title')}</h2>
      <p>
        {t('outreach.talks', { talks: o.talks, left: o.talksLeft })}
        {o.courseStartedOn
          ? ` ${t('outreach.course', { from: formatDate(o.courseStartedOn), to: formatDate(o.courseEndsOn ?? '') })}`
          : ''}
      </p>
      {o.warnings.map((w) => (
        <Alert key={w} variant={w.endsWith('over_limit') ? 'error' : 'warning'} heading={td(`outreach.warning.${w}`)} />
      ))}
      <ErrorSummary errors={errors} fieldId={(p) => (p === 'kind' ? '' : ids(p))} idPrefix="or" />
      {closed ? null : (
        <div className="vt-filters">
          <Field id={ids('heldOn')} label={t('outreach.date')} error={errors.at('heldOn')}>
            <input
              id={ids('heldOn')}
              type="date"
              className="form-input"
              value={heldOn}
              onChange={(e) => setHeldOn(e.target.value)}
            />
          </Field>
          <div className="form-group vt-actions">
            <button
              type="button"
              className="button button-secondary"
              disabled={o.talksLeft === 0 || record.isPending}
              onClick={() => add('clarifying_talk')}
            >
              {t('outreach.addTalk')}
            </button>
            {o.courseStartedOn ? null : (
              <button
                type="button"
                className="button button-secondary"
                disabled={record.isPending}
                onClick={() => add('course_start')}
              >
                {t('outreach.startCourse')}
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
