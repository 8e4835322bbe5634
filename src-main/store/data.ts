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
import { creditNoteSchema, invoiceSchema } from '../domain/invoice';

export const CURRENT_SCHEMA_VERSION = 1;

/** One period's share of an import batch: an immutable file of normalized events. */
export const usageSegmentSchema = z.strictObject({
  period: periodName,
  file: z.string(),
  events: z.number().int().min(0),
});
export type UsageSegment = z.infer<typeof usageSegmentSchema>;

export const usageBatchSchema = z.strictObject({
  id: z.string(),
  /** Increasing with every import: invoices remember the highest they saw (late usage). */
  seq: z.number().int().positive(),
  file_name: z.string(),
  sha256: z.string(),
  format: z.string(),
  imported_at: z.string(),
  accepted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  rejected: z.number().int().min(0),
  segments: z.array(usageSegmentSchema),
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
  };
}
