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

export interface ExportPaymentsOptions {
  out: string;
  /** Inclusive bounds on the payment date. */
  from?: string;
  to?: string;
  /** Replace an existing file (the user asked for it). */
  overwrite?: boolean;
}

export interface ExportPaymentsResult {
  file: string;
  payments: number;
}

export function exportPayments(store: Store, options: ExportPaymentsOptions): ExportPaymentsResult {
  for (const date of [options.from, options.to]) {
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
  const rows = data.payments
    .map((payment, recorded) => ({ payment, recorded }))
    .filter(
      ({ payment }) =>
        (options.from === undefined || payment.date >= options.from) &&
        (options.to === undefined || payment.date <= options.to),
    )
    // Oldest first; payments of one day in the order they were recorded.
    .sort((a, b) => compareText(a.payment.date, b.payment.date) || a.recorded - b.recorded)
    .map(({ payment }) => {
      const invoice = invoices.get(payment.invoice);
      const customer = invoice === undefined ? undefined : customers.get(invoice.customer);
      return [
        payment.id,
        payment.date,
        payment.invoice,
        invoice?.customer ?? '',
        customer?.name ?? '',
        invoice?.currency ?? '',
        payment.amount,
        payment.method,
        payment.reference,
      ].map(spreadsheetSafeCell);
    });
  const csv = Papa.unparse([[...PAYMENT_COLUMNS], ...rows], { newline: '\r\n' });
  writeOutputFile(options.out, `${csv}\r\n`, {
    overwrite: options.overwrite,
    overwriteHint: 'with --force',
    protectedFolders: [{ path: store.dir, role: 'the data folder' }],
  });
  return { file: options.out, payments: rows.length };
}
