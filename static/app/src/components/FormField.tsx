import type { ReactNode } from 'react';
import { InlineError } from './InlineError';

export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

interface FormFieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  className?: string;
  children: (props: ControlProps) => ReactNode;
}

/** A labelled input with an optional hint and its error, wired for screen readers. */
export function FormField({ id, label, hint, error, className = '', children }: FormFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`pir-field ${className}`.trim()}>
      <label className="pir-field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="pir-field__hint pir-subtle" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({ id, ...(error ? { 'aria-invalid': true } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {error && <InlineError id={`${id}-error`}>{error}</InlineError>}
    </div>
  );
}
