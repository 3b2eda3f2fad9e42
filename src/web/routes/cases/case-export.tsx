import { type FormEvent, useState } from 'react';
import { CASE_EXPORT_PURPOSES, type CaseDetail, type CaseExportPurpose } from '../../../shared/cases/case.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ChoiceField } from '../../ui/field.tsx';

/**
 * Print the case, or save it, as one PDF (the server renders it: header, request, deadlines, assessment, decisions,
 * plan, follow-up, journal, messages and every letter). The user names the purpose, a meeting or an access request;
 * nothing is chosen for them, and the export is audited with it.
 */
export function CaseExport({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const { t } = useI18n();
  const [purpose, setPurpose] = useState<CaseExportPurpose | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!purpose) {
      setError(t('case.export.purpose.required'));
      return;
    }
    setError(undefined);
    window.open(`/api/cases/${c.id}/export?purpose=${purpose}`, '_blank', 'noopener');
    onClose();
  }
  return (
    <form
      onSubmit={submit}
      noValidate
      className="vt-panel vt-case-export"
      aria-labelledby="export-heading"
      data-testid="case-export"
    >
      <h2 id="export-heading" className="h4">
        {t('case.export.title')}
      </h2>
      <ChoiceField
        id="export-purpose"
        legend={t('case.export.purpose')}
        hint={t('case.export.hint')}
        error={error}
        options={CASE_EXPORT_PURPOSES}
        value={purpose}
        onChange={setPurpose}
        labelOf={(p) => t(`case.export.purpose.${p}`)}
      />
      <div className="vt-next-step__actions">
        <button type="submit" className="button button-primary">
          {t('case.export.submit')}
        </button>
        <button type="button" className="button button-tertiary" onClick={onClose}>
          {t('case.export.cancel')}
        </button>
      </div>
    </form>
  );
}
