import { useEffect, useMemo, useState } from 'react';
import { Link, NavLink, useSearchParams } from 'react-router';
import { RECEIPT_METHODS } from '../../../src-main/domain/model';
import { api } from '../../api';
import { messageOf } from '../../app/errors';
import { searchParamsOf } from '../../app/searchParams';
import { CustomerSelect } from '../../ui/CustomerSelect';
import { DataTable } from '../../ui/DataTable';
import { Drawer } from '../../ui/Drawer';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNote } from '../../ui/ErrorNote';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { TextField } from '../../ui/TextField';
import {
  RECEIPT_METHOD_NAMES,
  ReceiptMethodOptions,
  type ReceiptMethod,
} from '../invoices/PaymentForm';
import { RecordPayment } from './RecordPayment';
import { usePaymentList, type PaymentFilter } from './store';

/** Payments, Aging: the two views of money coming in. */
export function PaymentsTabs() {
  return (
    <nav className="tabs" aria-label="Payments views">
      <NavLink to="/payments" end className="tabs__tab">
        Payments
      </NavLink>
      <NavLink to="/payments/aging" className="tabs__tab">
        Aging
      </NavLink>
    </nav>
  );
}

function filterFrom(params: URLSearchParams): PaymentFilter {
  const method = params.get('method');
  return {
    customer: params.get('customer') || undefined,
    method: (RECEIPT_METHODS as readonly string[]).includes(method ?? '')
      ? (method as ReceiptMethod)
      : undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
  };
}

function Filters({
  filter,
  onChange,
}: {
  filter: PaymentFilter;
  onChange: (next: PaymentFilter) => void;
}) {
  return (
    <div className="toolbar" role="search" aria-label="Filter payments">
      <CustomerSelect
        value={filter.customer}
        onChange={(customer) => onChange({ ...filter, customer })}
      />
      <TextField
        label="Method"
        value={filter.method ?? ''}
        onChange={(value) => onChange({ ...filter, method: (value || undefined) as ReceiptMethod })}
      >
        <option value="">Every method</option>
        <ReceiptMethodOptions />
      </TextField>
      <TextField
        label="From"
        type="date"
        value={filter.from ?? ''}
        onChange={(from) => onChange({ ...filter, from: from || undefined })}
      />
      <TextField
        label="To"
        type="date"
        value={filter.to ?? ''}
        onChange={(to) => onChange({ ...filter, to: to || undefined })}
      />
      {Object.keys(searchParamsOf(filter)).length > 0 && (
        <button type="button" className="button button--quiet" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </div>
  );
}

/** Saves the records as the CLI's export-payments writes them, through the browser. */
function ExportButton({ filter }: { filter: PaymentFilter }) {
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setError(null);
    try {
      const { csv, file_name } = await api.exportPayments(filter);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      link.download = file_name;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <>
      <button type="button" className="button" onClick={() => void download()}>
        Export CSV
      </button>
      <ErrorNote message={error} />
    </>
  );
}

export function PaymentsScreen() {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFrom(params), [params]);
  const { payments, error, show, reload } = usePaymentList();
  const [recording, setRecording] = useState(false);

  useEffect(() => void show(filter), [show, filter]);

  return (
    <>
      <PageHeader
        title="Payments"
        subtitle="Money received against invoices, newest first."
        actions={
          <>
            <ExportButton filter={filter} />
            <Link className="button" to="/payments/import">
              Import a bank file
            </Link>
            <button
              type="button"
              className="button button--primary"
              onClick={() => setRecording(true)}
            >
              Record a payment
            </button>
          </>
        }
      />
      <PaymentsTabs />
      <Filters filter={filter} onChange={(next) => setParams(searchParamsOf(next))} />
      <ErrorNote message={error} />
      {payments !== null && payments.length === 0 ? (
        <EmptyState
          title={
            Object.keys(searchParamsOf(filter)).length > 0
              ? 'No payment matches'
              : 'No payments yet'
          }
        >
          <p>
            Payments appear here as they are recorded: one by one, or many at once from the CSV your
            bank or card processor exports.
          </p>
          <p>
            <Link to="/payments/import">Import a bank file</Link> or record a payment by hand.
          </p>
        </EmptyState>
      ) : (
        payments !== null && (
          <DataTable
            scrolls="tall"
            caption="Payments, newest first"
            captionHidden
            modifiers={['sticky']}
            columns={[
              { header: 'Date', className: 'cell--nowrap', cell: (payment) => payment.date },
              {
                header: 'Invoice',
                className: 'cell--nowrap',
                cell: (payment) => (
                  <Link to={`/invoices/${encodeURIComponent(payment.invoice)}`}>
                    {payment.invoice}
                  </Link>
                ),
              },
              {
                header: 'Customer',
                cell: (payment) => payment.customer_name || payment.customer,
              },
              {
                header: 'Amount',
                numeric: true,
                cell: (payment) => <Money amount={payment.amount} currency={payment.currency} />,
              },
              {
                header: 'Method',
                cell: (payment) =>
                  RECEIPT_METHOD_NAMES[payment.method as ReceiptMethod] ?? payment.method,
              },
              {
                header: 'Reference',
                className: 'cell--reference',
                cell: (payment) => payment.reference,
              },
            ]}
            rows={payments}
            rowKey={(payment) => payment.payment_id}
          />
        )
      )}
      <Drawer title="Record a payment" isOpen={recording} onClose={() => setRecording(false)}>
        {recording && <RecordPayment onRecorded={() => void reload()} />}
      </Drawer>
    </>
  );
}
