/**
 * Which finalized invoices bill an event of an import batch (usage-import.md,
 * rollback): an invoice bills the usage of its customer's external ids, for its own
 * period and the periods of its late-usage lines. A batch whose events some
 * finalized invoice bills cannot be rolled back.
 */
import { compareText } from './collections';
import type { Invoice } from './invoice';

/** The periods whose usage the invoice bills. */
export function billedUsagePeriods(invoice: Invoice): Set<string> {
  return new Set([
    invoice.period,
    ...invoice.lines.filter((line) => line.kind === 'late_usage').map((line) => line.period),
  ]);
}

/**
 * Numbers of the `invoices` (finalized) that bill an event of the batch, in order.
 * `customers` holds, by period, the external ids the batch has events for.
 */
export function invoicesBillingEvents(
  invoices: readonly Invoice[],
  externalIdsOf: (customer: string) => readonly string[],
  customers: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  return invoices
    .filter((invoice) =>
      [...billedUsagePeriods(invoice)].some((period) =>
        externalIdsOf(invoice.customer).some((id) => customers.get(period)?.has(id) === true),
      ),
    )
    .map((invoice) => invoice.number ?? invoice.id)
    .sort(compareText);
}
