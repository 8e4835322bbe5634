import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The bundle's sentence about this field, shown under it as the desk types. */
  error?: string | undefined;
  hint?: ReactNode;
  /** Figures are right-aligned and typed with the decimal keyboard. */
  numeric?: boolean;
  placeholder?: string;
  readOnly?: boolean;
}

/** One field of the plan editor with its label, hint and problem. */
export function Field({
  label,
  value,
  onChange,
  error,
  hint,
  numeric = false,
  placeholder,
  readOnly = false,
}: FieldProps) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        inputMode={numeric ? 'decimal' : undefined}
        className={numeric ? 'plan-number' : undefined}
        autoComplete="off"
        placeholder={placeholder}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(numeric ? event.target.value.trim() : event.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {label} {error}.
        </p>
      )}
    </div>
  );
}
