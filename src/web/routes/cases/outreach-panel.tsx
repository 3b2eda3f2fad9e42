import { useState } from 'react';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { plainDateInCopenhagen } from '../../../shared/plain-date.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCaseCommand } from '../../modules/cases/cases.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { formErrorOf } from '../../ui/field.tsx';
import { formatDate } from '../../ui/format.ts';

/** Outreach advice (seed 003): the talks held of 3, the ½-year advice course, and a warning at each limit. */
export function OutreachPanel({ c }: { c: CaseDetail }) {
  const { t, td } = useI18n();
  const [heldOn, setHeldOn] = useState<string>(plainDateInCopenhagen(new Date()));
  const record = useCaseCommand<{ kind: 'clarifying_talk' | 'course_start'; heldOn: string }>(c.id, 'outreach');
  const o = c.outreach;
  if (!o) return null;
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
      {formErrorOf(record.error) ? <Alert variant="error" heading={formErrorOf(record.error)} /> : null}
      {record.error && !formErrorOf(record.error) ? <Alert variant="error" heading={(record.error as Error).message} /> : null}
      {closed ? null : (
        <div className="vt-filters">
          <div className="form-group">
            <label className="form-label" htmlFor="o-date">
              {t('outreach.date')}
            </label>
            <input id="o-date" type="date" className="form-input" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />
          </div>
          <div className="form-group vt-actions">
            <button
              type="button"
              className="button button-secondary"
              disabled={o.talksLeft === 0 || record.isPending}
              onClick={() => record.mutate({ kind: 'clarifying_talk', heldOn })}
            >
              {t('outreach.addTalk')}
            </button>
            {o.courseStartedOn ? null : (
              <button
                type="button"
                className="button button-secondary"
                disabled={record.isPending}
                onClick={() => record.mutate({ kind: 'course_start', heldOn })}
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
