/**
 * The rules no update may break, whatever the screen or command that made it: what
 * was issued to a customer stays as issued (billing.md §8), and numbers are never
 * reused. Checked on the whole document before every commit, so a bug anywhere
 * cannot rewrite history.
 */
import { isDeepStrictEqual } from 'node:util';
import { UserError } from '../domain/errors';
import type { Invoice, StoredInvoiceStatus } from '../domain/invoice';
import type { StoreData } from './data';

/** What payments, credit notes and voiding change on a finalized invoice. */
const SETTLEMENT_FIELDS: ReadonlySet<string> = new Set<keyof Invoice>([
  'status',
  'voided_on',
  'amount_paid',
  'credited',
  'balance_due',
]);
const FINALIZED_STATUSES: readonly StoredInvoiceStatus[] = ['open', 'paid', 'void'];

/** Throws a UserError naming the first broken rule when `after` may not follow `before`. */
export function assertStoreRules(before: StoreData, after: StoreData): void {
  assertFinalizedInvoicesKept(before.invoices, after.invoices);
  assertCreditNotesKept(before, after);
  assertSequencesNeverDecrease(before.sequences, after.sequences);
  assertActivityAppendOnly(before, after);
}

function assertFinalizedInvoicesKept(before: readonly Invoice[], after: readonly Invoice[]): void {
  const afterById = new Map(after.map((invoice) => [invoice.id, invoice]));
  for (const old of before) {
    if (old.number === null) continue;
    const next = afterById.get(old.id);
    if (!next) {
      throw new UserError(
        `Invoice ${old.number} is finalized and cannot be deleted; void it or issue a credit note instead.`,
      );
    }
    if (isDeepStrictEqual(old, next)) continue;
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
}

function assertCreditNotesKept(before: StoreData, after: StoreData): void {
  const afterById = new Map(after.credit_notes.map((note) => [note.id, note]));
  for (const old of before.credit_notes) {
    const next = afterById.get(old.id);
    if (!next) throw new UserError(`Credit note ${old.number} is issued and cannot be deleted.`);
    if (!isDeepStrictEqual(old, next)) {
      throw new UserError(
        `Credit note ${old.number} is issued and cannot be changed; issue another credit note instead.`,
      );
    }
  }
}

function assertSequencesNeverDecrease(
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

function assertActivityAppendOnly(before: StoreData, after: StoreData): void {
  const kept =
    after.activity.length >= before.activity.length &&
    before.activity.every((entry, index) => isDeepStrictEqual(entry, after.activity[index]));
  if (!kept) {
    throw new UserError('The activity log is append-only: an entry once written never changes.');
  }
}
