import { useState, type FormEvent } from 'react';
import { customerSchema, type Customer } from '../../../src-main/domain/model';
import { api } from '../../api';
import { messageOf } from '../../app/errors';
import { ErrorNote } from '../../ui/ErrorNote';
import { TextField } from '../../ui/TextField';
import { listOf, refusedField, schemaErrors, type FieldErrors } from './entityForm';

const LABELS = {
  id: 'Customer id',
  name: 'Legal name',
  currency: 'Currency',
  external_ids: 'External ids',
  email: 'Billing emails',
  address: 'Address',
  tax_id: 'Tax id',
  tax_rate: 'Tax rate (%)',
  tax_label: 'Tax label',
  tax_exempt: 'Tax exemption',
} as const;
type Field = keyof typeof LABELS;
type Values = Record<Field, string>;

function valuesOf(customer: Customer | null): Values {
  return {
    id: customer?.id ?? '',
    name: customer?.name ?? '',
    currency: customer?.currency ?? 'USD',
    external_ids: customer?.external_ids.join(', ') ?? '',
    email: customer?.email.join(', ') ?? '',
    address: customer?.address.join('\n') ?? '',
    tax_id: customer?.tax_id ?? '',
    tax_rate: customer?.tax_rate ?? '0',
    tax_label: customer?.tax_label ?? '',
    tax_exempt: customer?.tax_exempt ?? '',
  };
}

/** The customer as the bundle holds it. */
export function customerOf(values: Values) {
  return {
    id: values.id.trim(),
    name: values.name.trim(),
    currency: values.currency.trim().toUpperCase(),
    external_ids: listOf(values.external_ids),
    email: listOf(values.email),
    address: values.address
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    tax_id: values.tax_id.trim(),
    tax_rate: values.tax_rate.trim() || '0',
    tax_label: values.tax_label.trim(),
    tax_exempt: values.tax_exempt.trim() || null,
  };
}

/**
 * Adding a customer, or editing one (`customer` given: the id stays). Each field is
 * checked by the bundle's schema once it has been left, and on saving; what only the
 * book can judge comes back from the desk and is shown beside its field too.
 */
export function CustomerForm({
  customer = null,
  onSaved,
  onCancel,
}: {
  customer?: Customer | null;
  onSaved: (customer: Customer) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<Values>(() => valuesOf(customer));
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const [refusal, setRefusal] = useState<{ field: Field | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const errors: FieldErrors = schemaErrors(customerSchema, customerOf(values), LABELS);

  const shownError = (field: Field): string | null =>
    (touched.has(field) ? errors[field] : undefined) ??
    (refusal?.field === field ? refusal.message : null);

  const field = (name: Field, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      label={LABELS[name]}
      value={values[name]}
      onChange={(value) => {
        setValues((current) => ({ ...current, [name]: value }));
        if (refusal?.field === name) setRefusal(null);
      }}
      onBlur={() => setTouched((current) => new Set(current).add(name))}
      error={shownError(name)}
      {...extra}
    />
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(new Set(Object.keys(LABELS) as Field[]));
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    setRefusal(null);
    try {
      const { id, ...changes } = customerOf(values);
      onSaved(
        customer
          ? await api.editCustomer({ customer: customer.id, changes })
          : await api.addCustomer({ id, ...changes }),
      );
    } catch (error) {
      const message = messageOf(error);
      setRefusal({
        field: refusedField(message, Object.keys(LABELS)) as Field | null,
        message,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card entity-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="form-grid">
        {field('name', { required: true, hint: 'As it appears on invoices.' })}
        {field('id', {
          required: true,
          disabled: customer !== null,
          hint: customer ? 'An id never changes.' : 'Short and stable, e.g. acme.',
        })}
        {field('currency', {
          required: true,
          hint: 'ISO 4217 code; invoices and credits are in it.',
        })}
        {field('external_ids', {
          hint: 'The ids usage files name this customer by, separated by commas.',
        })}
        {field('email', { hint: 'Where invoices are sent, separated by commas.' })}
        {field('address', { multiline: true, hint: 'One line per line of the address.' })}
        {field('tax_id')}
        {field('tax_rate')}
        {field('tax_label', { hint: 'e.g. VAT, GST, Sales tax.' })}
        {field('tax_exempt', { hint: 'Why no tax is due (reverse charge…); empty if it is.' })}
      </div>
      <ErrorNote message={refusal !== null && refusal.field === null ? refusal.message : null} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {customer ? 'Save changes' : 'Add customer'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
