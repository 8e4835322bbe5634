/**
 * Keeps a finalized invoice's stored settlement fields (amount_paid, credited,
 * balance_due, status) in step with its payments and credit notes. Whatever records a
 * payment or a credit note calls this once after, inside the same store update.
 */
import type { Invoice } from '../domain/invoice';
import { settledStatus, settlementOf } from '../domain/settlement';
import type { PeriodData } from '../store/collections';

/**
 * `records` is the book, or the invoice's period alone: what settles an invoice lives in
 * its period's document.
 */
export function refreshSettlement(
  records: Pick<PeriodData, 'payments' | 'credit_notes'>,
  invoice: Invoice,
): void {
  const settlement = settlementOf(invoice, records.payments, records.credit_notes);
  Object.assign(invoice, settlement, { status: settledStatus(invoice, settlement) });
}
