import type { InvoiceRow } from '../../../src-main/api/contract';
import type { Column } from '../../ui/DataTable';
import { Money } from '../../ui/Money';
import { StatusBadge } from '../../ui/StatusBadge';

/** Where an invoice's page is: by number once finalized, by id while a draft. */
export const invoicePath = (row: { number: string | null; id: string }) =>
  `/invoices/${encodeURIComponent(row.number ?? row.id)}`;

/** The columns every list of invoices shows alike. */
export const INVOICE_COLUMNS = {
  period: { header: 'Period', cell: (invoice) => invoice.period },
  status: { header: 'Status', cell: (invoice) => <StatusBadge status={invoice.status} /> },
  issued: { header: 'Issued', cell: (invoice) => invoice.issue_date ?? '—' },
  due: { header: 'Due', cell: (invoice) => invoice.due_date ?? '—' },
  total: {
    header: 'Total',
    numeric: true,
    cell: (invoice) => <Money amount={invoice.total} currency={invoice.currency} />,
  },
  balanceDue: {
    header: 'Balance due',
    numeric: true,
    cell: (invoice) => <Money amount={invoice.balance_due} currency={invoice.currency} />,
  },
} satisfies Record<string, Column<InvoiceRow>>;
