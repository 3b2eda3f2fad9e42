import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { reportingSettingsSchema } from '../../../shared/ffb-reporting/ffb-reporting.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useReportingSettings, useSaveSettings } from '../../modules/reporting/reporting.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';

/** Where FFB reports go, and the municipality's KOMBIT organisation code. */
export function ReportingSettingsPage() {
  const { t } = useI18n();
  const settings = useReportingSettings();
  const save = useSaveSettings();
  const errors = useFormErrors();
  const [form, setForm] = useState({ organisationCode: '', gatewayUrl: '', enabled: true, caseNumberSystem: '' });
  useEffect(() => {
    if (settings.data)
      setForm({
        organisationCode: settings.data.organisationCode ?? '',
        gatewayUrl: settings.data.gatewayUrl ?? '',
        enabled: settings.data.enabled,
        caseNumberSystem: settings.data.caseNumberSystem,
      });
  }, [settings.data]);
  if (!settings.data) return <p>{t('common.loading')}</p>;
  const version = settings.data.version;
  return (
    <>
      <p>
        <Link to="/indberetning">{t('ffb.back')}</Link>
      </p>
      <h1>{t('ffb.settings')}</h1>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = errors.check(reportingSettingsSchema, {
            version,
            organisationCode: form.organisationCode.trim() || null,
            gatewayUrl: form.gatewayUrl.trim() || null,
            enabled: form.enabled,
            caseNumberSystem: form.caseNumberSystem,
          });
          if (parsed) save.mutate(parsed, { onError: errors.fail });
        }}
      >
        <ErrorSummary errors={errors} fieldId={fieldIdOf('s')} idPrefix="s" />
        {save.isSuccess ? <Alert variant="success">{t('common.saved')}</Alert> : null}
        <Field id="s-gatewayUrl" label={t('ffb.gateway')} hint={t('ffb.gateway.hint')} error={errors.at('gatewayUrl')}>
          <input
            id="s-gatewayUrl"
            className="form-input"
            value={form.gatewayUrl}
            onChange={(e) => setForm({ ...form, gatewayUrl: e.target.value })}
          />
        </Field>
        <Field
          id="s-organisationCode"
          label={t('ffb.organisationCode')}
          hint={t('ffb.organisationCode.hint')}
          error={errors.at('organisationCode')}
        >
          <input
            id="s-organisationCode"
            className="form-input"
            value={form.organisationCode}
            onChange={(e) => setForm({ ...form, organisationCode: e.target.value })}
          />
        </Field>
        <Field id="s-caseNumberSystem" label={t('ffb.caseNumberSystem')} error={errors.at('caseNumberSystem')}>
          <input
            id="s-caseNumberSystem"
            className="form-input"
            value={form.caseNumberSystem}
            onChange={(e) => setForm({ ...form, caseNumberSystem: e.target.value })}
          />
        </Field>
        <div className="form-group form-group-checkbox">
          <input
            id="s-enabled"
            type="checkbox"
            className="form-checkbox"
            checked={form.enabled}
            onChange={(e) => setForm({ ...form, enabled: e.target.checked })}
          />
          <label htmlFor="s-enabled">{t('ffb.enabled')}</label>
        </div>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('common.save')}
        </button>
      </form>
    </>
  );
}
