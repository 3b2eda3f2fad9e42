import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';

type Describable = { 'aria-describedby'?: string; 'aria-invalid'?: boolean };

/** Links the input to its hint and error (aria-describedby) and marks it invalid, keeping what it had. */
function described(children: ReactNode, ids: string[], invalid: boolean): ReactNode {
  if (!isValidElement(children)) return children;
  const element = children as ReactElement<Describable>;
  const own = element.props['aria-describedby'];
  const describedBy = [...new Set([...(own ? own.split(' ') : []), ...ids])].join(' ') || undefined;
  return cloneElement(element, {
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(invalid ? { 'aria-invalid': true } : {}),
  });
}

/** A DKFDS form group: label, hint, the field's error (linked to the input) and the input. */
export function Field({
  id,
  label,
  error,
  hint,
  children,
  className,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const ids = [...(hint ? [`${id}-hint`] : []), ...(error ? [`${id}-error`] : [])];
  return (
    <div className={`form-group${error ? ' form-error' : ''}${className ? ` ${className}` : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="form-error-message" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      {described(children, ids, Boolean(error))}
    </div>
  );
}

/**
 * A DKFDS radio group in a fieldset. Nothing is chosen until the person chooses (`value` null): the choices here
 * are legal statements (a party hearing, a reconsideration's outcome), so the form says why it asks (`hint`).
 * The first radio's id is `${id}-${first option}`, which the error summary links to.
 */
export function ChoiceField<V extends string>({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  labelOf,
}: {
  id: string;
  legend: string;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly V[];
  value: V | null;
  onChange: (value: V) => void;
  labelOf: (value: V) => string;
}) {
  const ids = [...(hint ? [`${id}-hint`] : []), ...(error ? [`${id}-error`] : [])];
  return (
    <fieldset className={`form-group${error ? ' form-error' : ''}`} aria-describedby={ids.join(' ') || undefined}>
      <legend className="form-label">{legend}</legend>
      {hint ? (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="form-error-message" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      {options.map((option) => (
        <div className="form-group-radio" key={option}>
          <input
            className="form-radio"
            type="radio"
            id={`${id}-${option}`}
            name={id}
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
          />
          <label htmlFor={`${id}-${option}`}>{labelOf(option)}</label>
        </div>
      ))}
    </fieldset>
  );
}
