import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useId, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { InvoiceRow, InvoiceStatus } from '../../../src-main/api/contract';
import { INVOICE_STATUSES } from '../../../src-main/domain/invoice';
import { useSession } from '../../app/session';
import type { Column } from '../../ui/DataTable';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNote } from '../../ui/ErrorNote';
import { PageHeader } from '../../ui/PageHeader';
import { STATUS_LABELS } from '../../ui/StatusBadge';
import { INVOICE_COLUMNS, invoicePath } from './columns';
import { useInvoiceList, type InvoiceFilter } from './store';

/** Every row is this tall (theme.css, `.virtual-table tbody tr`): the list never measures one. */
const ROW_HEIGHT = 41;

// Their widths are the grid template of `.virtual-table tr` in theme.css, in this order.
const COLUMNS: readonly Column<InvoiceRow>[] = [
  {
    header: 'Number',
    cell: (invoice) => (
      <Link to={invoicePath(invoice)}>{invoice.number ?? `Draft ${invoice.contract}`}</Link>
    ),
  },
  { header: 'Customer', cell: (invoice) => invoice.customer_name },
  INVOICE_COLUMNS.period,
  INVOICE_COLUMNS.status,
  INVOICE_COLUMNS.issued,
  INVOICE_COLUMNS.due,
  INVOICE_COLUMNS.total,
  INVOICE_COLUMNS.balanceDue,
];

function filterFrom(params: URLSearchParams): InvoiceFilter {
  const status = params.get('status');
  return {
    status: (INVOICE_STATUSES as readonly string[]).includes(status ?? '')
      ? (status as InvoiceStatus)
      : undefined,
    period: params.get('period') || undefined,
    customer: params.get('customer') || undefined,
  };
}

function Filters({
  filter,
  onChange,
}: {
  filter: InvoiceFilter;
  onChange: (next: InvoiceFilter) => void;
}) {
  const id = useId();
  const customers = useSession((session) => session.overview?.customers) ?? [];
  return (
    <div className="toolbar" role="search" aria-label="Filter invoices">
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={filter.status ?? ''}
          onChange={(event) =>
            onChange({
              ...filter,
              status: (event.target.value || undefined) as InvoiceStatus | undefined,
            })
          }
        >
          <option value="">Every status</option>
          {INVOICE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-period`}>Period</label>
        <input
          id={`${id}-period`}
          type="month"
          value={filter.period ?? ''}
          onChange={(event) => onChange({ ...filter, period: event.target.value || undefined })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-customer`}>Customer</label>
        <select
          id={`${id}-customer`}
          value={filter.customer ?? ''}
          onChange={(event) => onChange({ ...filter, customer: event.target.value || undefined })}
        >
          <option value="">Every customer</option>
          {customers.map((customer) => (
            <option key={customer.id} value={customer.id}>
              {customer.name}
            </option>
          ))}
        </select>
      </div>
      {(filter.status || filter.period || filter.customer) && (
        <button type="button" className="button button--quiet" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </div>
  );
}

/**
 * Every invoice in one list, however many: only the rows in view (and a few around
 * them) are in the page, fetched a page at a time.
 */
export function InvoicesScreen() {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFrom(params), [params]);
  const { total, error, show } = useInvoiceList();

  useEffect(() => show(filter), [show, filter]);

  const setFilter = (next: InvoiceFilter) =>
    setParams(
      Object.fromEntries(
        Object.entries(next).filter((entry): entry is [string, string] => !!entry[1]),
      ),
    );

  return (
    <>
      <PageHeader
        title="Invoices"
        subtitle={
          total === null ? 'Loading…' : `${total.toLocaleString()} invoice${total === 1 ? '' : 's'}`
        }
      />
      <Filters filter={filter} onChange={setFilter} />
      <ErrorNote message={error} />
      {total === 0 ? (
        <EmptyState title="No invoice matches">
          <p>
            {filter.status || filter.period || filter.customer
              ? 'Clear a filter to see more.'
              : 'Invoices appear here once a bill run computes them.'}{' '}
            <Link to="/bill-run">Go to the bill run</Link>.
          </p>
        </EmptyState>
      ) : (
        <InvoiceTable total={total ?? 0} />
      )}
    </>
  );
}

/**
 * The scrolling table, apart from the screen so that a scroll renders it alone. Rows
 * are placed by offset, each a grid of fixed columns: a row coming into view is laid
 * out by itself, and the rows already in the page are not drawn again.
 */
function InvoiceTable({ total }: { total: number }) {
  const { rows, ensure } = useInvoiceList();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer answers new items on every scroll, so the React Compiler's
  // memoizing would have nothing to keep.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total) ensure(first, last);
  }, [ensure, first, last, total]);

  return (
    <div ref={scrollRef} className="virtual-scroll" data-testid="invoice-scroll">
      <table className="table virtual-table" aria-rowcount={total + 1}>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) => (
              <th key={column.header} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => (
            <InvoiceTableRow
              key={item.key}
              position={item.index}
              offset={item.start}
              invoice={rows[item.index]}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One row; drawn again only when its invoice arrives or its place changes. */
const InvoiceTableRow = memo(function InvoiceTableRow({
  position,
  offset,
  invoice,
}: {
  position: number;
  offset: number;
  invoice: InvoiceRow | undefined;
}) {
  return (
    <tr
      aria-rowindex={position + 2}
      className="virtual-row"
      style={{ transform: `translateY(${offset}px)` }}
    >
      {invoice ? (
        COLUMNS.map((column) => (
          <td key={column.header} className={column.numeric ? 'num' : undefined}>
            {column.cell(invoice)}
          </td>
        ))
      ) : (
        <td colSpan={COLUMNS.length} className="muted virtual-row__loading">
          Loading…
        </td>
      )}
    </tr>
  );
});
