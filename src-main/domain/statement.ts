/**
 * A customer's account statement for a date range: what they owed on the day before it
 * (the opening balance), every invoice, payment, credit note and void in it by date with
 * the running balance, and what they owed at its end (the closing balance). One section
 * per currency: amounts of different currencies are never added together.
 *
 * The balance is what the customer owes the seller, as Stripe's and Lago's customer
 * statements count it:
 * - a finalized invoice adds what it asked for on its issue date: its total less the
 *   prepaid balance applied to it (money the customer had already paid in advance);
 * - a payment subtracts its amount on its date, and a credit note on its issue date; an
 *   overpayment leaves the balance below zero (money the desk holds for the customer);
 * - an overpayment later applied to an invoice is not taken off that invoice's charge
 *   again: it already lowered the balance when it was paid;
 * - a void subtracts the voided invoice's charge on the day it was voided (an invoice
 *   with payments or credit notes cannot be voided);
 * - drafts and marketplace statements are left out: no one is asked to pay them here.
 */
import { compareText, groupBy } from './collections';
import type { CreditNote, Invoice } from './invoice';
import type { Payment } from './model';
import { Dec, formatMoney, ZERO } from './money';

export type StatementEntryKind = 'invoice' | 'payment' | 'credit_note' | 'void';

export interface StatementEntry {
  date: string;
  kind: StatementEntryKind;
  /** The invoice's or credit note's number, or the payment's id. */
  reference: string;
  /** The invoice the entry concerns (a payment's or a credit note's), else the same number. */
  invoice: string;
  /** What the entry adds to the balance (an invoice), else "0". */
  charge: string;
  /** What it takes off (a payment, a credit note, a void), else "0". */
  credit: string;
  /** The balance after the entry. */
  balance: string;
}

export interface StatementSection {
  currency: string;
  opening_balance: string;
  entries: StatementEntry[];
  invoiced: string;
  paid: string;
  credited: string;
  voided: string;
  closing_balance: string;
}

export interface Statement {
  customer: string;
  from: string;
  to: string;
  currencies: StatementSection[];
}

export interface StatementBook {
  invoices: readonly Invoice[];
  payments: readonly Payment[];
  creditNotes: readonly CreditNote[];
}

/** Entry kinds in the order they happen on one day: a charge before what settles it. */
const DAY_ORDER: Record<StatementEntryKind, number> = {
  invoice: 0,
  credit_note: 1,
  payment: 2,
  void: 3,
};

interface Movement {
  date: string;
  kind: StatementEntryKind;
  reference: string;
  invoice: string;
  currency: string;
  /** Positive adds to what is owed. */
  amount: Dec;
}

export function customerStatement(
  book: StatementBook,
  customer: string,
  from: string,
  to: string,
): Statement {
  const movements = customerMovements(book, customer).filter((movement) => movement.date <= to);
  const sections = [...groupBy(movements, (movement) => movement.currency)]
    .sort(([a], [b]) => compareText(a, b))
    .map(([currency, ofCurrency]) => section(currency, ofCurrency, from));
  return { customer, from, to, currencies: sections };
}

function customerMovements(book: StatementBook, customer: string): Movement[] {
  const invoices = book.invoices.filter(
    (invoice) =>
      invoice.customer === customer && invoice.number !== null && invoice.issue_date !== null,
  );
  const byName = new Map<string, Invoice>();
  for (const invoice of invoices) {
    byName.set(invoice.id, invoice);
    if (invoice.number !== null) byName.set(invoice.number, invoice);
  }
  const movements: Movement[] = [];
  for (const invoice of invoices) {
    if (invoice.status === 'marketplace') continue;
    const number = invoice.number ?? invoice.id;
    const charge = chargeOf(invoice);
    const base = { invoice: number, reference: number, currency: invoice.currency };
    movements.push({ ...base, date: invoice.issue_date ?? '', kind: 'invoice', amount: charge });
    if (invoice.voided_on !== null) {
      movements.push({ ...base, date: invoice.voided_on, kind: 'void', amount: charge.neg() });
    }
  }
  for (const payment of book.payments) {
    const invoice = byName.get(payment.invoice);
    if (!invoice || invoice.status === 'marketplace') continue;
    movements.push({
      date: payment.date,
      kind: 'payment',
      reference: payment.id,
      invoice: invoice.number ?? invoice.id,
      currency: invoice.currency,
      amount: new Dec(payment.amount).neg(),
    });
  }
  for (const note of book.creditNotes) {
    const invoice = byName.get(note.invoice);
    if (!invoice || invoice.status === 'marketplace') continue;
    movements.push({
      date: note.issue_date,
      kind: 'credit_note',
      reference: note.number,
      invoice: invoice.number ?? invoice.id,
      currency: note.currency,
      amount: new Dec(note.amount).neg(),
    });
  }
  return movements.sort(
    (a, b) =>
      compareText(a.date, b.date) ||
      DAY_ORDER[a.kind] - DAY_ORDER[b.kind] ||
      compareText(a.reference, b.reference),
  );
}

/** What the invoice asked the customer to pay: its total less the prepaid balance applied. */
function chargeOf(invoice: Invoice): Dec {
  const prepaid = invoice.credit_applications
    .filter((application) => application.kind === 'prepaid')
    .reduce((total, application) => total.plus(application.amount), ZERO);
  return new Dec(invoice.total).minus(prepaid);
}

function section(currency: string, movements: Movement[], from: string): StatementSection {
  const money = (amount: Dec) => formatMoney(amount, currency);
  let balance = movements
    .filter((movement) => movement.date < from)
    .reduce((total, movement) => total.plus(movement.amount), ZERO);
  const opening = balance;
  const sums: Record<StatementEntryKind, Dec> = {
    invoice: ZERO,
    payment: ZERO,
    credit_note: ZERO,
    void: ZERO,
  };
  const entries = movements
    .filter((movement) => movement.date >= from)
    .map((movement): StatementEntry => {
      balance = balance.plus(movement.amount);
      sums[movement.kind] = sums[movement.kind].plus(movement.amount.abs());
      const charges = movement.amount.gt(0);
      return {
        date: movement.date,
        kind: movement.kind,
        reference: movement.reference,
        invoice: movement.invoice,
        charge: money(charges ? movement.amount : ZERO),
        credit: money(charges ? ZERO : movement.amount.neg()),
        balance: money(balance),
      };
    });
  return {
    currency,
    opening_balance: money(opening),
    entries,
    invoiced: money(sums.invoice),
    paid: money(sums.payment),
    credited: money(sums.credit_note),
    voided: money(sums.void),
    closing_balance: money(balance),
  };
}
