import { type FormEvent, useState } from 'react';
import { can } from '../../../shared/access/permissions.ts';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import { type CaseDetail, type CaseMunicipalities, caseMunicipalitiesSchema } from '../../../shared/cases/case.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCaseCommand } from '../../modules/cases/cases.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';

type Side = 'acting' | 'paying';

/**
 * Who acts and who pays on the case (handlekommune og betalingskommune, retssikkerhedsloven §§ 9–9 c). The case's
 * own municipality by default; another is named by code and name. Another paying municipality makes the citizen's
 * place in one of our offers a sale in the forecast.
 */
export function MunicipalitiesPanel({ c, user }: { c: CaseDetail; user: SessionUser }) {
  const { t } = useI18n();
  const save = useCaseCommand<CaseMunicipalities>(c.id, 'municipalities');
  const errors = useFormErrors();
  const ids = fieldIdOf('mun');
  const [editing, setEditing] = useState(false);
  const [other, setOther] = useState<Record<Side, boolean>>({
    acting: c.municipalities.acting !== null,
    paying: c.municipalities.paying !== null,
  });
  const [values, setValues] = useState<Record<Side, { code: string; name: string }>>({
    acting: c.municipalities.acting ?? { code: '', name: '' },
    paying: c.municipalities.paying ?? { code: '', name: '' },
  });
  const own = user.municipality.name;
  const shown = (m: { code: string; name: string } | null) =>
    m ? `${m.name} (${m.code})` : t('municipalities.own', { name: own });

  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = errors.check(caseMunicipalitiesSchema, {
      version: c.version,
      acting: other.acting ? values.acting : null,
      paying: other.paying ? values.paying : null,
    });
    if (parsed) save.mutate(parsed, { onError: errors.fail, onSuccess: () => setEditing(false) });
  }

  return (
    <section aria-labelledby="municipalities-heading" className="vt-section" data-testid="municipalities">
      <h2 id="municipalities-heading">{t('municipalities.title')}</h2>
      <dl className="vt-facts">
        <dt>{t('municipalities.acting')}</dt>
        <dd>{shown(c.municipalities.acting)}</dd>
        <dt>{t('municipalities.paying')}</dt>
        <dd>{shown(c.municipalities.paying)}</dd>
      </dl>
      {save.isSuccess && !editing ? <Alert variant="success">{t('municipalities.saved')}</Alert> : null}
      {can(user.role, 'case.write') && !editing ? (
        <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
          {t('municipalities.edit')}
        </button>
      ) : null}
      {editing ? (
        <form onSubmit={submit} noValidate>
          <ErrorSummary errors={errors} fieldId={ids} idPrefix="mun" />
          {(['acting', 'paying'] as const).map((side) => (
            <fieldset key={side} className="form-group">
              <legend className="form-label">{t(side === 'acting' ? 'municipalities.acting' : 'municipalities.paying')}</legend>
              <div className="form-group-radio">
                <input
                  className="form-radio"
                  type="radio"
                  id={`mun-${side}-own`}
                  name={`mun-${side}`}
                  checked={!other[side]}
                  onChange={() => setOther({ ...other, [side]: false })}
                />
                <label htmlFor={`mun-${side}-own`}>{t('municipalities.own', { name: own })}</label>
              </div>
              <div className="form-group-radio">
                <input
                  className="form-radio"
                  type="radio"
                  id={`mun-${side}-other`}
                  name={`mun-${side}`}
                  checked={other[side]}
                  onChange={() => setOther({ ...other, [side]: true })}
                />
                <label htmlFor={`mun-${side}-other`}>{t('municipalities.other')}</label>
              </div>
              {other[side] ? (
                <div className="vt-filters">
                  <Field id={ids(`${side}.code`)} label={t('municipalities.code')} error={errors.at(`${side}.code`)}>
                    <input
                      id={ids(`${side}.code`)}
                      className="form-input input-width-xs"
                      inputMode="numeric"
                      value={values[side].code}
                      onChange={(e) => setValues({ ...values, [side]: { ...values[side], code: e.target.value } })}
                    />
                  </Field>
                  <Field id={ids(`${side}.name`)} label={t('municipalities.name')} error={errors.at(`${side}.name`)}>
                    <input
                      id={ids(`${side}.name`)}
                      className="form-input"
                      value={values[side].name}
                      onChange={(e) => setValues({ ...values, [side]: { ...values[side], name: e.target.value } })}
                    />
                  </Field>
                </div>
              ) : null}
            </fieldset>
          ))}
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {t('municipalities.save')}
          </button>{' '}
          <button type="button" className="button button-tertiary" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
