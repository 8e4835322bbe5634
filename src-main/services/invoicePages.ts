/**
 * Invoices for the app: a page of rows at a time (a book has tens of thousands, the
 * list is virtualized) and one invoice with what its page shows around it.
 */
import { compareText } from '../domain/collections';
import type { CreditNote } from '../domain/invoice';
import type { Customer } from '../domain/model';
import type { ReadonlyStoreData } from '../store/data';
import type { Store } from '../store/store';
import { Book } from './book';
import {
  findInvoice,
  invoicePresenter,
  invoicesInListOrder,
  type InvoiceFilter,
  type InvoiceView,
} from './present';
import { resolveRunDate } from './runDate';

export type InvoiceRow = Pick<
  InvoiceView,
  | 'id'
  | 'number'
  | 'status'
  | 'trigger'
  | 'customer'
  | 'contract'
  | 'period'
  | 'currency'
  | 'issue_date'
  | 'due_date'
  | 'total'
  | 'balance_due'
> & { customer_name: string };

/** The row of the list: the customer's name instead of the lines. */
export function invoiceRows(data: ReadonlyStoreData): (view: InvoiceView) => InvoiceRow {
  const names = new Map(data.customers.map((customer) => [customer.id, customer.name]));
  return (view) => ({
    id: view.id,
    number: view.number,
    status: view.status,
    trigger: view.trigger,
    customer: view.customer,
    customer_name: names.get(view.customer) ?? view.customer,
    contract: view.contract,
    period: view.period,
    currency: view.currency,
    issue_date: view.issue_date,
    due_date: view.due_date,
    total: view.total,
    balance_due: view.balance_due,
  });
}

export function invoicePage(
  store: Store,
  filter: InvoiceFilter & { offset: number; limit: number },
): { total: number; offset: number; invoices: InvoiceRow[] } {
  const data = store.read();
  const present = invoicePresenter(data, resolveRunDate(data.settings, filter.asOf));
  const inOrder = invoicesInListOrder(data, filter);
  // A status is derived from payments and the date (overdue, partially paid): to filter
  // by one, every invoice is presented; without, only the page's rows are.
  const matching =
    filter.status === undefined
      ? inOrder
      : inOrder.filter((invoice) => present(invoice).status === filter.status);
  return {
    total: matching.length,
    offset: filter.offset,
    invoices: matching
      .slice(filter.offset, filter.offset + filter.limit)
      .map(present)
      .map(invoiceRows(data)),
  };
}

export interface InvoiceDetail {
  invoice: InvoiceView;
  customer: Customer;
  credit_notes: CreditNote[];
  previous: InvoiceRow | null;
}

export function invoiceDetail(store: Store, reference: string): InvoiceDetail {
  const data = store.read();
  const present = invoicePresenter(data, resolveRunDate(data.settings));
  const invoice = findInvoice(data, reference);
  const previous = data.invoices
    .filter(
      (other) =>
        other.contract === invoice.contract &&
        other.trigger === 'period_end' &&
        other.status !== 'void' &&
        compareText(other.period, invoice.period) < 0,
    )
    .sort((a, b) => compareText(b.period, a.period))[0];
  return {
    invoice: present(invoice),
    customer: new Book(data).customer(invoice.customer),
    credit_notes: data.credit_notes.filter(
      (note) => note.invoice === invoice.number || note.invoice === invoice.id,
    ),
    previous: previous ? invoiceRows(data)(present(previous)) : null,
  };
}
