/**
 * Payment records as CSV (documents-payments.md §3): UTF-8, a header, RFC 4180 quoting
 * and line ends, one row per payment, oldest first, text cells made formula-safe.
 */
import Papa from 'papaparse';
import { compareText } from '../domain/collections';
import { isValidDate } from '../domain/dates';
import { UserError } from '../domain/errors';
import type { Store } from '../store/store';
import { spreadsheetSafeCell } from '../files/csv-cell';
import { writeOutputFile } from '../files/output-file';

export const PAYMENT_COLUMNS = [
  'payment_id',
  'date',
  'invoice',
  'customer',
  'customer_name',
  'currency',
  'amount',
  'method',
  'reference',
] as const;

export type PaymentRecord = Record<(typeof PAYMENT_COLUMNS)[number], string>;

export interface PaymentFilter {
  /** Inclusive bounds on the payment date. */
  from?: string;
  to?: string;
  customer?: string;
  method?: string;
}

export interface ExportPaymentsOptions extends PaymentFilter {
  out: string;
  /** Replace an existing file (the user asked for it). */
  overwrite?: boolean;
}

export interface ExportPaymentsResult {
  file: string;
  payments: number;
}

/**
 * The payments with their invoice's customer and currency, oldest first (payments of
 * one day in the order they were recorded): the export's rows and the app's list.
 */
export function paymentRecords(store: Store, filter: PaymentFilter = {}): PaymentRecord[] {
  for (const date of [filter.from, filter.to]) {
    if (date !== undefined && !isValidDate(date)) {
      throw new UserError(`The date '${date}' is not a valid date YYYY-MM-DD.`);
    }
  }
  const data = store.read();
  const customers = new Map(data.customers.map((customer) => [customer.id, customer]));
  // A payment names its invoice by number (a marketplace statement by id).
  const invoices = new Map(
    data.invoices.flatMap((invoice) =>
      invoice.number === null
        ? [[invoice.id, invoice] as const]
        : [[invoice.number, invoice] as const],
    ),
  );
  return data.payments
    .map((payment, recorded) => ({ payment, recorded }))
    .filter(
      ({ payment }) =>
        (filter.from === undefined || payment.date >= filter.from) &&
        (filter.to === undefined || payment.date <= filter.to) &&
        (filter.method === undefined || payment.method === filter.method),
    )
    .sort((a, b) => compareText(a.payment.date, b.payment.date) || a.recorded - b.recorded)
    .map(({ payment }) => {
      const invoice = invoices.get(payment.invoice);
      return {
        payment_id: payment.id,
        date: payment.date,
        invoice: payment.invoice,
        customer: invoice?.customer ?? '',
        customer_name: customers.get(invoice?.customer ?? '')?.name ?? '',
        currency: invoice?.currency ?? '',
        amount: payment.amount,
        method: payment.method,
        reference: payment.reference,
      };
    })
    .filter((record) => filter.customer === undefined || record.customer === filter.customer);
}

/** The records as the export file holds them: a header, CRLF line ends, formula-safe cells. */
export function paymentsCsv(records: readonly PaymentRecord[]): string {
  const rows = records.map((record) =>
    PAYMENT_COLUMNS.map((column) => spreadsheetSafeCell(record[column])),
  );
  return `${Papa.unparse([[...PAYMENT_COLUMNS], ...rows], { newline: '\r\n' })}\r\n`;
}

export function exportPayments(store: Store, options: ExportPaymentsOptions): ExportPaymentsResult {
  const records = paymentRecords(store, options);
  writeOutputFile(options.out, paymentsCsv(records), {
    overwrite: options.overwrite,
    overwriteHint: 'with --force',
    protectedFolders: [{ path: store.dir, role: 'the data folder' }],
  });
  return { file: options.out, payments: records.length };
}
