/**
 * What an invoice's customer still owes, and the status the desk shows for it: the one
 * place `amount_paid`, `credited` and `balance_due` are derived (billing.md §7–§9), so
 * payments, credit notes, the screen, the PDF and the exports agree.
 */
import {
  refersTo,
  type CreditNote,
  type Invoice,
  type InvoiceStatus,
  type StoredInvoiceStatus,
} from './invoice';
import type { Payment } from './model';
import { Dec, formatMoney, ZERO } from './money';

export interface Settlement {
  amount_paid: string;
  credited: string;
  balance_due: string;
}

/**
 * `balance_due = total − prepaid_applied − payments − credit notes`, never below zero:
 * whatever goes beyond it (an overpayment, a credit note on a settled invoice) is
 * handed back to the customer as an `overpayment` credit instead.
 */
export function settlementOf(
  invoice: Invoice,
  payments: readonly Payment[],
  creditNotes: readonly CreditNote[],
): Settlement {
  const paid = amountFor(invoice, payments);
  const credited = amountFor(invoice, creditNotes);
  const owed = new Dec(invoice.total).minus(invoice.prepaid_applied).minus(paid).minus(credited);
  return {
    amount_paid: formatMoney(paid, invoice.currency),
    credited: formatMoney(credited, invoice.currency),
    balance_due: formatMoney(Dec.max(ZERO, owed), invoice.currency),
  };
}

/**
 * The sum of the records that refer to `invoice`. A loop, not a filter and a map: a
 * bill run settles 10,000 new drafts against no payments at all.
 */
function amountFor(invoice: Invoice, records: readonly { invoice: string; amount: string }[]): Dec {
  let total = ZERO;
  for (const record of records) {
    if (refersTo(invoice, record.invoice)) total = total.plus(record.amount);
  }
  return total;
}

/** The stored status of a finalized invoice once its settlement is known. */
export function settledStatus(invoice: Invoice, settlement: Settlement): StoredInvoiceStatus {
  if (invoice.status === 'draft' || invoice.status === 'void' || invoice.status === 'marketplace') {
    return invoice.status;
  }
  return new Dec(settlement.balance_due).isZero() ? 'paid' : 'open';
}

/**
 * The status the desk shows on `asOf`: an open invoice whose due date has passed is
 * `overdue` (the more urgent fact), else `partially_paid` once some payment came in.
 */
export function displayStatus(
  invoice: Invoice,
  settlement: Settlement,
  asOf: string,
): InvoiceStatus {
  const stored = settledStatus(invoice, settlement);
  if (stored === 'marketplace') return marketplaceStatus(settlement);
  if (stored !== 'open') return stored;
  if (invoice.due_date !== null && invoice.due_date < asOf) return 'overdue';
  return new Dec(settlement.amount_paid).isZero() ? 'open' : 'partially_paid';
}

/**
 * A marketplace statement is billed by the marketplace and has no due date: it shows as
 * `marketplace` until the marketplace's disbursement is recorded against it.
 */
function marketplaceStatus(settlement: Settlement): InvoiceStatus {
  if (new Dec(settlement.amount_paid).isZero()) return 'marketplace';
  return new Dec(settlement.balance_due).isZero() ? 'paid' : 'partially_paid';
}
