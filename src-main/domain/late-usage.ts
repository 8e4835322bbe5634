/**
 * Finding late usage (billing.md §8) without reading every past period: an invoice
 * records the highest usage batch it saw (`usage_watermark`), and each batch lists
 * the periods it stored events for. A finalized period can have late events only if a
 * batch above its watermark stored events for it; only those periods are read again.
 */
import { compareText, groupBy } from './collections';
import type { Invoice } from './invoice';
import { billsUsageOf } from './lines';

/** What the bill run needs of an import batch. */
export interface BatchPeriods {
  seq: number;
  segments: readonly { period: string }[];
}

export function isFinalizedPeriodEnd(invoice: Invoice): boolean {
  return invoice.trigger === 'period_end' && invoice.number !== null && invoice.status !== 'void';
}

/**
 * For each period before `period` that may hold late usage: the contracts to look at,
 * each with the highest batch that its invoices billing that period's usage saw.
 */
export function lateUsageWatermarks(
  invoices: readonly Invoice[],
  batches: readonly BatchPeriods[],
  period: string,
): Map<string, Map<string, number>> {
  const lastBatchOf = new Map<string, number>();
  for (const batch of batches) {
    for (const segment of batch.segments) {
      lastBatchOf.set(segment.period, Math.max(lastBatchOf.get(segment.period) ?? 0, batch.seq));
    }
  }
  const byContract = groupBy(
    invoices.filter((invoice) => invoice.status !== 'void'),
    (invoice) => invoice.contract,
  );
  const watermarks = new Map<string, Map<string, number>>();
  for (const finalized of invoices) {
    if (!isFinalizedPeriodEnd(finalized) || finalized.period >= period) continue;
    const lastBatch = lastBatchOf.get(finalized.period) ?? 0;
    if (lastBatch <= finalized.usage_watermark) continue;
    const seen = (byContract.get(finalized.contract) ?? [])
      .filter((invoice) => billsUsageOf(invoice, finalized.period))
      .reduce(
        (highest, invoice) => Math.max(highest, invoice.usage_watermark),
        finalized.usage_watermark,
      );
    if (lastBatch <= seen) continue;
    const contracts = watermarks.get(finalized.period) ?? new Map<string, number>();
    contracts.set(finalized.contract, seen);
    watermarks.set(finalized.period, contracts);
  }
  return new Map([...watermarks].sort(([a], [b]) => compareText(a, b)));
}
