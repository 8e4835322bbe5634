/**
 * The shape of the main store document (`store.json`). Raw usage events are not
 * here: they live in immutable segment files under `usage/` (docs/architecture.md);
 * this document only lists the batches, which makes it the single commit point.
 */
import { z } from 'zod';
import {
  contractSchema,
  creditSchema,
  customerSchema,
  meterSchema,
  paymentSchema,
  planSchema,
  settingsSchema,
  uptimeSchema,
  isoDate,
  periodName,
} from '../domain/model';
import { activityEntrySchema } from '../domain/activity';
import { creditNoteSchema, invoiceSchema } from '../domain/invoice';

export const CURRENT_SCHEMA_VERSION = 1;

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

export const storeDataSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  settings: settingsSchema,
  meters: z.array(meterSchema),
  plans: z.array(planSchema),
  customers: z.array(customerSchema),
  contracts: z.array(contractSchema),
  credits: z.array(creditSchema),
  uptime: z.array(uptimeSchema),
  payments: z.array(paymentSchema),
  invoices: z.array(invoiceSchema),
  credit_notes: z.array(creditNoteSchema),
  /** Last number used per rendered prefix ("INV-2026-" → 41): gapless sequences. */
  sequences: z.record(z.string(), z.number().int().min(0)),
  usage_batches: z.array(usageBatchSchema),
  /** Date of the last daily backup, so one is taken at most once a day. */
  last_daily_backup: isoDate.nullable(),
  /** Every change to the book, oldest first; append-only. Absent from older files. */
  activity: z.array(activityEntrySchema).default([]),
});
export type StoreData = z.infer<typeof storeDataSchema>;

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
    payments: [],
    invoices: [],
    credit_notes: [],
    sequences: {},
    usage_batches: [],
    last_daily_backup: null,
    activity: [],
  };
}
