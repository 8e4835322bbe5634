import { customerSchema, type Customer } from '../../../src-main/domain/model';
import { api } from '../../api';
import { ErrorNote } from '../../ui/ErrorNote';
import { TextField } from '../../ui/TextField';
import { listOf } from './entityForm';
import { useEntityForm } from './useEntityForm';

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
  const form = useEntityForm({
    labels: LABELS,
    initial: () => valuesOf(customer),
    schema: customerSchema,
    entityOf: customerOf,
    save: ({ id, ...changes }) =>
      customer
        ? api.editCustomer({ customer: customer.id, changes })
        : api.addCustomer({ id, ...changes }),
    onSaved,
  });
  const field = (name: Field, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField {...form.fieldProps(name)} {...extra} />
  );

  return (
    <form className="card entity-form" onSubmit={form.submit} noValidate>
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
      <ErrorNote message={form.formError} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {customer ? 'Save changes' : 'Add customer'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
