import { useState, type FormEvent } from 'react';
import {
  contractSchema,
  PAYMENT_METHODS,
  type Contract,
  type Customer,
} from '../../../src-main/domain/model';
import { api } from '../../api';
import { messageOf } from '../../app/errors';
import { useSession } from '../../app/session';
import { ErrorNote } from '../../ui/ErrorNote';
import { TextField } from '../../ui/TextField';
import { refusedField, schemaErrors, type FieldErrors } from './entityForm';

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
  const [values, setValues] = useState<Values>(() => ({
    id: suggestedId(customer.id, overview?.contracts ?? []),
    plan: plans[0]?.code ?? '',
    start_date: overview?.today ?? '',
    payment_method: 'invoice',
    payment_terms_days: '',
    discount_percent: '0',
  }));
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const [refusal, setRefusal] = useState<{ field: Field | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const errors: FieldErrors = schemaErrors(contractSchema, contractOf(customer.id, values), LABELS);
  const shownError = (field: Field) =>
    (touched.has(field) ? errors[field] : undefined) ??
    (refusal?.field === field ? refusal.message : null);
  const set = (field: Field) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (refusal?.field === field) setRefusal(null);
  };
  const leave = (field: Field) => () => setTouched((current) => new Set(current).add(field));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(new Set(Object.keys(LABELS) as Field[]));
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    setRefusal(null);
    try {
      onSaved(await api.addContract(contractOf(customer.id, values)));
    } catch (error) {
      const message = messageOf(error);
      setRefusal({ field: refusedField(message, Object.keys(LABELS)) as Field | null, message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card entity-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="form-grid">
        <TextField
          label={LABELS.plan}
          value={values.plan}
          onChange={set('plan')}
          onBlur={leave('plan')}
          error={shownError('plan')}
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
        <TextField
          label={LABELS.id}
          value={values.id}
          onChange={set('id')}
          onBlur={leave('id')}
          error={shownError('id')}
          required
        />
        <TextField
          label={LABELS.start_date}
          type="date"
          value={values.start_date}
          onChange={set('start_date')}
          onBlur={leave('start_date')}
          error={shownError('start_date')}
          hint="The first day it bills; fees are prorated from it."
        />
        <TextField
          label={LABELS.payment_method}
          value={values.payment_method}
          onChange={set('payment_method')}
          error={shownError('payment_method')}
        >
          {PAYMENT_METHODS.map((method) => (
            <option key={method} value={method}>
              {METHOD_LABELS[method]}
            </option>
          ))}
        </TextField>
        <TextField
          label={LABELS.payment_terms_days}
          value={values.payment_terms_days}
          onChange={set('payment_terms_days')}
          onBlur={leave('payment_terms_days')}
          error={shownError('payment_terms_days')}
          hint={`Empty: the desk's ${overview?.settings.payment_terms_days ?? 30} days.`}
        />
        <TextField
          label={LABELS.discount_percent}
          value={values.discount_percent}
          onChange={set('discount_percent')}
          onBlur={leave('discount_percent')}
          error={shownError('discount_percent')}
        />
      </div>
      <ErrorNote message={refusal !== null && refusal.field === null ? refusal.message : null} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          Start contract
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
