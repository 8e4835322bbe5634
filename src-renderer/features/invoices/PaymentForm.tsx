import { useId, useState } from 'react';
import { Dec } from '../../../src-main/domain/money';
import { RECEIPT_METHODS } from '../../../src-main/domain/model';
import { moneyInputText } from '../../format/money';
import { ErrorNote } from '../../ui/ErrorNote';
import { Money } from '../../ui/Money';
import { MoneyInput } from '../../ui/MoneyInput';
import { TextField } from '../../ui/TextField';

export type ReceiptMethod = (typeof RECEIPT_METHODS)[number];

export interface PaymentEntry {
  amount: string;
  method: ReceiptMethod;
  date: string;
  reference: string;
}

export const RECEIPT_METHOD_NAMES: Record<ReceiptMethod, string> = {
  card: 'Card',
  ach: 'ACH transfer',
  wire: 'Wire transfer',
  check: 'Check',
  cash: 'Cash',
  marketplace: 'Marketplace payout',
  other: 'Other',
};

/** Every method a payment can be received by, as options of a select. */
export function ReceiptMethodOptions() {
  return RECEIPT_METHODS.map((method) => (
    <option key={method} value={method}>
      {RECEIPT_METHOD_NAMES[method]}
    </option>
  ));
}

type Field = 'amount' | 'date' | 'form';

/** The field a refusal of the desk is about, so that its sentence is shown beside it. */
export function fieldOfRefusal(message: string): Field {
  if (/\bdate\b|before .*issued|in the future/i.test(message)) return 'date';
  if (/\bamount\b|already paid|decimals?\b/i.test(message)) return 'amount';
  return 'form';
}

/**
 * Recording money received against an invoice: the amount in the person's locale
 * (checked against the currency as the field is left), how and when it came, and the
 * bank's reference. What part of the amount would become the customer's credit is said
 * before it is recorded. `onRecord` answers the desk's refusal, or null once recorded.
 */
export function PaymentForm({
  currency,
  locale,
  balanceDue,
  customerName,
  today,
  onRecord,
}: {
  currency: string;
  locale: string;
  /** Offered as the amount: most payments settle the invoice. */
  balanceDue: string;
  /** Named in the warning that an overpayment becomes this customer's credit. */
  customerName: string;
  today: string;
  onRecord: (payment: PaymentEntry) => Promise<string | null>;
}) {
  const id = useId();
  const [amount, setAmount] = useState<string | null>(balanceDue);
  const [method, setMethod] = useState<ReceiptMethod>('wire');
  const [date, setDate] = useState(today);
  const [reference, setReference] = useState('');
  const [refusal, setRefusal] = useState<{ field: Field; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const refusedAt = (field: Field) => (refusal?.field === field ? refusal.message : null);
  const dateMissing = date === '';
  const dateError = dateMissing ? 'Enter the date the money arrived.' : refusedAt('date');
  const overpayment = amount === null ? new Dec(0) : new Dec(amount).minus(balanceDue);

  return (
    <form
      key={formKey}
      className="inline-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        if (amount === null || dateMissing) return;
        setBusy(true);
        setRefusal(null);
        void onRecord({ amount, method, date, reference: reference.trim() })
          .then((message) => {
            if (message === null) {
              setReference('');
              setFormKey((key) => key + 1);
            } else setRefusal({ field: fieldOfRefusal(message), message });
          })
          .finally(() => setBusy(false));
      }}
    >
      <h3 id={`${id}-heading`}>Record a payment</h3>
      <div className="toolbar">
        <MoneyInput
          label="Amount received"
          currency={currency}
          locale={locale}
          defaultValue={moneyInputText(balanceDue, locale)}
          onChange={setAmount}
          error={refusedAt('amount')}
        />
        {overpayment.gt(0) && (
          <p className="notice" role="status">
            <Money amount={overpayment.toFixed()} currency={currency} /> beyond the balance due
            becomes a credit of {customerName}, applied to their next invoice.
          </p>
        )}
        <TextField
          label="Method"
          value={method}
          onChange={(value) => setMethod(value as ReceiptMethod)}
        >
          <ReceiptMethodOptions />
        </TextField>
        <div className="field">
          <label htmlFor={`${id}-date`}>Received on</label>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            onChange={(event) => setDate(event.target.value)}
            aria-invalid={dateError ? true : undefined}
            aria-describedby={dateError ? `${id}-date-error` : undefined}
          />
          {dateError && (
            <p id={`${id}-date-error`} className="field__error" role="alert">
              {dateError}
            </p>
          )}
        </div>
        <TextField
          label="Bank reference"
          className="field field--wide"
          value={reference}
          onChange={setReference}
          placeholder="As on the statement (optional)"
        />
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || amount === null || dateMissing}
        >
          Record payment
        </button>
      </div>
      <ErrorNote message={refusedAt('form')} />
    </form>
  );
}
