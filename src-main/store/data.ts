/**
 * The shapes of the book. `StoreData` is the whole book as services see it; on disk it
 * is partitioned (docs/architecture.md, "Store"): the main document (`store.json`,
 * `MainDocument`) holds what stays small and names one document per period for what
 * piles up (collections.ts). Raw usage events live in immutable segment files under
 * `usage/`, which the main document lists: it is the single commit point of all.
 */
import { z } from 'zod';
import {
  contractSchema,
  creditSchema,
  customerSchema,
  meterSchema,
  planSchema,
  settingsSchema,
  uptimeSchema,
  isoDate,
  periodName,
} from '../domain/model';
import { collectionArraySchemas, emptyPeriodData } from './collections';

export const CURRENT_SCHEMA_VERSION = 2;

/**
 * One period's share of an import batch: an immutable file of normalized events
 * (src-main/usage/segment.ts). `bytes` and `sha256` let a reader notice a damaged file.
 */
export const usageSegmentSchema = z.strictObject({
  period: periodName,
  /** Relative to the store's usage folder, e.g. `2026-10/b000017-3fa9c2d1.tsv`. */
  file: z.string(),
  events: z.number().int().min(0),
  bytes: z.number().int().min(0),
  sha256: z.string(),
});
export type UsageSegment = z.infer<typeof usageSegmentSchema>;

export const usageBatchSchema = z.strictObject({
  id: z.string(),
  /**
   * Increasing with every import, never reused (a rolled-back batch keeps its entry):
   * invoices remember the highest they saw (late usage).
   */
  seq: z.number().int().positive(),
  file_name: z.string(),
  /** Of the imported file as it was read. */
  sha256: z.string(),
  format: z.string(),
  imported_at: z.string(),
  accepted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  rejected: z.number().int().min(0),
  segments: z.array(usageSegmentSchema),
  /**
   * The dedupe index of the batch's events (sorted 53-bit hashes of (source, event_id),
   * 8 bytes each), relative to the usage folder; null when the batch stores no event.
   */
  index: z.string().nullable(),
  /** When the batch was rolled back; its segments and index are then no longer listed. */
  rolled_back_at: z.string().nullable(),
});
export type UsageBatch = z.infer<typeof usageBatchSchema>;

/** What the main document holds of the book itself (everything but the period collections). */
const mainFields = {
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  settings: settingsSchema,
  meters: z.array(meterSchema),
  plans: z.array(planSchema),
  customers: z.array(customerSchema),
  contracts: z.array(contractSchema),
  credits: z.array(creditSchema),
  uptime: z.array(uptimeSchema),
  /** Last number used per rendered prefix ("INV-2026-" → 41): gapless sequences. */
  sequences: z.record(z.string(), z.number().int().min(0)),
  usage_batches: z.array(usageBatchSchema),
  /** Date of the last daily backup, so one is taken at most once a day. */
  last_daily_backup: isoDate.nullable(),
};

/** The whole book, as `store.read()` shows it and bundles and old files carry it. */
export const storeDataSchema = z.strictObject({ ...mainFields, ...collectionArraySchemas });
export type StoreData = z.infer<typeof storeDataSchema>;

/**
 * The committed book as the store hands it out: its collections and records read-only
 * in the type (the objects are the store's own, shared with every reader).
 */
export type ReadonlyStoreData = ReadonlyRecords<StoreData>;

/** Read-only fields, and arrays of read-only records; deeper levels as the domain types them. */
export type ReadonlyRecords<T> = {
  readonly [K in keyof T]: T[K] extends (infer U)[] ? readonly Readonly<U>[] : Readonly<T[K]>;
};

export type MainField = keyof typeof mainFields;
export const MAIN_FIELDS = Object.keys(mainFields) as MainField[];
export const mainFieldSchemas: { [K in MainField]: (typeof mainFields)[K] } = mainFields;

/**
 * What the bill run needs of a period without reading its document: the credit its
 * non-void invoices applied, and the lowest usage watermark of its finalized
 * period-end invoices (late usage can only concern a period below which a batch
 * stored events after that watermark).
 */
export const periodSummarySchema = z.strictObject({
  credits_applied: z.record(z.string(), z.string()),
  lowest_watermark: z.number().int().min(0).nullable(),
});
export type PeriodSummary = z.infer<typeof periodSummarySchema>;

/** The files of the partitioned book, relative to the data folder's `periods/`. */
export const bookFilesSchema = z.strictObject({
  /** Increases with every commit; new document versions are named after it. */
  commit: z.number().int().min(0),
  /** The current document of each period that holds anything. */
  periods: z.record(periodName, z.string()),
  /** The document mapping invoice ids and numbers to their period; null while empty. */
  index: z.string().nullable(),
  summaries: z.record(periodName, periodSummarySchema),
  /**
   * The commit whose files the newest backup may name: a replaced file written by a
   * later commit is in no backup and is deleted at once; older ones wait for pruning.
   */
  backed_up_at: z.number().int().min(0),
});
export type BookFiles = z.infer<typeof bookFilesSchema>;

/** `store.json` from schema 2 on. */
export const mainDocumentSchema = z.strictObject({ ...mainFields, book_files: bookFilesSchema });
export type MainDocument = z.infer<typeof mainDocumentSchema>;

export function emptyBookFiles(): BookFiles {
  return { commit: 0, periods: {}, index: null, summaries: {}, backed_up_at: 0 };
}

export function emptyStoreData(): StoreData {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    settings: settingsSchema.parse({}),
    meters: [],
    plans: [],
    customers: [],
    contracts: [],
    credits: [],
    uptime: [],
    sequences: {},
    usage_batches: [],
    last_daily_backup: null,
    ...emptyPeriodData(),
  };
}
