/**
 * What piles up with time, declared once: each per-period collection of the book, the
 * schema of its items, the period whose document holds an item, and the keys an item
 * is found by. The store's layout, its commit, its validation and its migration are
 * all derived from this list, so a new collection that piles up (email records, an
 * activity log) is one more entry here.
 */
import { z } from 'zod';
import { activityEntrySchema } from '../domain/activity';
import { emailRecordSchema } from '../domain/email-record';
import { creditNoteSchema, invoiceSchema } from '../domain/invoice';
import { paymentSchema } from '../domain/model';

/** Finds the period of an invoice by its id or number; undefined when there is none. */
export type InvoicePeriodLookup = (reference: string) => string | undefined;

export interface PeriodCollection<T extends { id: string }> {
  readonly item: z.ZodType<T>;
  /**
   * The period (YYYY-MM) of the document that holds `item`. An invoice lives in its
   * billing period; what belongs to an invoice lives beside it, so that settling an
   * invoice touches one document.
   */
  periodOf: (item: T, invoicePeriod: InvoicePeriodLookup) => string;
  /** Keys the book's index maps to the item's period (ids, numbers); none by default. */
  keysOf?: (item: T) => readonly string[];
}

function declare<T extends { id: string }>(collection: PeriodCollection<T>): PeriodCollection<T> {
  return collection;
}

/** The month of an ISO date or time. */
const monthOf = (date: string): string => date.slice(0, 7);

export const PERIOD_COLLECTIONS = {
  invoices: declare({
    item: invoiceSchema,
    periodOf: (invoice) => invoice.period,
    keysOf: (invoice) => (invoice.number === null ? [invoice.id] : [invoice.id, invoice.number]),
  }),
  credit_notes: declare({
    item: creditNoteSchema,
    periodOf: (note, invoicePeriod) => invoicePeriod(note.invoice) ?? monthOf(note.issue_date),
  }),
  payments: declare({
    item: paymentSchema,
    periodOf: (payment, invoicePeriod) => invoicePeriod(payment.invoice) ?? monthOf(payment.date),
  }),
  email_records: declare({
    item: emailRecordSchema,
    periodOf: (record, invoicePeriod) => invoicePeriod(record.invoice) ?? monthOf(record.at),
  }),
  /** The log of changes, by the month they were made in: a change appends to one document. */
  activity: declare({
    item: activityEntrySchema,
    periodOf: (entry) => monthOf(entry.at),
  }),
};

export type CollectionName = keyof typeof PERIOD_COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(PERIOD_COLLECTIONS) as CollectionName[];

type ItemOf<C> = C extends PeriodCollection<infer T> ? T : never;

/** One period's share of every collection: the content of a period document. */
export type PeriodData = {
  [K in CollectionName]: ItemOf<(typeof PERIOD_COLLECTIONS)[K]>[];
};

export type ReadonlyPeriodData = {
  readonly [K in CollectionName]: readonly Readonly<PeriodData[K][number]>[];
};

/** The schema of each collection as a whole array, for the whole book's schema. */
export const collectionArraySchemas = Object.fromEntries(
  COLLECTION_NAMES.map((name) => [name, z.array(PERIOD_COLLECTIONS[name].item)]),
) as { [K in CollectionName]: z.ZodArray<z.ZodType<PeriodData[K][number]>> };

export function emptyPeriodData(): PeriodData {
  return Object.fromEntries(COLLECTION_NAMES.map((name) => [name, []])) as unknown as PeriodData;
}

/** The collection's declaration, typed for any of its items. */
export function collection(name: CollectionName): PeriodCollection<{ id: string }> {
  return PERIOD_COLLECTIONS[name] as unknown as PeriodCollection<{ id: string }>;
}
