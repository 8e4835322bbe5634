import { useId } from 'react';

/** A billing period (YYYY-MM), picked as a month. */
export function PeriodField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (period: string) => void;
}) {
  const id = useId();
  return (
    <div className="field field--inline">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="month"
        value={value}
        onChange={(event) => {
          if (/^\d{4}-\d{2}$/.test(event.target.value)) onChange(event.target.value);
        }}
      />
    </div>
  );
}
