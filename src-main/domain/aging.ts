/**
 * Accounts-receivable aging (documents-payments.md §4): what customers owed on a date,
 * as the book stood then, each balance in one bucket by days past due. Amounts of
 * different currencies are never added together.
 */
import { compareText, groupBy } from './collections';
import { dayNumber } from './dates';
import type { CreditNote, Invoice } from './invoice';
import type { Customer, Payment } from './model';
import { Dec, formatMoney, ZERO } from './money';
import { settlementOf } from './settlement';

export const AGING_BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'over_90'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export type BucketAmounts = Record<AgingBucket | 'total', string>;

export interface CustomerAging extends BucketAmounts {
  customer: string;
  name: string;
  invoices: string[];
}

export interface CurrencyAging extends BucketAmounts {
  currency: string;
  customers: CustomerAging[];
}

export interface AgingReport {
  as_of: string;
  currencies: CurrencyAging[];
}

export interface AgingBook {
  invoices: readonly Invoice[];
  payments: readonly Payment[];
  creditNotes: readonly CreditNote[];
  customers: readonly Customer[];
}

/** `current` up to the due date, then 1–30, 31–60, 61–90 and over 90 days past it. */
export function agingBucket(daysPastDue: number): AgingBucket {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return 'd1_30';
  if (daysPastDue <= 60) return 'd31_60';
  if (daysPastDue <= 90) return 'd61_90';
  return 'over_90';
}

/**
 * Whether the invoice was issued and not yet void on `asOf`. An invoice voided later
 * was still owed on that date, so a report as of a past date counts it.
 */
function wasOutstandingOn(invoice: Invoice, asOf: string): boolean {
  if (invoice.number === null || invoice.issue_date === null || invoice.issue_date > asOf) {
    return false;
  }
  return invoice.voided_on === null || invoice.voided_on > asOf;
}

interface OpenBalance {
  invoice: Invoice;
  bucket: AgingBucket;
  balance: Dec;
}

/** Each invoice's balance on `asOf`: only payments dated and credit notes issued by then count. */
function openBalances(book: AgingBook, asOf: string): OpenBalance[] {
  const payments = groupBy(
    book.payments.filter((payment) => payment.date <= asOf),
    (payment) => payment.invoice,
  );
  const notes = groupBy(
    book.creditNotes.filter((note) => note.issue_date <= asOf),
    (note) => note.invoice,
  );
  const asOfDay = dayNumber(asOf);
  return book.invoices.flatMap((invoice) => {
    if (!wasOutstandingOn(invoice, asOf) || invoice.number === null) return [];
    const { balance_due } = settlementOf(
      invoice,
      payments.get(invoice.number) ?? [],
      notes.get(invoice.number) ?? [],
    );
    const balance = new Dec(balance_due);
    if (balance.lte(0)) return [];
    const due = invoice.due_date ?? invoice.issue_date ?? asOf;
    return [{ invoice, bucket: agingBucket(asOfDay - dayNumber(due)), balance }];
  });
}

/** The bucket sums of some balances of one currency, with their total. */
function bucketAmounts(balances: readonly OpenBalance[], currency: string): BucketAmounts {
  const sums = new Map<AgingBucket, Dec>(AGING_BUCKETS.map((bucket) => [bucket, ZERO]));
  let total = ZERO;
  for (const { bucket, balance } of balances) {
    sums.set(bucket, (sums.get(bucket) ?? ZERO).plus(balance));
    total = total.plus(balance);
  }
  const amount = (value: Dec) => formatMoney(value, currency);
  return {
    current: amount(sums.get('current') ?? ZERO),
    d1_30: amount(sums.get('d1_30') ?? ZERO),
    d31_60: amount(sums.get('d31_60') ?? ZERO),
    d61_90: amount(sums.get('d61_90') ?? ZERO),
    over_90: amount(sums.get('over_90') ?? ZERO),
    total: amount(total),
  };
}

export function agingReport(book: AgingBook, asOf: string): AgingReport {
  const names = new Map(book.customers.map((customer) => [customer.id, customer.name]));
  const byCurrency = groupBy(openBalances(book, asOf), ({ invoice }) => invoice.currency);
  const currencies = [...byCurrency.keys()].sort(compareText).map((currency) => {
    const balances = byCurrency.get(currency) ?? [];
    const byCustomer = groupBy(balances, ({ invoice }) => invoice.customer);
    const customers = [...byCustomer.keys()].sort(compareText).map((customer) => {
      const own = byCustomer.get(customer) ?? [];
      return {
        customer,
        name: names.get(customer) ?? customer,
        ...bucketAmounts(own, currency),
        invoices: own.map(({ invoice }) => invoice.number ?? invoice.id).sort(compareText),
      };
    });
    return { currency, ...bucketAmounts(balances, currency), customers };
  });
  return { as_of: asOf, currencies };
}
