import { useState } from 'react';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { hasOpenComplaint, useCaseActions } from '../../modules/cases/cases.api.ts';
import { ErrorSummary, useFormErrors } from '../../ui/form-errors.tsx';
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
  return (
    <section className="vt-next-step" aria-labelledby="next-heading" data-testid="next-step">
      <h2 id="next-heading" className="h4">
        {t('cases.next')}
      </h2>
      <ErrorSummary errors={errors} fieldId={() => ''} idPrefix="step" />
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
          <p>{t('cases.next.order')}</p>
          <div className="vt-next-step__actions">
            <GoTo c={c} section="plan" here={section} label="case.next.go.plan" />
            <CloseCase c={c} />
          </div>
        </>
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
