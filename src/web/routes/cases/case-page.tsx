import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { can } from '../../../shared/access/permissions.ts';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { ApiRequestError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCase } from '../../modules/cases/cases.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { ApprovalPanel } from './approval-panel.tsx';
import { AssessmentForm } from './assessment-form.tsx';
import { AssessmentSummary } from './assessment-summary.tsx';
import { CaseDocuments } from './case-documents.tsx';
import { CaseExport } from './case-export.tsx';
import { CaseHeader } from './case-header.tsx';
import { CaseJournal } from './case-journal.tsx';
import { CaseLetters } from './case-letters.tsx';
import { CaseOverview } from './case-overview.tsx';
import { DecisionRecord, OrderRecord } from './case-record.tsx';
import { CASE_SECTIONS, type CaseSection, CaseSectionNav, casePath, sectionOfStatus } from './case-sections.tsx';
import { CitizenMessages } from './citizen-messages.tsx';
import { ComplaintPanel } from './complaint-panel.tsx';
import { DecisionForm } from './decision-form.tsx';
import { FollowUpPanel } from './follow-up-panel.tsx';
import { MunicipalitiesPanel } from './municipalities-panel.tsx';
import { NextStep } from './next-step.tsx';
import { OrderForm } from './order-form.tsx';

/**
 * The case page: a header that stays in view (who, what, where it stands, the next deadline, who has it), the
 * case's sections as short pages with their own URLs (/sager/:id/udredning …), and the next step always in the same
 * place under the section tabs. When a step moves the case on, the page follows it to the section of the next step.
 */
export function CasePage({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const { id = '', section = '' } = useParams();
  const detail = useCase(id);
  const [exporting, setExporting] = useState(false);
  const current = CASE_SECTIONS.find((s) => s.path === section);
  useFollowTheCase(detail.data);
  useTopOfSection(section);
  if (!current) return <NotFoundPage />;
  if (detail.error instanceof ApiRequestError && [400, 404].includes(detail.error.status)) return <NotFoundPage />;
  if (detail.isError) return <Alert variant="error" heading={t('common.error')} />;
  const c = detail.data;
  if (!c) return <p>{t('common.loading')}</p>;

  return (
    <>
      <p className="vt-back">
        <Link to="/sager">{t('cases.back')}</Link>
      </p>
      <CaseHeader c={c} onExport={() => setExporting(true)} />
      <CaseSectionNav c={c} current={current.path} />
      {exporting ? <CaseExport c={c} onClose={() => setExporting(false)} /> : null}
      <NextStep c={c} section={current.path} />
      {/* A proposal waiting for the team leader (or sent back): on the overview, where the team leader's queue leads,
          and at the decision, where the caseworker decides again. */}
      {current.path === '' || current.path === 'afgoerelse' ? <ApprovalPanel c={c} user={user} /> : null}
      {/* Each section opens with its own h2 (the case title is the page's h1). */}
      <div className="vt-case-section" data-testid={`case-section-${current.id}`}>
        <SectionBody c={c} section={current.path} user={user} />
      </div>
    </>
  );
}

function SectionBody({ c, section, user }: { c: CaseDetail; section: CaseSection; user: SessionUser }) {
  const { t } = useI18n();
  switch (section) {
    case '':
      return (
        <>
          <CaseOverview c={c} />
          <MunicipalitiesPanel c={c} user={user} />
        </>
      );
    case 'udredning':
      return c.status === 'assessment' ? <AssessmentForm caseId={c.id} /> : <AssessmentSummary c={c} />;
    case 'afgoerelse':
      return (
        <>
          {c.allowedActions.includes('decide_grant') ? <DecisionForm c={c} user={user} /> : null}
          {c.decisions.length || !c.allowedActions.includes('decide_grant') ? (
            <h2 className={c.allowedActions.includes('decide_grant') ? 'vt-section' : undefined}>{t('record.decisions')}</h2>
          ) : null}
          {!c.decisions.length && !c.allowedActions.includes('decide_grant') ? <p>{t('case.decision.none')}</p> : null}
          <DecisionRecord c={c} />
          <ComplaintPanel c={c} />
        </>
      );
    case 'plan':
      return (
        <>
          {c.allowedActions.includes('order') ? <OrderForm c={c} user={user} /> : null}
          {!c.allowedActions.includes('order') ? <h2>{t('case.section.plan')}</h2> : null}
          {!c.order && !c.allowedActions.includes('order') ? <p>{t('case.plan.none')}</p> : null}
          <OrderRecord c={c} />
        </>
      );
    case 'opfoelgning':
      return c.order ? (
        <FollowUpPanel c={c} />
      ) : (
        <>
          <h2>{t('case.section.followUp')}</h2>
          <p>{t('case.followUp.none')}</p>
        </>
      );
    case 'breve':
      return <CaseLetters c={c} />;
    case 'dokumenter':
      return <CaseDocuments caseId={c.id} canUpload={can(user.role, 'case.write')} />;
    case 'journal':
      return <CaseJournal c={c} />;
    case 'beskeder':
      return <CitizenMessages c={c} />;
  }
}

/** A new section starts at its top (the browser would keep the previous section's scroll), unless a field is named. */
function useTopOfSection(section: string) {
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the section is the trigger, not an input
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!window.location.hash) window.scrollTo(0, 0);
  }, [section]);
}

/**
 * When a step moves the case to another status while the page is open (the receipt sent, the assessment started,
 * the decision made), the page goes to the section where the next step is done. Opening a case never moves.
 */
function useFollowTheCase(c: CaseDetail | undefined) {
  const navigate = useNavigate();
  const seen = useRef<{ id: string; status: string } | null>(null);
  useEffect(() => {
    if (!c) return;
    const before = seen.current;
    seen.current = { id: c.id, status: c.status };
    if (!before || before.id !== c.id || before.status === c.status) return;
    const target = sectionOfStatus(c);
    if (target !== null) navigate(casePath(c.id, target));
  }, [c, navigate]);
}
