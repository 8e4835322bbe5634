import { useEffect, useId, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { DataTable } from '../../ui/DataTable';
import { ErrorNote } from '../../ui/ErrorNote';
import { Money, UnitPrice } from '../../ui/Money';
import { MoneyInput } from '../../ui/MoneyInput';
import { PageHeader } from '../../ui/PageHeader';
import { StatusBadge } from '../../ui/StatusBadge';
import { TextField } from '../../ui/TextField';
import {
  explainedAmountColumns,
  LineExplanationDrawer,
  QUANTITY_COLUMN,
  type ExplainedLine,
} from '../bill-run/LineExplanation';
import { Dec } from '../../../src-main/domain/money';
import { taxLineLabel } from '../../../src-main/domain/tax-label';
import { DocumentActions } from './DocumentActions';
import { EmailRecords } from './EmailRecords';
import { ReminderAction } from '../reminders/ReminderAction';
import { PaymentForm } from './PaymentForm';
import { PdfPreview } from './PdfPreview';
import { useInvoicePage, type InvoiceDetail } from './store';

const FINALIZED = ['open', 'paid', 'partially_paid', 'overdue'];

function Totals({ detail }: { detail: InvoiceDetail }) {
  const { invoice } = detail;
  const locale = useSession((session) => session.locale);
  const money = (amount: string) => <Money amount={amount} currency={invoice.currency} />;
  const taxRows: [string, string][] =
    invoice.tax_lines.length > 0
      ? invoice.tax_lines.map((line) => [taxLineLabel(line.label, line.rate, locale), line.amount])
      : [[invoice.tax_exempt ? `Tax (${invoice.tax_exempt})` : 'Tax', invoice.tax]];
  const rows: [string, string, boolean?][] = [
    ['Subtotal', invoice.subtotal],
    ['Discount', invoice.discount],
    ['Credits', invoice.credits],
    ...taxRows,
    ['Total', invoice.total, true],
    ['Prepaid applied', invoice.prepaid_applied],
    ['Paid', invoice.amount_paid],
    ['Credited', invoice.credited],
    ['Balance due', invoice.balance_due, true],
  ];
  return (
    <dl className="totals">
      {rows.map(([term, amount, strong]) => (
        <div key={term} className={strong ? 'totals__row totals__row--strong' : 'totals__row'}>
          <dt>{term}</dt>
          <dd>{money(amount)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Lines({
  detail,
  onExplain,
}: {
  detail: InvoiceDetail;
  onExplain: (line: ExplainedLine) => void;
}) {
  const { invoice } = detail;
  return (
    <DataTable
      caption="Lines"
      captionHidden
      columns={[
        { header: 'Description', cell: (line) => line.description },
        { header: 'Period', cell: (line) => line.period },
        QUANTITY_COLUMN,
        {
          header: 'Unit price',
          numeric: true,
          cell: (line) =>
            line.unit_price !== null && (
              <UnitPrice price={line.unit_price} currency={invoice.currency} />
            ),
        },
        ...explainedAmountColumns(invoice, onExplain),
      ]}
      rows={invoice.lines}
      rowKey={(_line, index) => index}
    />
  );
}

function CreditNoteForm({ detail }: { detail: InvoiceDetail }) {
  const id = useId();
  const locale = useSession((session) => session.locale);
  const { issueCreditNote, busy, actionError } = useInvoicePage();
  const [amount, setAmount] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [formKey, setFormKey] = useState(0);
  const error = actionError?.action === 'credit_note' ? actionError.message : null;
  return (
    <form
      key={formKey}
      className="inline-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        if (amount === null || reason.trim() === '') return;
        void issueCreditNote(amount, reason).then((done) => {
          if (done) {
            setAmount(null);
            setReason('');
            setFormKey((key) => key + 1);
          }
        });
      }}
    >
      <h3 id={`${id}-heading`}>Issue a credit note</h3>
      <div className="toolbar">
        <MoneyInput
          label="Amount"
          currency={detail.invoice.currency}
          locale={locale}
          onChange={setAmount}
        />
        <TextField
          label="Reason"
          className="field field--wide"
          value={reason}
          onChange={setReason}
          placeholder="What the note corrects"
        />
        <button
          type="submit"
          className="button"
          disabled={busy || amount === null || reason.trim() === ''}
        >
          Issue credit note
        </button>
      </div>
      <ErrorNote message={error} />
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="card__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** One invoice: its figures, lines and their reasons, its notes, and what can be done to it. */
export function InvoicePage() {
  const { reference = '' } = useParams();
  const { detail, error, open, notice, busy, actionError, voidInvoice, emails } = useInvoicePage();
  const { refreshEmails, recordPayment } = useInvoicePage();
  const locale = useSession((session) => session.locale);
  const today = useSession((session) => session.overview?.today ?? '');
  const [explained, setExplained] = useState<ExplainedLine | null>(null);

  useEffect(() => void open(reference), [open, reference]);

  if (error) {
    return (
      <>
        <PageHeader title={`Invoice ${reference}`} />
        <ErrorNote message={error} />
        <p>
          <Link to="/invoices">Back to the invoices</Link>
        </p>
      </>
    );
  }
  if (!detail) return <PageHeader title={`Invoice ${reference}`} subtitle="Loading…" />;

  const { invoice, customer, credit_notes } = detail;
  const finalized = FINALIZED.includes(invoice.status);
  const title = invoice.number ?? `Draft for ${customer.name}`;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/invoices">Invoices</Link> / {invoice.number ?? invoice.id}
      </p>
      <PageHeader
        title={`Invoice ${title}`}
        subtitle={
          <>
            <StatusBadge status={invoice.status} /> {customer.name} · period {invoice.period}
            {invoice.issue_date && ` · issued ${invoice.issue_date}`}
            {invoice.due_date && ` · due ${invoice.due_date}`}
          </>
        }
        actions={
          finalized && (
            <ConfirmButton
              label="Void"
              title={`Void ${invoice.number}?`}
              confirmLabel="Void the invoice"
              isDisabled={busy}
              onConfirm={() => void voidInvoice()}
            >
              <p>
                The invoice keeps its number and is marked void; its credits go back to the
                customer. This cannot be undone: bill the period again for a new invoice.
              </p>
            </ConfirmButton>
          )
        }
      />
      {notice && (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      )}
      <ErrorNote message={actionError?.action === 'void' ? actionError.message : null} />
      <div className="invoice-layout">
        <div className="stack">
          <Section title="Lines">
            <Lines detail={detail} onExplain={setExplained} />
          </Section>
          {credit_notes.length > 0 && (
            <Section title="Credit notes">
              <DataTable
                columns={[
                  { header: 'Number', cell: (note) => note.number },
                  { header: 'Issued', cell: (note) => note.issue_date },
                  { header: 'Reason', cell: (note) => note.reason },
                  {
                    header: 'Amount',
                    numeric: true,
                    cell: (note) => <Money amount={note.amount} currency={note.currency} />,
                  },
                ]}
                rows={credit_notes}
                rowKey={(note) => note.id}
              />
            </Section>
          )}
          {finalized && (
            <Section title="Correct or get paid">
              <CreditNoteForm detail={detail} />
              {new Dec(invoice.balance_due).gt(0) && (
                <PaymentForm
                  key={invoice.amount_paid}
                  currency={invoice.currency}
                  locale={locale}
                  balanceDue={invoice.balance_due}
                  customerName={customer.name}
                  today={today}
                  onRecord={recordPayment}
                />
              )}
            </Section>
          )}
          {finalized && (
            <Section title="Send">
              <DocumentActions
                invoices={[{ ...invoice, customer_name: customer.name }]}
                onEmailed={() => void refreshEmails()}
              />
              {invoice.status === 'overdue' && invoice.number && (
                <ReminderAction
                  invoice={invoice.number}
                  emails={emails}
                  onSent={() => void refreshEmails()}
                />
              )}
              <EmailRecords emails={emails} />
            </Section>
          )}
        </div>
        <div className="stack">
          <Section title="Amounts">
            <Totals detail={detail} />
          </Section>
          <Section title="Document">
            <PdfPreview
              key={`${invoice.status} ${invoice.amount_paid} ${invoice.credited}`}
              reference={invoice.number ?? invoice.id}
            />
          </Section>
        </div>
      </div>
      <LineExplanationDrawer explained={explained} onClose={() => setExplained(null)} />
    </>
  );
}
