import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { APPROVAL_RULES, approvalNeeded } from '../../../rules/cases/decision-approval.ts';
import { deadlineRulesFor } from '../../../rules/deadlines/deadline-rules.ts';
import { dateProblems, legalTimeLimit } from '../../../rules/records/date-constraints.ts';
import type { Assessment } from '../../../shared/assessment/assessment.schema.ts';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { DECISION_OUTCOMES, decideSchema } from '../../../shared/cases/decision.schema.ts';
import { isPlainDate, plainDateInCopenhagen } from '../../../shared/plain-date.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCaseCommand } from '../../modules/cases/cases.api.ts';
import { useDescription, useDescriptions } from '../../modules/catalogue/catalogue.api.ts';
import { PricePanel } from '../../modules/economy/price-panel.tsx';
import { ChoiceField, Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDate, numberOrText } from '../../ui/format.ts';
import { assessmentFieldId } from './assessment-form.tsx';
import { casePath } from './case-sections.tsx';
import { DraftLetter, useDraftLetter } from './letter-preview.tsx';
import { ProposalPanel } from './proposal-panel.tsx';

const HEARING = ['done', 'not_needed'] as const;
const ids = fieldIdOf('d');

/**
 * The decision on one screen. The system proposes nothing here on its own: a person decides and gives reasons, and
 * states whether the citizen was heard (nothing is chosen for them). The dates are checked against the same table the
 * server uses before anything is sent; a time-limited grant (SEL §§ 82, 107) gets the law's maximum as its end date.
 */
export function DecisionForm({ c, user }: { c: CaseDetail; user: SessionUser }) {
  const { t, td } = useI18n();
  const assessment = useQuery({
    queryKey: ['assessment', c.id],
    queryFn: () => api<Assessment>(`/api/cases/${c.id}/assessment`),
  });
  const assessmentComplete = assessment.data?.completeness.complete ?? false;
  const levels = useDescriptions({ municipality: user.municipality.code }, 100);
  const today = plainDateInCopenhagen(new Date());
  const [outcome, setOutcome] = useState<(typeof DECISION_OUTCOMES)[number]>('granted');
  const [serviceVersion, setServiceVersion] = useState('');
  const [decidedOn, setDecidedOn] = useState<string>(today);
  const [hours, setHours] = useState('');
  const [modules, setModules] = useState('');
  const [startDate, setStartDate] = useState<string>(today);
  const [until, setUntil] = useState('');
  const [untilEdited, setUntilEdited] = useState(false);
  const [reasons, setReasons] = useState('');
  // A partial grant says in the letter what was applied for (drafted from the request) and what is refused.
  const [appliedFor, setAppliedFor] = useState(c.request.what);
  const [refusedPart, setRefusedPart] = useState('');
  const [hearing, setHearing] = useState<(typeof HEARING)[number] | null>(null);
  const [hearingNote, setHearingNote] = useState('');
  const [justification, setJustification] = useState('');
  const decide = useCaseCommand<unknown, { documentId: string }>(c.id, 'decision');
  const draft = useDraftLetter<unknown>(c.id, 'decision');
  const errors = useFormErrors();
  const granted = outcome !== 'refused';

  const level = (levels.data?.items ?? []).find((d) => d.inForce?.id === serviceVersion);
  // Hours above the level's highest citizen profile need a justification and the team leader's approval.
  const levelDetail = useDescription(level?.id ?? '', level?.inForce?.number, Boolean(level));
  const bands = levelDetail.data?.shownVersion?.content.profileBands ?? [];
  const typedHours = numberOrText(hours);
  const approval = granted && typeof typedHours === 'number' ? approvalNeeded({ outcome, weeklyHours: typedHours }, bands) : null;
  const needsJustification = approval !== null || Boolean(errors.at('hoursJustification'));
  const maximumEnd =
    granted && level && isPlainDate(startDate)
      ? legalTimeLimit(level.legalBasis, startDate, deadlineRulesFor(user.municipality.code))
      : null;
  // The law's maximum is the default end date, shown, until the caseworker sets another.
  useEffect(() => {
    if (!untilEdited) setUntil(maximumEnd ?? '');
  }, [maximumEnd, untilEdited]);

  const input = {
    version: c.version,
    outcome,
    serviceDescriptionVersionId: serviceVersion,
    decidedOn,
    weeklyHours: granted ? numberOrText(hours) : null,
    moduleDays: granted ? numberOrText(modules) : null,
    startDate: granted ? startDate || null : null,
    timeLimitUntil: granted && until ? until : null,
    appliedFor: outcome === 'partly_granted' ? appliedFor : '',
    refusedPart: outcome === 'partly_granted' ? refusedPart : '',
    reasons,
    partyHearing: hearing ?? undefined,
    partyHearingNote: hearingNote,
    hoursJustification: needsJustification ? justification : '',
  };
  const checked = () =>
    errors.check(
      decideSchema,
      input,
      dateProblems('decision', input, {
        today,
        'request.receivedOn': c.request.receivedOn,
        'law.maximumEnd': maximumEnd,
      }),
    );
  // The letter before deciding: the server decides with every check and rolls back.
  function show() {
    const parsed = checked();
    if (parsed) draft.show(parsed, input, errors.fail);
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = checked();
    if (parsed) decide.mutate(parsed, { onError: errors.fail });
  }

  const themeName = (path: string) => {
    const [root, code] = path.split('.');
    if (root !== 'assessment' || !code) return undefined;
    if (code === 'supportNeed') return t('assessment.supportNeed');
    return assessment.data?.themes.find((th) => th.themeCode === code)?.display;
  };
  // The assessment's fields are on the case's assessment section: the summary links there.
  const elsewhere = (path: string) => (path.startsWith('assessment.') ? casePath(c.id, 'udredning') : undefined);
  const fieldId = (path: string) =>
    path.startsWith('assessment.')
      ? assessmentFieldId(path.slice('assessment.'.length))
      : path === 'partyHearing'
        ? `${ids(path)}-${HEARING[0]}`
        : path === 'serviceDescriptionVersionId'
          ? 'd-version'
          : ids(path);

  return (
    <section aria-labelledby="decision-heading" className="vt-section">
      <h2 id="decision-heading">{t('decision.title')}</h2>
      <p>{t('decision.intro')}</p>
      <ProposalPanel
        caseId={c.id}
        enabled={assessmentComplete}
        onUse={(p) => {
          setOutcome('granted');
          setServiceVersion(p.versionId);
          if (p.hours !== null && !hours) setHours(String(p.hours).replace('.', ','));
        }}
      />
      <ErrorSummary errors={errors} fieldId={fieldId} describe={themeName} elsewhere={elsewhere} idPrefix="d" />
      <form onSubmit={submit} noValidate className="vt-panel">
        <ChoiceField
          id="d-outcome"
          legend={t('decision.outcome')}
          options={DECISION_OUTCOMES}
          value={outcome}
          onChange={setOutcome}
          labelOf={(o) => td(`decision.outcome.${o}`)}
        />
        <Field id="d-version" label={t('decision.serviceLevel')} error={errors.at('serviceDescriptionVersionId')}>
          <select
            id="d-version"
            className="form-select"
            value={serviceVersion}
            onChange={(e) => setServiceVersion(e.target.value)}
          >
            <option value="">{t('assessment.choose')}</option>
            {(levels.data?.items ?? [])
              .filter((d) => d.inForce)
              .map((d) => (
                <option key={d.id} value={d.inForce?.id}>
                  {d.title} ({d.legalBasis}), {t('catalogue.version').toLowerCase()} {d.inForce?.number}
                </option>
              ))}
          </select>
        </Field>
        <div className="vt-filters">
          <Field id={ids('decidedOn')} label={t('decision.decidedOn')} error={errors.at('decidedOn')}>
            <input
              id={ids('decidedOn')}
              type="date"
              className="form-input"
              value={decidedOn}
              onChange={(e) => setDecidedOn(e.target.value)}
            />
          </Field>
          {granted ? (
            <>
              <Field id={ids('weeklyHours')} label={t('decision.hours')} error={errors.at('weeklyHours')}>
                <input
                  id={ids('weeklyHours')}
                  inputMode="decimal"
                  className="form-input"
                  value={hours}
                  onChange={(e) => setHours(e.target.value)}
                />
              </Field>
              <Field id={ids('moduleDays')} label={t('decision.modules')} error={errors.at('moduleDays')}>
                <input
                  id={ids('moduleDays')}
                  inputMode="numeric"
                  className="form-input"
                  value={modules}
                  onChange={(e) => setModules(e.target.value)}
                />
              </Field>
              <Field id={ids('startDate')} label={t('decision.startDate')} error={errors.at('startDate')}>
                <input
                  id={ids('startDate')}
                  type="date"
                  className="form-input"
                  value={startDate}
                  onChange={(e) => setStartDate(e.target.value)}
                />
              </Field>
              <Field
                id={ids('timeLimitUntil')}
                label={maximumEnd ? t('decision.until.required') : t('decision.until')}
                error={errors.at('timeLimitUntil')}
                hint={
                  maximumEnd && level
                    ? t('decision.until.maximum', { basis: level.legalBasis, date: formatDate(maximumEnd) })
                    : undefined
                }
              >
                <input
                  id={ids('timeLimitUntil')}
                  type="date"
                  className="form-input"
                  value={until}
                  onChange={(e) => {
                    setUntilEdited(true);
                    setUntil(e.target.value);
                  }}
                />
              </Field>
            </>
          ) : null}
        </div>
        {outcome === 'partly_granted' ? (
          <>
            <Field
              id={ids('appliedFor')}
              label={t('decision.appliedFor')}
              hint={t('decision.partial.hint')}
              error={errors.at('appliedFor')}
            >
              <textarea
                id={ids('appliedFor')}
                className="form-input vt-textarea"
                rows={2}
                value={appliedFor}
                onChange={(e) => setAppliedFor(e.target.value)}
              />
            </Field>
            <Field id={ids('refusedPart')} label={t('decision.refusedPart')} error={errors.at('refusedPart')}>
              <textarea
                id={ids('refusedPart')}
                className="form-input vt-textarea"
                rows={2}
                value={refusedPart}
                onChange={(e) => setRefusedPart(e.target.value)}
              />
            </Field>
          </>
        ) : null}
        {needsJustification ? (
          <Field
            id={ids('hoursJustification')}
            label={t('decision.hoursJustification')}
            hint={t('decision.hoursJustification.hint', {
              hours: String(approval?.thresholdHours ?? APPROVAL_RULES[0]?.defaultThresholdHours ?? '').replace('.', ','),
            })}
            error={errors.at('hoursJustification')}
          >
            <textarea
              id={ids('hoursJustification')}
              className="form-input vt-textarea"
              rows={3}
              value={justification}
              onChange={(e) => setJustification(e.target.value)}
            />
          </Field>
        ) : null}
        {granted && level ? (
          <PricePanel
            legalBasis={level.legalBasis}
            weeklyHours={typeof numberOrText(hours) === 'number' ? (numberOrText(hours) as number) : null}
            moduleDays={typeof numberOrText(modules) === 'number' ? (numberOrText(modules) as number) : null}
            start={isPlainDate(startDate) ? startDate : null}
          />
        ) : null}
        <Field id={ids('reasons')} label={t('decision.reasons')} error={errors.at('reasons')}>
          <textarea
            id={ids('reasons')}
            className="form-input vt-textarea"
            rows={4}
            value={reasons}
            onChange={(e) => setReasons(e.target.value)}
          />
        </Field>
        <ChoiceField
          id={ids('partyHearing')}
          legend={t('decision.partyHearing')}
          hint={t('decision.partyHearing.hint')}
          error={errors.at('partyHearing')}
          options={HEARING}
          value={hearing}
          onChange={setHearing}
          labelOf={(h) => td(`decision.partyHearing.${h}`)}
        />
        {hearing === 'not_needed' ? (
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
          <button type="submit" className="button button-primary" disabled={decide.isPending}>
            {t('decision.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={show} disabled={draft.isPending}>
            {t('letter.draft.show')}
            <span className="sr-only"> ({t('decision.title')})</span>
          </button>
        </div>
        <DraftLetter letter={draft.letter} stale={draft.isStale(input)} />
      </form>
    </section>
  );
}
