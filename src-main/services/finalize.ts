/**
 * Finalizing drafts (billing.md §8): the next number of the gapless sequence, the
 * issue and due dates, and from then on the invoice is frozen (the store refuses any
 * change but its settlement).
 */
import { UserError } from '../domain/errors';
import { finalizationBlocker, finalizedFields } from '../domain/finalization';
import type { Invoice } from '../domain/invoice';
import type { Contract } from '../domain/model';
import { takeNumber } from '../domain/numbering';
import { settledStatus } from '../domain/settlement';
import type { StoreData } from '../store/data';
import type { Store } from '../store/store';
import { Book } from './book';
import { findInvoice, invoicePresenter, type InvoiceView } from './present';
import { resolveRunDate } from './runDate';
import { recordActivity, type ChangeOrigin } from './activity';

/** Finalizes a draft inside a store update, or says why it cannot be finalized on that date. */
export function finalizeIfPossible(
  data: StoreData,
  draft: Invoice,
  contract: Contract,
  issueDate: string,
  origin: ChangeOrigin,
): string | null {
  const blocker = finalizationBlocker(draft, contract, data.invoices, data.credits, issueDate);
  if (blocker !== null) return blocker;
  const number = takeNumber(data.sequences, data.settings.invoice_number_format, issueDate);
  const terms = contract.payment_terms_days ?? data.settings.payment_terms_days;
  Object.assign(draft, finalizedFields(number, issueDate, terms));
  // A draft has no payments or credit notes yet: its stored settlement is complete.
  draft.status = settledStatus(draft, draft);
  recordActivity(data, origin, {
    action: 'invoice.finalize',
    customer: draft.customer,
    invoice: number,
    subject: draft.id,
    summary: `Finalized draft ${draft.id} as invoice ${number}, issued ${issueDate}.`,
  });
  return null;
}

/** Finalizes the drafts named by id, in the order given, all or none. */
export async function finalizeInvoices(
  store: Store,
  references: readonly string[],
  options: { asOf?: string } & ChangeOrigin = {},
): Promise<InvoiceView[]> {
  return store.update((data) => {
    const issueDate = resolveRunDate(data.settings, options.asOf);
    const book = new Book(data);
    const present = invoicePresenter(data, issueDate);
    const drafts = references.map((reference) => findInvoice(data, reference));
    for (const draft of drafts) {
      const blocker = finalizeIfPossible(
        data,
        draft,
        book.contract(draft.contract),
        issueDate,
        options,
      );
      if (blocker !== null) throw new UserError(blocker);
    }
    return drafts.map(present);
  });
}
