/**
 * Recording and reading the activity log. Services that change the book record
 * their change inside the same store update, so the log and the book never disagree.
 */
import type { ActivityEntry, Door } from '../domain/activity';
import type { StoreData } from '../store/data';
import type { Store } from '../store/store';

/** Who is asking a service for a change; every service that changes the book takes one. */
export interface ChangeOrigin {
  /** Where the change came from (default: 'cli'). */
  door?: Door;
}

export type ActivityRecord = Pick<ActivityEntry, 'action' | 'subject' | 'summary'> &
  Partial<Pick<ActivityEntry, 'customer' | 'invoice'>>;

/** Appends an entry to the log of the document being updated. */
export function recordActivity(
  data: StoreData,
  origin: ChangeOrigin,
  record: ActivityRecord,
): void {
  data.activity.push({
    at: new Date().toISOString(),
    door: origin.door ?? 'cli',
    action: record.action,
    customer: record.customer ?? null,
    invoice: record.invoice ?? null,
    subject: record.subject,
    summary: record.summary,
  });
}

export interface ActivityFilter {
  customer?: string;
  /** An invoice's number or draft id. */
  invoice?: string;
}

/**
 * The log's entries, oldest first, optionally of one customer or one invoice. An
 * invoice is found by its number or its id, so its entries from before it was
 * numbered are listed too.
 */
export function listActivity(store: Store, filter: ActivityFilter = {}): ActivityEntry[] {
  const data = store.read();
  const invoiceNames = new Set<string | null>();
  if (filter.invoice !== undefined) {
    invoiceNames.add(filter.invoice);
    const invoice = data.invoices.find(
      (candidate) => candidate.number === filter.invoice || candidate.id === filter.invoice,
    );
    if (invoice) invoiceNames.add(invoice.id).add(invoice.number);
    invoiceNames.delete(null);
  }
  return data.activity.filter(
    (entry) =>
      (filter.customer === undefined || entry.customer === filter.customer) &&
      (filter.invoice === undefined || invoiceNames.has(entry.invoice)),
  );
}
