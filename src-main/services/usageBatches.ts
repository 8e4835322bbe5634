/**
 * The usage batches of the book: listed, and rolled back unless a finalized invoice
 * bills some of their events (usage-import.md). The CLI's `usage-batches` and
 * `rollback-batch` and the app's import screen call these.
 */
import { UserError } from '../domain/errors';
import { billedUsagePeriods, invoicesBillingEvents } from '../domain/batch-billing';
import type { ReadonlyStoreData, UsageBatch } from '../store/data';
import type { Store } from '../store/store';
import { customersByPeriod } from '../usage/reader';
import { recordActivity, type ChangeOrigin } from './activity';

/** Every batch, oldest first, rolled-back ones included (marked). */
export function listBatches(store: Store): UsageBatch[] {
  return [...store.read().usage_batches].sort((a, b) => a.seq - b.seq);
}

/**
 * Takes a batch's events out of the store, unless some are billed on a finalized
 * invoice. The batch stays listed, marked rolled back, so its `seq` is never reused;
 * its files are left for the store's pruning (a backup may still refer to them).
 */
export async function rollbackBatch(
  store: Store,
  batchId: string,
  origin: ChangeOrigin = {},
): Promise<UsageBatch> {
  const data = store.read();
  const batch = data.usage_batches.find((candidate) => candidate.id === batchId);
  if (batch === undefined) throw new UserError(`There is no usage batch '${batchId}'.`);
  if (batch.rolled_back_at !== null) {
    throw new UserError(
      `Usage batch ${batchId} was already rolled back (${batch.rolled_back_at}).`,
    );
  }
  const billing = await invoicesBillingBatch(store, data, batch);
  if (billing.length > 0) {
    throw new UserError(
      `Usage batch ${batchId} cannot be rolled back: some of its events are billed on finalized invoice${
        billing.length > 1 ? 's' : ''
      } ${billing.join(', ')}. Correct ${billing.length > 1 ? 'them' : 'it'} with a credit note instead.`,
    );
  }
  const finalizedIds = finalizedSince(data, batch.seq);
  return store.update((draft, book) => {
    const target = draft.usage_batches.find((candidate) => candidate.id === batchId);
    if (
      target === undefined ||
      target.rolled_back_at !== null ||
      finalizedSince(draft, batch.seq) !== finalizedIds
    ) {
      throw new UserError(
        `Usage batch ${batchId} or the invoices changed meanwhile; nothing was rolled back. Try again.`,
      );
    }
    target.rolled_back_at = new Date().toISOString();
    target.segments = [];
    target.index = null;
    recordActivity(book, origin, {
      action: 'usage.rollback',
      subject: batchId,
      summary: `Rolled back usage batch ${batchId} (${target.file_name}).`,
    });
    return target;
  });
}

/** Finalized, not voided invoices that saw batches up to `seq` (their usage_watermark). */
function finalizedInvoices(data: ReadonlyStoreData, seq: number) {
  return data.invoices.filter(
    (invoice) =>
      invoice.number !== null && invoice.status !== 'void' && invoice.usage_watermark >= seq,
  );
}

function finalizedSince(data: ReadonlyStoreData, seq: number): string {
  return finalizedInvoices(data, seq)
    .map((invoice) => invoice.id)
    .join(' ');
}

/** Numbers of the finalized invoices that bill some event of the batch (domain/batch-billing.ts). */
async function invoicesBillingBatch(
  store: Store,
  data: ReadonlyStoreData,
  batch: UsageBatch,
): Promise<string[]> {
  const invoices = finalizedInvoices(data, batch.seq);
  if (invoices.length === 0) return [];
  const externalIds = new Map(
    data.customers.map((customer) => [customer.id, customer.external_ids] as const),
  );
  const periods = new Set(invoices.flatMap((invoice) => [...billedUsagePeriods(invoice)]));
  return invoicesBillingEvents(
    invoices,
    (customer) => externalIds.get(customer) ?? [],
    await customersByPeriod(store, batch, periods),
  );
}
