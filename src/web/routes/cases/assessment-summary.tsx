import { useQuery } from '@tanstack/react-query';
import type { Assessment } from '../../../shared/assessment/assessment.schema.ts';
import { FUNCTION_LEVELS, SUPPORT_NEED_LEVELS } from '../../../shared/assessment/ffb-terms.ts';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const display = (list: readonly { code: string; display: string }[], code: string | null) =>
  code === null ? null : (list.find((x) => x.code === code)?.display ?? code);

/**
 * The assessment to read, outside the assessment step: before it has started, a sentence saying when it does; after
 * the decision, each theme assessed with its level and the overall support need, as the decision was made on them.
 */
export function AssessmentSummary({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const before = c.status === 'request_received' || c.status === 'receipt_sent';
  const query = useQuery({
    queryKey: ['assessment', c.id],
    queryFn: () => api<Assessment>(`/api/cases/${c.id}/assessment`),
    enabled: !before,
    retry: false,
  });
  const a = query.data;
  return (
    <>
      <h2 id="assessment-heading">{t('assessment.title')}</h2>
      {before ? (
        <p>{t('case.assessment.notStarted')}</p>
      ) : query.isError ? (
        <p>{t('case.assessment.none')}</p>
      ) : !a ? (
        <p>{t('common.loading')}</p>
      ) : (
        <div className="vt-table-scroll">
          <table className="table table--compact" data-testid="assessment-summary">
            <thead>
              <tr>
                <th scope="col">{t('assessment.theme')}</th>
                <th scope="col">{t('case.assessment.level')}</th>
                <th scope="col">{t('assessment.wishes')}</th>
              </tr>
            </thead>
            <tbody>
              {a.themes
                .filter((th) => th.levelCode || th.wishes)
                .map((th) => (
                  <tr key={th.themeCode}>
                    <td>{th.display}</td>
                    <td>{display(FUNCTION_LEVELS, th.levelCode) ?? t('case.assessment.notAssessed')}</td>
                    <td>{th.wishes ?? ''}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <p>
            <strong>{t('case.assessment.supportNeed')}:</strong>{' '}
            {display(SUPPORT_NEED_LEVELS, a.supportNeedCode) ?? t('case.assessment.notAssessed')}
          </p>
        </div>
      )}
    </>
  );
}
