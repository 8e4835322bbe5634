/**
 * The invoice as the desk and the CLI show it (cli.md): the stored invoice with its
 * status and settlement derived on the date it is looked at.
 */
import { compareText, groupBy } from '../domain/collections';
import { UserError } from '../domain/errors';
import { refersTo, type Invoice, type InvoiceStatus } from '../domain/invoice';
import { displayStatus, settlementOf } from '../domain/settlement';
import type { ReadonlyStoreData } from '../store/data';
import type { Store } from '../store/store';
import { resolveRunDate } from './runDate';

export type InvoiceView = Omit<Invoice, 'status'> & { status: InvoiceStatus };

/** Presents many invoices of one document, finding each one's payments and credit notes by key. */
export function invoicePresenter(
  data: Pick<ReadonlyStoreData, 'payments' | 'credit_notes'>,
  asOf: string,
): (invoice: Invoice) => InvoiceView {
  const payments = groupBy(data.payments, (payment) => payment.invoice);
  const creditNotes = groupBy(data.credit_notes, (note) => note.invoice);
  const of = <T>(groups: Map<string, T[]>, invoice: Invoice): T[] => [
    ...(groups.get(invoice.id) ?? []),
    ...(invoice.number === null ? [] : (groups.get(invoice.number) ?? [])),
  ];
  return (invoice) => {
    const settlement = settlementOf(invoice, of(payments, invoice), of(creditNotes, invoice));
    return { ...invoice, ...settlement, status: displayStatus(invoice, settlement, asOf) };
  };
}

/** The invoice a user names: by number once finalized, by id while a draft. */
export function findInvoice<I extends Invoice>(
  data: { readonly invoices: readonly I[] },
  reference: string,
): I {
  const invoice = data.invoices.find((candidate) => refersTo(candidate, reference));
  if (!invoice) throw new UserError(`There is no invoice '${reference}'.`);
  return invoice;
}

export interface InvoiceFilter {
  period?: string;
  /** A status as shown, derived ones (`overdue`, `partially_paid`) included. */
  status?: InvoiceStatus;
  customer?: string;
  asOf?: string;
}

/** Invoices by period, then number (drafts, which have none, after by id). */
export function listInvoices(store: Store, filter: InvoiceFilter = {}): InvoiceView[] {
  const data = store.read();
  const present = invoicePresenter(data, resolveRunDate(data.settings, filter.asOf));
  return invoicesInListOrder(data, filter)
    .map(present)
    .filter((view) => filter.status === undefined || view.status === filter.status);
}

/**
 * The stored invoices of the filter's period and customer, in the list's order, not
 * presented yet: a page presents only its own.
 */
export function invoicesInListOrder(
  data: Pick<ReadonlyStoreData, 'invoices'>,
  filter: Pick<InvoiceFilter, 'period' | 'customer'>,
): Invoice[] {
  return data.invoices
    .filter(
      (invoice) =>
        (filter.period === undefined || invoice.period === filter.period) &&
        (filter.customer === undefined || invoice.customer === filter.customer),
    )
    .sort((a, b) => compareText(a.period, b.period) || compareText(sortKey(a), sortKey(b)));
}

function sortKey(invoice: Invoice): string {
  // "~" sorts after every digit and letter, so drafts come after the numbered invoices.
  return invoice.number ?? `~${invoice.id}`;
}
