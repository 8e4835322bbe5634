import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type RowData,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { InvoiceRow, InvoiceStatus } from '../../../src-main/api/contract';
import { INVOICE_STATUSES } from '../../../src-main/domain/invoice';
import { useSession } from '../../app/session';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNote } from '../../ui/ErrorNote';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { StatusBadge, STATUS_LABELS } from '../../ui/StatusBadge';
import { useInvoiceList, type InvoiceFilter } from './store';

declare module '@tanstack/react-table' {
  // Declaration merging needs the library's own type parameters, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-aligned, tabular figures. */
    numeric?: boolean;
  }
}

const ROW_HEIGHT = 41;

/** Where an invoice's page is: by number once finalized, by id while a draft. */
export const invoicePath = (row: { number: string | null; id: string }) =>
  `/invoices/${encodeURIComponent(row.number ?? row.id)}`;

const column = createColumnHelper<InvoiceRow | undefined>();

const cell = (render: (row: InvoiceRow) => ReactNode) => (row: InvoiceRow | undefined) =>
  row ? render(row) : null;

/**
 * Defined once: a cell renderer made anew on each render would be a new component
 * type to React, which would then rebuild every row's DOM on every scroll.
 */
const COLUMNS = [
  column.display({
    id: 'number',
    header: 'Number',
    cell: ({ row }) =>
      cell((invoice) => (
        <Link to={invoicePath(invoice)}>{invoice.number ?? `Draft ${invoice.contract}`}</Link>
      ))(row.original),
  }),
  column.display({
    id: 'customer',
    header: 'Customer',
    cell: ({ row }) => cell((invoice) => invoice.customer_name)(row.original),
  }),
  column.display({
    id: 'period',
    header: 'Period',
    cell: ({ row }) => cell((invoice) => invoice.period)(row.original),
  }),
  column.display({
    id: 'status',
    header: 'Status',
    cell: ({ row }) => cell((invoice) => <StatusBadge status={invoice.status} />)(row.original),
  }),
  column.display({
    id: 'issued',
    header: 'Issued',
    cell: ({ row }) => cell((invoice) => invoice.issue_date ?? '')(row.original),
  }),
  column.display({
    id: 'due',
    header: 'Due',
    cell: ({ row }) => cell((invoice) => invoice.due_date ?? '')(row.original),
  }),
  column.display({
    id: 'total',
    header: 'Total',
    meta: { numeric: true },
    cell: ({ row }) =>
      cell((invoice) => <Money amount={invoice.total} currency={invoice.currency} />)(row.original),
  }),
  column.display({
    id: 'balance',
    header: 'Balance due',
    meta: { numeric: true },
    cell: ({ row }) =>
      cell((invoice) => <Money amount={invoice.balance_due} currency={invoice.currency} />)(
        row.original,
      ),
  }),
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
 * Every invoice in one list, however many: the table draws only the rows in view
 * (about 20 DOM rows for 50,000 invoices) and fetches them a page at a time.
 */
export function InvoicesScreen() {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFrom(params), [params]);
  const { total, rows, error, show, ensure } = useInvoiceList();
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => show(filter), [show, filter]);

  // The virtualizer and the table are read afresh on every render (the rows in view change
  // with each scroll), so the React Compiler's memoizing would have nothing to keep.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  // The table gets only the rows in view: its row model costs nothing however long the list.
  // The same array until the view or the rows change: new data on every render would make
  // the table reset its state, render again, and never settle.
  const inView = useMemo(() => items.map((item) => rows[item.index]), [items, rows]);
  const table = useReactTable({
    data: inView,
    columns: COLUMNS,
    getCoreRowModel: getCoreRowModel(),
  });
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total) ensure(first, last);
  }, [ensure, first, last, total]);

  const setFilter = (next: InvoiceFilter) =>
    setParams(
      Object.fromEntries(
        Object.entries(next).filter((entry): entry is [string, string] => !!entry[1]),
      ),
    );
  const tableRows = table.getRowModel().rows;
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

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
        <div ref={scrollRef} className="virtual-scroll" data-testid="invoice-scroll">
          <table className="table table--sticky" aria-rowcount={(total ?? 0) + 1}>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id} aria-rowindex={1}>
                  {group.headers.map((header) => (
                    <th
                      key={header.id}
                      scope="col"
                      className={header.column.columnDef.meta?.numeric ? 'num' : undefined}
                    >
                      {flexRender(header.column.columnDef.header, header.getContext())}
                    </th>
                  ))}
                </tr>
              ))}
            </thead>
            <tbody>
              {paddingTop > 0 && (
                <tr aria-hidden="true">
                  <td colSpan={COLUMNS.length} style={{ height: paddingTop, padding: 0 }} />
                </tr>
              )}
              {items.map((item, position) => {
                const row = inView[position] === undefined ? undefined : tableRows[position];
                return (
                  <tr key={item.key} aria-rowindex={item.index + 2} className="virtual-row">
                    {row ? (
                      row.getVisibleCells().map((cell) => (
                        <td
                          key={cell.id}
                          className={cell.column.columnDef.meta?.numeric ? 'num' : undefined}
                        >
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </td>
                      ))
                    ) : (
                      <td colSpan={COLUMNS.length} className="muted">
                        Loading…
                      </td>
                    )}
                  </tr>
                );
              })}
              {paddingBottom > 0 && (
                <tr aria-hidden="true">
                  <td colSpan={COLUMNS.length} style={{ height: paddingBottom, padding: 0 }} />
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
