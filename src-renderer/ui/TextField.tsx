import { useId, type ReactNode } from 'react';

/**
 * A labelled field with its problem beside it (announced, and tied to the input with
 * aria-describedby) and an optional hint. `multiline` makes it a text area.
 */
export function TextField({
  label,
  value,
  onChange,
  onBlur,
  error,
  hint,
  type = 'text',
  inputMode,
  multiline = false,
  disabled = false,
  required = false,
  className = 'field',
  list,
  placeholder,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string | null;
  hint?: ReactNode;
  type?: 'text' | 'date' | 'email' | 'number' | 'month' | 'password';
  /** The keyboard a touch screen offers: digits only, or digits with a decimal separator. */
  inputMode?: 'numeric' | 'decimal';
  multiline?: boolean;
  disabled?: boolean;
  required?: boolean;
  className?: string;
  /** The id of a datalist of suggestions. */
  list?: string;
  /** An example of what to type, shown while the field is empty. */
  placeholder?: string;
  /** Options: the field is a select. */
  children?: ReactNode;
}) {
  const id = useId();
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    value,
    disabled,
    required,
    onBlur,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described || undefined,
  };
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {children !== undefined ? (
        <select {...common} onChange={(event) => onChange(event.target.value)}>
          {children}
        </select>
      ) : multiline ? (
        <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          inputMode={inputMode}
          list={list}
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
