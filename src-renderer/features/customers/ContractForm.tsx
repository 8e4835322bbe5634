import {
  contractSchema,
  PAYMENT_METHODS,
  type Contract,
  type Customer,
} from '../../../src-main/domain/model';
import { api } from '../../api';
import { useSession } from '../../app/session';
import { ErrorNote } from '../../ui/ErrorNote';
import { TextField } from '../../ui/TextField';
import { useEntityForm } from './useEntityForm';

const LABELS = {
  id: 'Contract id',
  plan: 'Plan',
  start_date: 'Starts on',
  payment_method: 'Payment method',
  payment_terms_days: 'Payment terms (days)',
  discount_percent: 'Discount (%)',
} as const;
type Field = keyof typeof LABELS;
type Values = Record<Field, string>;

const METHOD_LABELS: Record<(typeof PAYMENT_METHODS)[number], string> = {
  card: 'Card',
  ach: 'ACH debit',
  invoice: 'Invoice (pay by transfer)',
  wire: 'Wire',
  check: 'Check',
  marketplace: 'Marketplace',
};

function contractOf(customer: string, values: Values) {
  const terms = values.payment_terms_days.trim();
  return {
    id: values.id.trim(),
    customer,
    plan: values.plan,
    start_date: values.start_date,
    payment_method: values.payment_method,
    payment_terms_days: terms === '' ? null : /^\d+$/.test(terms) ? Number(terms) : terms,
    discount_percent: values.discount_percent.trim() || '0',
  };
}

/** The first free id of the form `<customer>-<n>`. */
function suggestedId(customer: string, taken: readonly Contract[]): string {
  const ids = new Set(taken.map((contract) => contract.id));
  let n = 1;
  while (ids.has(`${customer}-${n}`)) n += 1;
  return `${customer}-${n}`;
}

/** Starting a contract for a customer on one of the plans in their currency. */
export function ContractForm({
  customer,
  onSaved,
  onCancel,
}: {
  customer: Customer;
  onSaved: (contract: Contract) => void;
  onCancel: () => void;
}) {
  const overview = useSession((session) => session.overview);
  const plans = (overview?.plans ?? []).filter((plan) => plan.currency === customer.currency);
  const form = useEntityForm({
    labels: LABELS,
    initial: (): Values => ({
      id: suggestedId(customer.id, overview?.contracts ?? []),
      plan: plans[0]?.code ?? '',
      start_date: overview?.today ?? '',
      payment_method: 'invoice',
      payment_terms_days: '',
      discount_percent: '0',
    }),
    schema: contractSchema,
    entityOf: (values) => contractOf(customer.id, values),
    save: (contract) => api.addContract(contract),
    onSaved,
  });

  return (
    <form className="card entity-form" onSubmit={form.submit} noValidate>
      <div className="form-grid">
        <TextField
          {...form.fieldProps('plan')}
          hint={
            plans.length === 0
              ? `No plan is priced in ${customer.currency} yet: add one under Plans.`
              : `Plans priced in ${customer.currency}.`
          }
        >
          {plans.map((plan) => (
            <option key={plan.code} value={plan.code}>
              {plan.name} ({plan.code})
            </option>
          ))}
        </TextField>
        <TextField {...form.fieldProps('id')} required />
        <TextField
          {...form.fieldProps('start_date')}
          type="date"
          hint="The first day it bills; fees are prorated from it."
        />
        <TextField {...form.fieldProps('payment_method')}>
          {PAYMENT_METHODS.map((method) => (
            <option key={method} value={method}>
              {METHOD_LABELS[method]}
            </option>
          ))}
        </TextField>
        <TextField
          {...form.fieldProps('payment_terms_days')}
          hint={`Empty: the desk's ${overview?.settings.payment_terms_days ?? 30} days.`}
        />
        <TextField {...form.fieldProps('discount_percent')} />
      </div>
      <ErrorNote message={form.formError} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={form.busy}>
          Start contract
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
