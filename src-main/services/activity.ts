/**
 * Recording and reading the activity log. Services that change the book record
 * their change inside the same store update, so the log and the book never disagree.
 */
import type { ActivityEntry, Door } from '../domain/activity';
import type { DraftBook, Store } from '../store/store';

/** Who is asking a service for a change; every service that changes the book takes one. */
export interface ChangeOrigin {
  /** Where the change came from (default: 'cli'). */
  door?: Door;
}

export type ActivityRecord = Pick<ActivityEntry, 'action' | 'subject' | 'summary'> &
  Partial<Pick<ActivityEntry, 'customer' | 'invoice'>>;

/**
 * Appends an entry to the log, in the draft of the book being updated: to this month's
 * document, the only one a change's entry touches.
 */
export function recordActivity(
  book: DraftBook,
  origin: ChangeOrigin,
  record: ActivityRecord,
): void {
  const at = new Date().toISOString();
  const month = at.slice(0, 7);
  const log = book.period(month).activity;
  log.push({
    id: `${month}/${log.length + 1}`,
    at,
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
  const invoiceNames = new Set<string | null>();
  if (filter.invoice !== undefined) {
    invoiceNames.add(filter.invoice);
    const invoice = store.findInvoice(filter.invoice);
    if (invoice) invoiceNames.add(invoice.id).add(invoice.number);
    invoiceNames.delete(null);
  }
  const entries = store.periods().flatMap((period) => store.period(period).activity);
  return entries.filter(
    (entry) =>
      (filter.customer === undefined || entry.customer === filter.customer) &&
      (filter.invoice === undefined || invoiceNames.has(entry.invoice)),
  );
}
