import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { type Assessment, saveAssessmentSchema } from '../../../shared/assessment/assessment.schema.ts';
import { FUNCTION_LEVELS, INFORMANTS, SUPPORT_NEED_LEVELS, THEME_GROUP_LABELS } from '../../../shared/assessment/ffb-terms.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, useFormErrors } from '../../ui/form-errors.tsx';

type Row = { levelCode: string; informantCode: string; wishes: string };

/** The id of a theme's level (or, for `supportNeed`, the overall support need): the decision form links to them. */
export function assessmentFieldId(themeCodeOrSupportNeed: string): string {
  return themeCodeOrSupportNeed === 'supportNeed' ? 'a-supportNeed' : `a-level-${themeCodeOrSupportNeed}`;
}

/** The VUM assessment on one screen: every FFB theme in a row, the support need, and what is still missing. */
export function AssessmentForm({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const query = useQuery({ queryKey: ['assessment', caseId], queryFn: () => api<Assessment>(`/api/cases/${caseId}/assessment`) });
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [supportNeed, setSupportNeed] = useState('');
  const [sent, setSent] = useState<string[]>([]);
  const errors = useFormErrors();
  const save = useMutation({
    mutationFn: (body: unknown) => api<Assessment>(`/api/cases/${caseId}/assessment`, { method: 'PUT', body }),
    onSuccess: (a) => {
      qc.setQueryData(['assessment', caseId], a);
      void qc.invalidateQueries({ queryKey: ['case', caseId] });
    },
  });

  // Arriving from a link to one of its fields (the decision's error summary, on another section): focus that field.
  const { hash } = useLocation();
  const loaded = query.data !== undefined;
  useEffect(() => {
    if (!loaded || !hash) return;
    const field = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!field) return;
    field.scrollIntoView({ block: 'center' });
    field.focus({ preventScroll: true });
  }, [loaded, hash]);

  useEffect(() => {
    if (!query.data) return;
    setRows(
      Object.fromEntries(
        query.data.themes.map((th) => [
          th.themeCode,
          { levelCode: th.levelCode ?? '', informantCode: th.informantCode ?? '', wishes: th.wishes ?? '' },
        ]),
      ),
    );
    setSupportNeed(query.data.supportNeedCode ?? '');
  }, [query.data]);

  const a = query.data;
  if (!a) return <p>{t('common.loading')}</p>;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!a) return;
    const themes = a.themes
      .map((th) => ({ themeCode: th.themeCode, ...rows[th.themeCode] }))
      .filter((r) => r.levelCode || r.informantCode || r.wishes)
      .map((r) => ({
        themeCode: r.themeCode,
        levelCode: r.levelCode || null,
        informantCode: r.informantCode || null,
        wishes: r.wishes || null,
      }));
    setSent(themes.map((th) => th.themeCode));
    const parsed = errors.check(saveAssessmentSchema, { version: a.version, supportNeedCode: supportNeed || null, themes });
    if (parsed) save.mutate(parsed, { onError: errors.fail });
  }

  // The API names a theme by its place in what was sent (themes.3.levelCode): back to the theme's own fields.
  const themeAt = (path: string) => {
    const [root, index, field] = path.split('.');
    return root === 'themes' && index !== undefined ? { code: sent[Number(index)], field } : null;
  };
  const fieldId = (path: string) => {
    if (path === 'supportNeedCode') return assessmentFieldId('supportNeed');
    const at = themeAt(path);
    if (!at?.code) return '';
    return at.field === 'informantCode'
      ? `a-informant-${at.code}`
      : at.field === 'wishes'
        ? `a-wishes-${at.code}`
        : assessmentFieldId(at.code);
  };
  const describe = (path: string) => {
    const code = themeAt(path)?.code;
    return code ? a.themes.find((th) => th.themeCode === code)?.display : undefined;
  };
  const errorOf = (code: string, field: string) => {
    const index = sent.indexOf(code);
    return index >= 0 ? errors.at(`themes.${index}.${field}`) : undefined;
  };

  const set = (code: string, patch: Partial<Row>) =>
    setRows((prev) => ({ ...prev, [code]: { ...(prev[code] ?? { levelCode: '', informantCode: '', wishes: '' }), ...patch } }));
  const missingNames = a.completeness.missing.map((m) =>
    m.themeCode ? (a.themes.find((th) => th.themeCode === m.themeCode)?.display ?? '') : t('assessment.supportNeed'),
  );

  return (
    <section aria-labelledby="assessment-heading" className="vt-section">
      <h2 id="assessment-heading">{t('assessment.title')}</h2>
      <div data-testid="assessment-completeness">
        {a.completeness.complete ? (
          <Alert variant="success" heading={t('assessment.complete')} />
        ) : (
          <Alert variant="info" heading={t('assessment.missing')}>
            <p>{missingNames.join(', ')}</p>
          </Alert>
        )}
      </div>
      {save.isSuccess && !errors.state.problems.length ? (
        <Alert variant="success" heading={t('assessment.saved', { version: save.data.version })} />
      ) : null}
      <ErrorSummary errors={errors} fieldId={fieldId} describe={describe} idPrefix="a" />
      <form onSubmit={submit} noValidate>
        {(['activity', 'functions', 'environment'] as const).map((group) => (
          <div className="vt-table-scroll" key={group}>
            <table className="table table--compact" data-testid={`assessment-${group}`}>
              <caption>
                {THEME_GROUP_LABELS[group]}
                {group === 'activity' ? ` – ${t('assessment.levelRequired')}` : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('assessment.theme')}</th>
                  <th scope="col">{t('assessment.level')}</th>
                  <th scope="col">{t('assessment.informant')}</th>
                  <th scope="col">{t('assessment.wishes')}</th>
                </tr>
              </thead>
              <tbody>
                {a.themes
                  .filter((th) => th.group === group)
                  .map((th) => (
                    <tr key={th.themeCode}>
                      <th scope="row">{th.display}</th>
                      <td className={errorOf(th.themeCode, 'levelCode') ? 'form-error' : undefined}>
                        {errorOf(th.themeCode, 'levelCode') ? (
                          <span className="form-error-message" id={`${assessmentFieldId(th.themeCode)}-error`}>
                            {errorOf(th.themeCode, 'levelCode')}
                          </span>
                        ) : null}
                        <select
                          id={assessmentFieldId(th.themeCode)}
                          aria-describedby={
                            errorOf(th.themeCode, 'levelCode') ? `${assessmentFieldId(th.themeCode)}-error` : undefined
                          }
                          className="form-select"
                          aria-label={`${t('assessment.level')}: ${th.display}`}
                          aria-invalid={errorOf(th.themeCode, 'levelCode') ? true : undefined}
                          value={rows[th.themeCode]?.levelCode ?? ''}
                          onChange={(e) => set(th.themeCode, { levelCode: e.target.value })}
                        >
                          <option value="">{t('assessment.choose')}</option>
                          {FUNCTION_LEVELS.map((l) => (
                            <option key={l.code} value={l.code}>
                              {l.display}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <select
                          id={`a-informant-${th.themeCode}`}
                          className="form-select"
                          aria-label={`${t('assessment.informant')}: ${th.display}`}
                          value={rows[th.themeCode]?.informantCode ?? ''}
                          onChange={(e) => set(th.themeCode, { informantCode: e.target.value })}
                        >
                          <option value="">{t('assessment.choose')}</option>
                          {INFORMANTS.map((i) => (
                            <option key={i.code} value={i.code}>
                              {i.display}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <input
                          id={`a-wishes-${th.themeCode}`}
                          className="form-input"
                          aria-label={`${t('assessment.wishes')}: ${th.display}`}
                          value={rows[th.themeCode]?.wishes ?? ''}
                          onChange={(e) => set(th.themeCode, { wishes: e.target.value })}
                        />
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        ))}
        <Field id={assessmentFieldId('supportNeed')} label={t('assessment.supportNeed')} error={errors.at('supportNeedCode')}>
          <select
            id={assessmentFieldId('supportNeed')}
            className="form-select"
            value={supportNeed}
            onChange={(e) => setSupportNeed(e.target.value)}
          >
            <option value="">{t('assessment.choose')}</option>
            {SUPPORT_NEED_LEVELS.map((l) => (
              <option key={l.code} value={l.code}>
                {l.display}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('assessment.save')}
        </button>
      </form>
    </section>
  );
}
