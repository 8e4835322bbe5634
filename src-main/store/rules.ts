/**
 * The rules no update may break, whatever the screen or command that made it: what
 * was issued to a customer stays as issued (billing.md §8), and numbers are never
 * reused, and the activity log is only appended to. Checked before every commit on what the commit changes only: an item of a
 * collection that the update replaced or removed is judged against the committed one
 * (an item it did not touch is the committed object itself, so it is not looked at).
 */
import { isDeepStrictEqual } from 'node:util';
import { UserError } from '../domain/errors';
import type { ActivityEntry } from '../domain/activity';
import type { CreditNote, Invoice, StoredInvoiceStatus } from '../domain/invoice';
import type { CollectionName } from './collections';

/** What payments, credit notes and voiding change on a finalized invoice. */
const SETTLEMENT_FIELDS: ReadonlySet<string> = new Set<keyof Invoice>([
  'status',
  'voided_on',
  'amount_paid',
  'credited',
  'balance_due',
]);
const FINALIZED_STATUSES: readonly StoredInvoiceStatus[] = ['open', 'paid', 'void'];

/**
 * Throws a UserError when a committed item may not become `next` (undefined: the item
 * is gone). Called only for items the commit replaces or removes.
 */
type ItemRule = (before: never, next: never) => void;

function assertFinalizedInvoiceKept(old: Invoice, next: Invoice | undefined): void {
  if (old.number === null) return;
  if (!next) {
    throw new UserError(
      `Invoice ${old.number} is finalized and cannot be deleted; void it or issue a credit note instead.`,
    );
  }
  if (isDeepStrictEqual(old, next)) return;
  if (old.status === 'void') {
    throw new UserError(`Invoice ${old.number} is void, and a void invoice never changes again.`);
  }
  const changed = (Object.keys(old) as (keyof Invoice)[]).find(
    (field) => !SETTLEMENT_FIELDS.has(field) && !isDeepStrictEqual(old[field], next[field]),
  );
  if (changed) {
    throw new UserError(
      `Invoice ${old.number} is finalized, so its ${changed} cannot change; issue a credit note or void it instead.`,
    );
  }
  if (!FINALIZED_STATUSES.includes(next.status)) {
    throw new UserError(
      `Invoice ${old.number} is finalized, so its status can be open, paid or void, not ${next.status}.`,
    );
  }
}

function assertCreditNoteKept(old: CreditNote, next: CreditNote | undefined): void {
  if (!next) throw new UserError(`Credit note ${old.number} is issued and cannot be deleted.`);
  if (!isDeepStrictEqual(old, next)) {
    throw new UserError(
      `Credit note ${old.number} is issued and cannot be changed; issue another credit note instead.`,
    );
  }
}

function assertActivityEntryKept(old: ActivityEntry, next: ActivityEntry | undefined): void {
  if (!next || !isDeepStrictEqual(old, next)) {
    throw new UserError('The activity log is append-only: an entry once written never changes.');
  }
}

/** The rule of each collection whose items may not change freely. */
export const ITEM_RULES: Partial<Record<CollectionName, ItemRule>> = {
  invoices: assertFinalizedInvoiceKept,
  credit_notes: assertCreditNoteKept,
  activity: assertActivityEntryKept,
};

export function assertSequencesNeverDecrease(
  before: Readonly<Record<string, number>>,
  after: Readonly<Record<string, number>>,
): void {
  for (const [prefix, last] of Object.entries(before)) {
    const next = after[prefix] ?? 0;
    if (next < last) {
      throw new UserError(
        `The number sequence "${prefix}" cannot go back from ${last} to ${next}: a number once used is never reused.`,
      );
    }
  }
}
