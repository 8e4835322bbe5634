/**
 * Payments from a bank's or processor's CSV export (documents-payments.md §3). Each row
 * is matched to an invoice by its `invoice` column, else by an invoice number in its
 * reference text (a marketplace disbursement also by its account and period), and
 * recorded with the rules of `pay`. Rows that match nothing, or that `pay` would
 * refuse, are listed with their row and reason; the file is recorded in one store
 * update, and importing it again records nothing new.
 */
import { basename } from 'node:path';
import { InvoiceNumberFinder, parseBankAmount, parseBankDate } from '../domain/bank-rows';
import { compareText } from '../domain/collections';
import { UserError } from '../domain/errors';
import type { Invoice } from '../domain/invoice';
import { Dec } from '../domain/money';
import { invoiceName, receiptMethod } from '../domain/payments';
import { settlementOf } from '../domain/settlement';
import {
  BANK_FILE_ENCODINGS,
  readBankFile,
  type BankFile,
  type BankFileEncoding,
} from '../payments/bank-csv';
import type { StoreData } from '../store/data';
import type { Store } from '../store/store';
import type { ChangeOrigin } from './activity';
import { applyPayment, recordPaymentActivity, type PaymentResult } from './payments';
import { findInvoice } from './present';
import { resolveRunDate } from './runDate';

/** What a row may hold; `account` and `period` identify a marketplace disbursement. */
export const BANK_FIELDS = [
  'date',
  'amount',
  'reference',
  'invoice',
  'method',
  'currency',
  'account',
  'period',
] as const;
type BankField = (typeof BANK_FIELDS)[number];
const REQUIRED: readonly BankField[] = ['date', 'amount', 'reference'];

export interface ImportPaymentsOptions extends ChangeOrigin {
  /** Read a field from a column of another name. */
  map?: Readonly<Record<string, string>>;
  /** Amounts are written `1.234,56`. */
  decimalComma?: boolean;
  encoding?: string;
  /** The method of rows without a `method` column: `wire` unless given. */
  method?: string;
  /** Judge every row as the import would, and record nothing (the matching preview). */
  dryRun?: boolean;
}

/** A row recorded (or, in a dry run, that would be) as a payment. */
export interface ImportedPayment {
  row: number;
  invoice: string;
  customer: string;
  currency: string;
  amount: string;
  date: string;
  method: string;
  reference: string;
  /** The part beyond the invoice's balance, which becomes the customer's credit. */
  overpayment_credit: string | null;
}

/** A row the book holds already: importing it again records nothing. */
export interface AlreadyRecordedRow {
  row: number;
  invoice: string;
  currency: string;
  amount: string;
  date: string;
  reference: string;
}

export interface ImportPaymentsResult {
  /** Nothing was recorded: this is what the import would do. */
  dry_run: boolean;
  recorded: number;
  duplicates: number;
  unmatched: { row: number; reason: string }[];
  payments: ImportedPayment[];
  already_recorded: AlreadyRecordedRow[];
}

/** The encoding a label names, by the WHATWG labels TextDecoder knows (`latin1`, `cp1252`…). */
function encodingOf(label: string | undefined): BankFileEncoding {
  let name: string | undefined;
  try {
    name = new TextDecoder(label ?? 'utf-8').encoding;
  } catch {
    name = undefined;
  }
  const encoding = BANK_FILE_ENCODINGS.find((known) => known === name);
  if (encoding === undefined) {
    throw new UserError(
      `'${label}' is not an encoding the import reads; use ${BANK_FILE_ENCODINGS.join(' or ')}.`,
    );
  }
  return encoding;
}

/**
 * The header of a bank file as the import reads it (same decoding, same trimming), so
 * the columns a desk maps are the very names `importPayments` looks for.
 */
export async function bankFileColumns(path: string, encoding?: string): Promise<string[]> {
  return (await readBankFile(path, encodingOf(encoding))).columns;
}

/** Where each field is read from: its column name, or null when the file has none. */
function layoutOf(
  columns: readonly string[],
  map: Readonly<Record<string, string>>,
): Record<BankField, string | null> {
  for (const field of Object.keys(map)) {
    if (!(BANK_FIELDS as readonly string[]).includes(field)) {
      throw new UserError(
        `--map names '${field}', which is no field; the fields are ${BANK_FIELDS.join(', ')}.`,
      );
    }
  }
  const layout = {} as Record<BankField, string | null>;
  for (const field of BANK_FIELDS) {
    const column = map[field] ?? field;
    const present = columns.includes(column);
    if (!present && (REQUIRED.includes(field) || map[field] !== undefined)) {
      const hint = map[field] === undefined ? ` Name it so, or use --map ${field}=COLUMN.` : '';
      throw new UserError(
        `The CSV header has no column '${column}' (for ${field}); it has: ${columns.join(', ')}.${hint}`,
      );
    }
    layout[field] = present ? column : null;
  }
  return layout;
}

/** A row the import could not record, and why. */
class Unmatched extends Error {}

/** Finds the invoice (or marketplace statement) a row pays. */
class InvoiceMatcher {
  private readonly finder: InvoiceNumberFinder;
  private readonly accountOf: Map<string, string | null>;

  constructor(private readonly data: StoreData) {
    this.finder = new InvoiceNumberFinder(
      data.invoices.flatMap((invoice) =>
        invoice.status === 'draft' ? [] : [invoiceName(invoice)],
      ),
    );
    this.accountOf = new Map(
      data.contracts.map((contract) => [contract.id, contract.marketplace_account]),
    );
  }

  match(cell: (field: BankField) => string): string {
    const named = cell('invoice');
    if (named !== '') return named;
    const account = cell('account');
    if (account !== '') return this.statementOf(account, cell('period'));
    const found = this.finder.find(cell('reference'));
    if (found.length === 1) return found[0] as string;
    throw new Unmatched(
      found.length === 0
        ? 'no invoice number was found in the reference'
        : `the reference names several invoices (${found.join(', ')}); give the invoice column`,
    );
  }

  /** Judged on the payments recorded so far, this file's included. */
  private isOwed(invoice: Invoice): boolean {
    const { balance_due } = settlementOf(invoice, this.data.payments, this.data.credit_notes);
    return new Dec(balance_due).gt(0);
  }

  /**
   * A marketplace disbursement pays the statement of the account's contract for its
   * period; without a period, the oldest statement of the account still owed.
   */
  private statementOf(account: string, period: string): string {
    const candidates = this.data.invoices
      .filter(
        (invoice) =>
          invoice.status === 'marketplace' &&
          this.accountOf.get(invoice.contract) === account &&
          (period === '' || invoice.period === period) &&
          (period !== '' || this.isOwed(invoice)),
      )
      .sort((a, b) => compareText(a.period, b.period));
    const statement = candidates[0];
    if (statement === undefined) {
      const which = period === '' ? ' still owed' : ` for ${period}`;
      throw new Unmatched(`there is no marketplace statement of account ${account}${which}`);
    }
    return invoiceName(statement);
  }
}

/**
 * Payments without a reference are told apart by nothing, so a file's rows count as
 * new only beyond the equal payments the store already holds: the same file imported
 * twice records them once, and two equal rows of one file are both recorded.
 */
class UnreferencedRows {
  private readonly stored = new Map<string, number>();
  private readonly seen = new Map<string, number>();

  constructor(data: StoreData) {
    for (const payment of data.payments) {
      if (payment.reference !== '') continue;
      const key = this.key(payment.invoice, payment.date, payment.amount);
      this.stored.set(key, (this.stored.get(key) ?? 0) + 1);
    }
  }

  /** Whether this row is one the store already holds. */
  isRecorded(invoice: Invoice, date: string, amount: string): boolean {
    const key = this.key(invoiceName(invoice), date, amount);
    const seen = this.seen.get(key) ?? 0;
    this.seen.set(key, seen + 1);
    return seen < (this.stored.get(key) ?? 0);
  }

  private key(invoice: string, date: string, amount: string): string {
    return `${invoice}\u0000${date}\u0000${new Dec(amount).toString()}`;
  }
}

export async function importPayments(
  store: Store,
  path: string,
  options: ImportPaymentsOptions = {},
): Promise<ImportPaymentsResult> {
  const file = await readBankFile(path, encodingOf(options.encoding));
  const rows = {
    file,
    layout: layoutOf(file.columns, options.map ?? {}),
    decimalComma: options.decimalComma === true,
    defaultMethod: receiptMethod(options.method ?? 'wire'),
  };
  if (options.dryRun === true) {
    // The very rows an import would record, judged against a copy of the book that is
    // then dropped: the preview cannot promise what the import would not do.
    const copy = structuredClone(store.read()) as StoreData;
    return { dry_run: true, ...recordRows(copy, rows, () => {}) };
  }
  // A whole file of payments is one step a desk may want to undo (`restore`).
  await store.backup('before-payment-import');
  const name = basename(path);
  return store.update((data, book) => ({
    dry_run: false,
    ...recordRows(data, rows, (paid, row) =>
      recordPaymentActivity(book, options, paid, ` (row ${row} of ${name})`),
    ),
  }));
}

interface BankRows {
  file: BankFile;
  layout: Record<BankField, string | null>;
  decimalComma: boolean;
  defaultMethod: string;
}

/** Records the file's rows in `data`, calling `onRecorded` for each payment recorded. */
function recordRows(
  data: StoreData,
  { file, layout, decimalComma, defaultMethod }: BankRows,
  onRecorded: (paid: PaymentResult, row: number) => void,
): Omit<ImportPaymentsResult, 'dry_run'> {
  const runDate = resolveRunDate(data.settings);
  const matcher = new InvoiceMatcher(data);
  const unreferenced = new UnreferencedRows(data);
  const result: Omit<ImportPaymentsResult, 'dry_run'> = {
    recorded: 0,
    duplicates: 0,
    unmatched: [],
    payments: [],
    already_recorded: [],
  };
  for (const { row, cells } of file.records) {
    try {
      if ('problem' in cells) throw new Unmatched(cells.problem);
      const cell = (field: BankField) => {
        const column = layout[field];
        return column === null ? '' : (cells.get(column) ?? '');
      };
      const date = parseBankDate(cell('date'));
      if ('reason' in date) throw new Unmatched(date.reason);
      const amount = parseBankAmount(cell('amount'), decimalComma);
      if ('reason' in amount) throw new Unmatched(amount.reason);
      if (!new Dec(amount.value).gt(0)) {
        throw new Unmatched(`amount ${amount.value} is no money received`);
      }
      const name = matcher.match(cell);
      const invoice = findInvoice(data, name);
      const currency = cell('currency').toUpperCase();
      if (currency !== '' && currency !== invoice.currency) {
        throw new Unmatched(`the amount is in ${currency}, invoice ${name} in ${invoice.currency}`);
      }
      const reference = cell('reference');
      if (reference === '' && unreferenced.isRecorded(invoice, date.value, amount.value)) {
        result.duplicates++;
        result.already_recorded.push({
          row,
          invoice: invoiceName(invoice),
          currency: invoice.currency,
          amount: amount.value,
          date: date.value,
          reference,
        });
        continue;
      }
      const paid = applyPayment(
        data,
        {
          invoice: name,
          amount: amount.value,
          method: cell('method') === '' ? defaultMethod : cell('method').toLowerCase(),
          date: date.value,
          reference,
        },
        runDate,
      );
      const { payment } = paid;
      if (paid.duplicate) {
        result.duplicates++;
        result.already_recorded.push({
          row,
          invoice: payment.invoice,
          currency: invoice.currency,
          amount: payment.amount,
          date: payment.date,
          reference: payment.reference,
        });
      } else {
        result.recorded++;
        result.payments.push({
          row,
          invoice: payment.invoice,
          customer: invoice.customer,
          currency: invoice.currency,
          amount: payment.amount,
          date: payment.date,
          method: payment.method,
          reference: payment.reference,
          overpayment_credit: paid.overpayment_credit?.amount ?? null,
        });
        onRecorded(paid, row);
      }
    } catch (error) {
      if (!(error instanceof Unmatched || error instanceof UserError)) throw error;
      result.unmatched.push({ row, reason: error.message });
    }
  }
  return result;
}
