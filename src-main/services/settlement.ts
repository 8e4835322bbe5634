/**
 * Keeps a finalized invoice's stored settlement fields (amount_paid, credited,
 * balance_due, status) in step with its payments and credit notes. Whatever records a
 * payment or a credit note calls this once after, inside the same store update.
 */
import type { Invoice } from '../domain/invoice';
import { settledStatus, settlementOf } from '../domain/settlement';
import type { StoreData } from '../store/data';

export function refreshSettlement(data: StoreData, invoice: Invoice): void {
  const settlement = settlementOf(invoice, data.payments, data.credit_notes);
  Object.assign(invoice, settlement, { status: settledStatus(invoice, settlement) });
}
