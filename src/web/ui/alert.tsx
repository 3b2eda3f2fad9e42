import type { ReactNode } from 'react';

type Variant = 'info' | 'success' | 'warning' | 'error';

/** DKFDS alert. Errors are announced to screen readers (role=alert); the rest politely. */
export function Alert({ variant, heading, children }: { variant: Variant; heading?: string; children?: ReactNode }) {
  return (
    <div className={`alert alert-${variant}`} role={variant === 'error' ? 'alert' : 'status'}>
      <div className="alert-body">
        {heading ? <p className="alert-heading">{heading}</p> : null}
        {children ? <div className="alert-text">{children}</div> : null}
      </div>
    </div>
  );
}
