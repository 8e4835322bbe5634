import { useId, useState } from 'react';
import { currencySymbol, parseMoneyInput } from '../format/money';

interface MoneyInputProps {
  label: string;
  currency: string;
  locale: string;
  /** Called with the plain decimal string ("1234.50"), or null while the text is no valid amount. */
  onChange: (amount: string | null) => void;
  defaultValue?: string;
  /** An error from outside (the server refused the amount): shown under the field. */
  error?: string | null;
}

/**
 * A money field: typed in the person's locale, checked against the currency's
 * decimals as they leave the field, handed on as an exact decimal string.
 */
export function MoneyInput({
  label,
  currency,
  locale,
  onChange,
  defaultValue = '',
  error,
}: MoneyInputProps) {
  const id = useId();
  const [text, setText] = useState(defaultValue);
  const [ownError, setOwnError] = useState<string | null>(null);
  const shown = ownError ?? error ?? null;

  const checkOnLeave = (value: string) => {
    const parsed = parseMoneyInput(value, currency, locale);
    setOwnError(parsed.ok || value.trim() === '' ? null : parsed.error);
    onChange(parsed.ok ? parsed.amount : null);
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="money-input">
        <span className="money-input__currency" aria-hidden="true">
          {currencySymbol(currency, locale)}
        </span>
        <input
          id={id}
          inputMode="decimal"
          autoComplete="off"
          value={text}
          aria-invalid={shown ? true : undefined}
          aria-describedby={shown ? `${id}-error` : `${id}-currency`}
          onChange={(event) => {
            setText(event.target.value);
            // Errors appear when the person leaves the field, and clear as soon as they fix it.
            const parsed = parseMoneyInput(event.target.value, currency, locale);
            if (ownError && parsed.ok) setOwnError(null);
            onChange(parsed.ok ? parsed.amount : null);
          }}
          onBlur={(event) => checkOnLeave(event.target.value)}
        />
      </div>
      <span id={`${id}-currency`} className="visually-hidden">
        in {currency}
      </span>
      {shown && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {shown}
        </p>
      )}
    </div>
  );
}
