/**
 * What a customer's page shows around the customer: their contracts, invoices (newest
 * period first), credits with what is left of them, the payments received on their
 * invoices, and their entries of the activity log (newest first).
 */
import { compareText } from '../domain/collections';
import type { ActivityEntry } from '../domain/activity';
import type { Contract, Customer, Payment } from '../domain/model';
import type { Store } from '../store/store';
import { listActivity } from './activity';
import { Book } from './book';
import { creditBalances, type CustomerCreditBalance } from './credits';
import { invoiceRows, type InvoiceRow } from './invoicePages';
import { listInvoices } from './present';

export interface CustomerPayment extends Payment {
  /** The invoice's number (its id while it has none). */
  invoice_number: string;
  currency: string;
}

export interface CustomerPage {
  customer: Customer;
  contracts: Contract[];
  invoices: InvoiceRow[];
  credits: CustomerCreditBalance[];
  payments: CustomerPayment[];
  activity: ActivityEntry[];
}

export function customerPage(store: Store, id: string): CustomerPage {
  const data = store.read();
  const customer = new Book(data).customer(id);
  const invoices = listInvoices(store, { customer: id }).reverse();
  // A payment names its invoice by number (by id before numbering, in older books).
  const byName = new Map(
    invoices.flatMap((invoice) => [
      [invoice.id, invoice] as const,
      [invoice.number ?? invoice.id, invoice] as const,
    ]),
  );
  const periods = new Set(invoices.map((invoice) => invoice.period));
  // Payments are kept beside their invoice, in its period's document.
  const payments = [...periods]
    .flatMap((period) => store.period(period).payments)
    .flatMap((payment) => {
      const invoice = byName.get(payment.invoice);
      return invoice
        ? [{ ...payment, invoice_number: invoice.number ?? invoice.id, currency: invoice.currency }]
        : [];
    })
    .sort((a, b) => compareText(b.date, a.date) || compareText(b.id, a.id));
  return {
    customer,
    contracts: data.contracts
      .filter((contract) => contract.customer === id)
      .sort((a, b) => compareText(a.start_date, b.start_date) || compareText(a.id, b.id)),
    invoices: invoices.map(invoiceRows(data)),
    credits: creditBalances(store, { customer: id }),
    payments,
    activity: listActivity(store, { customer: id }).reverse(),
  };
}
