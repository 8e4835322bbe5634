import { useEffect, useId, useState } from 'react';
import type { InvoiceRow, ProcedureOutput } from '../../../src-main/api/contract';
import { api } from '../../api';
import { messageOf } from '../../app/errors';
import { useSession } from '../../app/session';
import { ErrorNote } from '../../ui/ErrorNote';
import { Money } from '../../ui/Money';
import {
  PaymentForm,
  RECEIPT_METHOD_NAMES,
  type PaymentEntry,
  type ReceiptMethod,
} from '../invoices/PaymentForm';

type RecordedPayment = ProcedureOutput<'recordPayment'>;

const PAYABLE_STATUSES = ['overdue', 'partially_paid', 'open'] as const;

/** The invoices that can take a payment, most urgent first. */
async function payableInvoices(): Promise<InvoiceRow[]> {
  const pages = await Promise.all(
    PAYABLE_STATUSES.map((status) => api.listInvoices({ status, limit: 1000 })),
  );
  return pages.flatMap((page) => page.invoices);
}

const invoiceName = (invoice: InvoiceRow) => invoice.number ?? invoice.id;

/**
 * A payment recorded from the Payments screen: the invoice is chosen among those still
 * owed, then taken by the same form as on the invoice's page. What was recorded replaces
 * the form, so that the person sees the invoice's new balance before closing.
 */
export function RecordPayment({ onRecorded }: { onRecorded: () => void }) {
  const id = useId();
  const today = useSession((session) => session.overview?.today ?? '');
  const locale = useSession((session) => session.locale);
  const [choices, setChoices] = useState<InvoiceRow[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chosen, setChosen] = useState('');
  const [recorded, setRecorded] = useState<RecordedPayment | null>(null);

  useEffect(() => {
    payableInvoices().then(setChoices, (error: unknown) => setLoadError(messageOf(error)));
  }, []);

  const invoice = choices.find((candidate) => invoiceName(candidate) === chosen);

  if (recorded && invoice) {
    return <RecordedNote recorded={recorded} currency={invoice.currency} />;
  }

  const record = async (payment: PaymentEntry, payee: InvoiceRow) => {
    try {
      const result = await api.recordPayment({ invoice: invoiceName(payee), ...payment });
      setRecorded(result);
      onRecorded();
      return null;
    } catch (error) {
      return messageOf(error);
    }
  };

  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={`${id}-invoice`}>Invoice</label>
        <select
          id={`${id}-invoice`}
          value={chosen}
          aria-invalid={loadError ? true : undefined}
          aria-describedby={loadError ? `${id}-invoice-error` : undefined}
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
        <ErrorNote id={`${id}-invoice-error`} message={loadError} />
      </div>
      {invoice && (
        <PaymentForm
          key={invoice.id}
          currency={invoice.currency}
          locale={locale}
          balanceDue={invoice.balance_due}
          customerName={invoice.customer_name}
          today={today}
          onRecord={(payment) => record(payment, invoice)}
        />
      )}
    </div>
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
        {RECEIPT_METHOD_NAMES[payment.method as ReceiptMethod] ?? payment.method} on {payment.date}
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
