import { useId } from 'react';
import { useSession } from '../app/session';

/** A filter by customer: every customer of the book by name, or all of them. */
export function CustomerSelect({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (customer: string | undefined) => void;
}) {
  const id = useId();
  const customers = useSession((session) => session.overview?.customers) ?? [];
  return (
    <div className="field">
      <label htmlFor={id}>Customer</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">Every customer</option>
        {customers.map((customer) => (
          <option key={customer.id} value={customer.id}>
            {customer.name}
          </option>
        ))}
      </select>
    </div>
  );
}
