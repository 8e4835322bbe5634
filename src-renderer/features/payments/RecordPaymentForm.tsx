import { useEffect, useId, useState, type FormEvent } from 'react';
import type { InvoiceRow, ProcedureOutput } from '../../../src-main/api/contract';
import { Dec } from '../../../src-main/domain/money';
import { RECEIPT_METHODS } from '../../../src-main/domain/model';
import { api } from '../../api';
import { messageOf } from '../../app/errors';
import { useSession } from '../../app/session';
import { ErrorNote } from '../../ui/ErrorNote';
import { Money } from '../../ui/Money';
import { MoneyInput } from '../../ui/MoneyInput';

export type PayableInvoice = Pick<
  InvoiceRow,
  'number' | 'id' | 'customer_name' | 'currency' | 'balance_due'
>;
export type RecordedPayment = ProcedureOutput<'recordPayment'>;
type Method = (typeof RECEIPT_METHODS)[number];

export const METHOD_LABELS: Record<Method, string> = {
  card: 'Card',
  ach: 'ACH',
  wire: 'Wire transfer',
  check: 'Check',
  cash: 'Cash',
  marketplace: 'Marketplace disbursement',
  other: 'Other',
};

const PAYABLE_STATUSES = ['overdue', 'partially_paid', 'open'] as const;

/** The invoices that can take a payment, most urgent first. */
async function payableInvoices(): Promise<InvoiceRow[]> {
  const pages = await Promise.all(
    PAYABLE_STATUSES.map((status) => api.listInvoices({ status, limit: 1000 })),
  );
  return pages.flatMap((page) => page.invoices);
}

type Field = 'invoice' | 'amount' | 'method' | 'date';

/** Which field a refusal is about, so its sentence is shown next to that field. */
function fieldOf(message: string): Field {
  if (/amount|decimals|greater than/i.test(message)) return 'amount';
  if (/date/i.test(message)) return 'date';
  if (/method/i.test(message)) return 'method';
  return 'invoice';
}

const invoiceName = (invoice: PayableInvoice) => invoice.number ?? invoice.id;

/**
 * Records one payment: against the invoice given (an invoice's page), or one chosen
 * among those still owed. Shows what part of the amount would become credit before it
 * is recorded, and the desk's refusal next to the field it is about.
 */
export function RecordPaymentForm({
  invoice: fixed,
  onRecorded,
}: {
  invoice?: PayableInvoice;
  onRecorded?: (recorded: RecordedPayment) => void;
}) {
  const id = useId();
  const today = useSession((session) => session.overview?.today ?? '');
  const locale = useSession((session) => session.locale);
  const [choices, setChoices] = useState<PayableInvoice[]>(fixed ? [fixed] : []);
  const [chosen, setChosen] = useState(fixed ? invoiceName(fixed) : '');
  const [amount, setAmount] = useState<string | null>(null);
  const [method, setMethod] = useState<Method>('wire');
  // Empty until the person picks a day: the desk's today meanwhile.
  const [pickedDate, setDate] = useState('');
  const date = pickedDate || today;
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [recorded, setRecorded] = useState<RecordedPayment | null>(null);

  useEffect(() => {
    if (fixed) return;
    payableInvoices().then(setChoices, (error: unknown) =>
      setErrors({ invoice: messageOf(error) }),
    );
  }, [fixed]);

  const invoice = choices.find((candidate) => invoiceName(candidate) === chosen);
  const excess =
    invoice && amount !== null ? new Dec(amount).minus(invoice.balance_due) : new Dec(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    if (!invoice) missing.invoice = 'Choose the invoice this payment settles.';
    if (amount === null) missing.amount = 'Enter the amount received.';
    if (!date) missing.date = 'Enter the day the money was received.';
    setErrors(missing);
    if (!invoice || amount === null || !date) return;
    setBusy(true);
    try {
      const result = await api.recordPayment({
        invoice: invoiceName(invoice),
        amount,
        method,
        date,
        reference: reference.trim() || undefined,
      });
      setRecorded(result);
      onRecorded?.(result);
    } catch (error) {
      const message = messageOf(error);
      setErrors({ [fieldOf(message)]: message });
    } finally {
      setBusy(false);
    }
  };

  if (recorded && invoice) {
    return <RecordedNote recorded={recorded} currency={invoice.currency} />;
  }

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
      {fixed ? (
        <p>
          Invoice <strong>{invoiceName(fixed)}</strong> of {fixed.customer_name}, balance due{' '}
          <Money amount={fixed.balance_due} currency={fixed.currency} />.
        </p>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-invoice`}>Invoice</label>
          <select
            id={`${id}-invoice`}
            value={chosen}
            aria-invalid={errors.invoice ? true : undefined}
            aria-describedby={errors.invoice ? `${id}-invoice-error` : undefined}
            onChange={(event) => setChosen(event.target.value)}
          >
            <option value="">Choose an invoice still owed…</option>
            {choices.map((candidate) => (
              <option key={candidate.id} value={invoiceName(candidate)}>
                {invoiceName(candidate)} · {candidate.customer_name}
              </option>
            ))}
          </select>
          {invoice && (
            <p className="field__hint">
              Balance due <Money amount={invoice.balance_due} currency={invoice.currency} />
            </p>
          )}
          <ErrorNote id={`${id}-invoice-error`} message={errors.invoice} />
        </div>
      )}
      <MoneyInput
        key={invoice?.currency ?? 'none'}
        label="Amount received"
        currency={invoice?.currency ?? 'USD'}
        locale={locale}
        onChange={setAmount}
        error={errors.amount}
      />
      {invoice && excess.gt(0) && (
        <p className="notice" role="status">
          <Money amount={excess.toFixed()} currency={invoice.currency} /> beyond the balance due
          becomes a credit of {invoice.customer_name}, applied to their next invoice.
        </p>
      )}
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-method`}>Method</label>
          <select
            id={`${id}-method`}
            value={method}
            onChange={(event) => setMethod(event.target.value as Method)}
          >
            {RECEIPT_METHODS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {METHOD_LABELS[candidate]}
              </option>
            ))}
          </select>
          <ErrorNote message={errors.method} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>Received on</label>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            aria-invalid={errors.date ? true : undefined}
            aria-describedby={errors.date ? `${id}-date-error` : undefined}
            onChange={(event) => setDate(event.target.value)}
          />
          <ErrorNote id={`${id}-date-error`} message={errors.date} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-reference`}>Reference</label>
        <input
          id={`${id}-reference`}
          value={reference}
          autoComplete="off"
          aria-describedby={`${id}-reference-hint`}
          onChange={(event) => setReference(event.target.value)}
        />
        <p id={`${id}-reference-hint`} className="field__hint">
          The bank’s or processor’s reference: the same payment is then never recorded twice.
        </p>
      </div>
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Recording…' : 'Record the payment'}
        </button>
      </div>
    </form>
  );
}

const STATUS_WORDS: Record<string, string> = {
  paid: 'paid',
  partially_paid: 'partially paid',
  overdue: 'overdue',
  open: 'open',
};

function RecordedNote({ recorded, currency }: { recorded: RecordedPayment; currency: string }) {
  const { payment, invoice, overpayment_credit: credit, duplicate } = recorded;
  return (
    <div className="notice notice--success" role="status">
      <p>
        {duplicate ? 'Already recorded as ' : 'Recorded '}
        <strong>{payment.id}</strong>: <Money amount={payment.amount} currency={currency} /> by{' '}
        {METHOD_LABELS[payment.method as Method] ?? payment.method} on {payment.date}
        {duplicate && '; nothing new was recorded'}.
      </p>
      <p>
        {invoice.number} is {STATUS_WORDS[invoice.status] ?? invoice.status}, balance due{' '}
        <Money amount={invoice.balance_due} currency={currency} />.
      </p>
      {credit && (
        <p>
          <Money amount={credit.amount} currency={credit.currency} /> beyond the balance became
          credit {credit.id}.
        </p>
      )}
    </div>
  );
}
