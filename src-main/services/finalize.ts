/**
 * Finalizing drafts (billing.md §8): the next number of the gapless sequence, the
 * issue and due dates, and from then on the invoice is frozen (the store refuses any
 * change but its settlement).
 */
import { UserError } from '../domain/errors';
import { finalizationBlocker, finalizedFields } from '../domain/finalization';
import type { Invoice } from '../domain/invoice';
import type { Contract, Credit, Settings } from '../domain/model';
import { takeNumber } from '../domain/numbering';
import { settledStatus } from '../domain/settlement';
import type { DraftBook, Store } from '../store/store';
import { Book } from './book';
import { invoicePresenter, type InvoiceView } from './present';
import { resolveRunDate } from './runDate';
import { recordActivity, type ChangeOrigin } from './activity';

/** What finalizing a draft reads and changes of the book, inside a store update. */
export interface FinalizingBook {
  settings: Settings;
  /** Changed: the number is taken from its sequence. */
  sequences: Record<string, number>;
  credits: readonly Credit[];
  /** Invoices the draft may deduct (its period's, the periods it bills late usage of). */
  invoices: readonly Invoice[];
  /** Where the finalization is recorded in the activity log. */
  log: DraftBook;
}

/** Finalizes a draft inside a store update, or says why it cannot be finalized on that date. */
export function finalizeIfPossible(
  book: FinalizingBook,
  draft: Invoice,
  contract: Contract,
  issueDate: string,
  origin: ChangeOrigin,
): string | null {
  const blocker = finalizationBlocker(draft, contract, book.invoices, book.credits, issueDate);
  if (blocker !== null) return blocker;
  const number = takeNumber(book.sequences, book.settings.invoice_number_format, issueDate);
  const terms = contract.payment_terms_days ?? book.settings.payment_terms_days;
  Object.assign(draft, finalizedFields(number, issueDate, terms));
  // A draft has no payments or credit notes yet: its stored settlement is complete.
  draft.status = settledStatus(draft, draft);
  recordActivity(book.log, origin, {
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
  return store.update((data, access) => {
    const issueDate = resolveRunDate(data.settings, options.asOf);
    const catalog = new Book(data);
    const drafts = references.map((reference) => {
      const invoice = access.invoice(reference);
      if (!invoice) throw new UserError(`There is no invoice '${reference}'.`);
      return invoice;
    });
    for (const draft of drafts) {
      const deducted = draft.lines
        .flatMap((line) => line.explanation.invoices ?? [])
        .flatMap((reference) => access.invoice(reference) ?? []);
      const blocker = finalizeIfPossible(
        {
          settings: data.settings,
          sequences: data.sequences,
          credits: data.credits,
          invoices: deducted,
          log: access,
        },
        draft,
        catalog.contract(draft.contract),
        issueDate,
        options,
      );
      if (blocker !== null) throw new UserError(blocker);
    }
    return drafts.map((draft) => invoicePresenter(access.period(draft.period), issueDate)(draft));
  });
}
