/**
 * What the main document keeps of each period so that a bill run reads no other
 * period's document unless it has to (data.ts, `PeriodSummary`).
 */
import type { Invoice } from '../domain/invoice';
import { isFinalizedPeriodEnd } from '../domain/late-usage';
import { Dec, plain } from '../domain/money';
import type { PeriodSummary } from './data';

export function summarizePeriod(invoices: readonly Invoice[]): PeriodSummary {
  const applied = new Map<string, Dec>();
  let lowest: number | null = null;
  for (const invoice of invoices) {
    if (invoice.status === 'void') continue;
    for (const { credit, amount } of invoice.credit_applications) {
      applied.set(credit, (applied.get(credit) ?? new Dec(0)).plus(amount));
    }
    if (isFinalizedPeriodEnd(invoice)) {
      lowest = Math.min(lowest ?? invoice.usage_watermark, invoice.usage_watermark);
    }
  }
  return {
    credits_applied: Object.fromEntries([...applied].map(([id, sum]) => [id, plain(sum)])),
    lowest_watermark: lowest,
  };
}
