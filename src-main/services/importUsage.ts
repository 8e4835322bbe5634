/**
 * Usage import (../shared/spec/usage-import.md): a file in any of the usage formats
 * becomes one import batch, or nothing; batches are listed and rolled back here.
 * The CLI's `import-usage`, `usage-batches` and `rollback-batch` and the app's import
 * screen call these; the bundle loader stores a bundle's usage through
 * `stageUsageEvents`, the same rules on the same path.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, extname, join, dirname } from 'node:path';
import { UserError } from '../domain/errors';
import { recordActivity, type ChangeOrigin } from './activity';
import type { StoreData, UsageBatch } from '../store/data';
import type { Store } from '../store/store';
import {
  formatRules,
  isUsageFormat,
  readRows,
  sniff,
  USAGE_FORMATS,
  type UsageFormat,
} from '../usage/formats';
import { jsonRowHandler, NDJSON } from '../usage/formats/json';
import type { RowSink } from '../usage/formats/types';
import { decodeRatedEvent } from '../usage/segment';
import { UsageStaging, type RowError, type StagedBatch } from '../usage/staging';
import { segmentLineBatches } from '../usage/storage';
import { openTextInput } from '../usage/text';
import {
  EVENT_FIELDS,
  usageContext,
  validateUsage,
  type FormatRules,
  type UsageContext,
} from '../usage/validate';
import type { SegmentEvent } from '../usage/segment';

export { USAGE_FORMATS, isUsageFormat, type UsageFormat };
export type { RowError, StagedBatch } from '../usage/staging';

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  /** Data rows read so far. */
  rows: number;
}

export interface ImportUsageOptions extends ChangeOrigin {
  /** Detected from the file's content when absent. */
  format?: UsageFormat;
  /** Field → CSV column to read it from (`{ quantity: 'units' }`). */
  map?: Readonly<Record<string, string>>;
  /** Store the valid rows even when some are rejected. */
  keepValid?: boolean;
  /** Where rejected rows are written; with keepValid and no path, next to the file. */
  rejectsPath?: string;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportUsageResult {
  /** The batch stored; null when nothing was (a strict import with rejected rows). */
  batch: string | null;
  format: UsageFormat;
  /** Whether the format was detected rather than named. */
  detected: boolean;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** The first 1,000 rejected rows (MAX_LISTED_ERRORS); `rejected` counts them all. */
  errors: RowError[];
  rejects_file?: string;
}

export async function importUsage(
  store: Store,
  filePath: string,
  options: ImportUsageOptions = {},
): Promise<ImportUsageResult> {
  const map = checkMap(options.map ?? {});
  const totalBytes = await fileSize(filePath);
  const sniffed = await sniff(filePath, options.format);
  if (Object.keys(map).length > 0 && sniffed.format !== 'csv') {
    throw new UserError(`--map applies to CSV files only; this file is ${sniffed.format}.`);
  }
  const keepValid = options.keepValid ?? false;
  const rejectsPath =
    options.rejectsPath ?? (keepValid ? defaultRejectsPath(filePath, sniffed.format) : null);
  // Before staging: the backup's pruning spares only files written in the last minute.
  await store.backup('before-import');
  const staging = await UsageStaging.start(store, {
    fileName: basename(filePath),
    format: sniffed.format,
    keepValid,
  });
  const sink = stagingSink(staging, formatRules(sniffed.format), usageContext(store.read()));
  const report = () =>
    options.onProgress?.({ bytesRead: input.bytesRead(), totalBytes, rows: sink.rows });
  const input = openTextInput(filePath, report);

  let rejectsFile: string | null;
  try {
    rejectsFile = await readRows(input, sniffed, { map, rejectsPath }, sink);
  } catch (error) {
    staging.discard();
    throw error;
  }
  const staged = await staging.finish(input.sha256());
  await commit(store, staged, options);
  report();
  return {
    batch: staged.batch?.id ?? null,
    format: sniffed.format,
    detected: options.format === undefined,
    accepted: staged.accepted,
    duplicates: staged.duplicates,
    rejected: staged.rejected,
    errors: staged.errors,
    ...(rejectsFile === null ? {} : { rejects_file: rejectsFile }),
  };
}

async function commit(store: Store, staged: StagedBatch, origin: ChangeOrigin): Promise<void> {
  const { batch } = staged;
  if (batch === null) return;
  try {
    await store.update((draft) => {
      staged.commit(draft);
      recordActivity(draft, origin, {
        action: 'usage.import',
        subject: batch.id,
        summary: `Imported ${batch.file_name} as usage batch ${batch.id}: ${staged.accepted} accepted, ${staged.duplicates} duplicates, ${staged.rejected} rejected.`,
      });
    });
  } catch (error) {
    // Refused by the commit check: the files are certainly unreferenced. After any
    // other failure the document may be on disk after all, so pruning decides.
    if (error instanceof UserError) staged.discard();
    throw error;
  }
}

function checkMap(map: Readonly<Record<string, string>>): Record<string, string> {
  for (const [field, column] of Object.entries(map)) {
    if (!(EVENT_FIELDS as readonly string[]).includes(field)) {
      throw new UserError(
        `--map ${field}=${column}: '${field}' is not a usage field (${EVENT_FIELDS.join(', ')}).`,
      );
    }
    if (column === '') throw new UserError(`--map ${field}= names no column.`);
  }
  return { ...map };
}

async function fileSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UserError(`'${path}' is not a file.`);
    return info.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(
      `Cannot read '${path}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    );
  }
}

/** `usage.csv` → `usage.rejects.csv`; JSON formats' rejects are always one value per line. */
function defaultRejectsPath(filePath: string, format: UsageFormat): string {
  const extension = extname(filePath);
  const stem = basename(filePath, extension);
  return join(
    dirname(filePath),
    `${stem}.rejects${format === 'csv' ? extension || '.csv' : '.ndjson'}`,
  );
}

/** Validates each row and stages it, or counts it rejected. */
function stagingSink(staging: UsageStaging, rules: FormatRules, context: UsageContext): RowSink {
  const event: SegmentEvent = {
    source: null,
    event_id: '',
    customer: '',
    meter: '',
    quantity: '',
    time: 0,
    timestamp: '',
    properties: '',
  };
  return {
    rows: 0,
    row(row, raw) {
      const outcome = validateUsage(raw, rules, context, event);
      if (typeof outcome === 'string') {
        staging.add(event, outcome);
        return null;
      }
      staging.reject(row, outcome.reason);
      return outcome.reason;
    },
    unreadable(row, reason) {
      staging.reject(row, reason);
    },
  };
}

export interface StageUsageEventsOptions {
  /** Shown in the batch list, e.g. the bundle's file name. */
  fileName: string;
  /** What the events are checked against; default: the store's customers and meters. */
  context?: UsageContext;
}

/** Events pushed one at a time into a batch, as a bundle's stream hands them over. */
export interface UsageEventStaging {
  /** Validates and stages one event; `row` numbers it (a bundle's index + 1). */
  add(row: number, event: unknown): void;
  /**
   * Ends the batch: `sha256` is recorded as that of its input. Rejected events are
   * counted and listed in the result, and then nothing may be committed. No
   * events, no batch: the result commits nothing.
   */
  finish(sha256: string): Promise<StagedBatch>;
  /** Deletes what was staged. */
  discard(): void;
}

/**
 * Starts staging events shaped as a bundle's `usage` entries under the same rules and
 * dedupe as a file import, strictly. Nothing is stored until the finished batch's
 * `commit(draft)` runs inside the caller's `store.update`, so a bundle and its usage
 * are stored together or not at all.
 */
export async function startUsageEventStaging(
  store: Store,
  options: StageUsageEventsOptions,
): Promise<UsageEventStaging> {
  const staging = await UsageStaging.start(store, {
    fileName: options.fileName,
    format: 'bundle',
    keepValid: false,
  });
  const sink = stagingSink(staging, NDJSON.rules, options.context ?? usageContext(store.read()));
  const handle = jsonRowHandler(NDJSON, sink, null);
  return {
    add: handle,
    async finish(sha256) {
      // A bundle without usage is no import: it makes no batch.
      if (sink.rows === 0) {
        return {
          accepted: 0,
          duplicates: 0,
          rejected: 0,
          errors: [],
          batch: null,
          commit() {},
          discard() {},
        };
      }
      return staging.finish(sha256);
    },
    discard: () => staging.discard(),
  };
}

/**
 * `startUsageEventStaging` over events in memory. Throws a UserError listing the
 * rejected events. The batch's SHA-256 is that of the events written one JSON per line.
 */
export async function stageUsageEvents(
  store: Store,
  events: Iterable<unknown>,
  options: StageUsageEventsOptions,
): Promise<StagedBatch> {
  const staging = await startUsageEventStaging(store, options);
  const hash = createHash('sha256');
  let row = 0;
  for (const event of events) {
    hash.update(`${JSON.stringify(event)}\n`);
    staging.add(++row, event);
  }
  const staged = await staging.finish(hash.digest('hex'));
  if (staged.rejected > 0) {
    throw new UserError(
      `${staged.rejected} usage event(s) are rejected; nothing was stored.`,
      staged.errors.map((error) => `usage[${error.row - 1}]: ${error.reason}`),
    );
  }
  return staged;
}

/** `stageUsageEvents`, committed on its own. */
export async function importUsageEvents(
  store: Store,
  events: Iterable<unknown>,
  options: StageUsageEventsOptions & ChangeOrigin,
): Promise<{ batch: string; accepted: number; duplicates: number }> {
  const staged = await stageUsageEvents(store, events, options);
  await commit(store, staged, options);
  return {
    batch: (staged.batch as UsageBatch).id,
    accepted: staged.accepted,
    duplicates: staged.duplicates,
  };
}

/** Every batch, oldest first, rolled-back ones included (marked). */
export function listBatches(store: Store): UsageBatch[] {
  return [...store.read().usage_batches].sort((a, b) => a.seq - b.seq);
}

/**
 * Takes a batch's events out of the store, unless some are billed on a finalized
 * invoice. The batch stays listed, marked rolled back, so its `seq` is never reused;
 * its files are left for the store's pruning (a backup may still refer to them).
 */
export async function rollbackBatch(
  store: Store,
  batchId: string,
  origin: ChangeOrigin = {},
): Promise<UsageBatch> {
  const data = store.read();
  const batch = data.usage_batches.find((candidate) => candidate.id === batchId);
  if (batch === undefined) throw new UserError(`There is no usage batch '${batchId}'.`);
  if (batch.rolled_back_at !== null) {
    throw new UserError(
      `Usage batch ${batchId} was already rolled back (${batch.rolled_back_at}).`,
    );
  }
  const billing = await invoicesBillingBatch(store, data, batch);
  if (billing.length > 0) {
    throw new UserError(
      `Usage batch ${batchId} cannot be rolled back: some of its events are billed on finalized invoice${
        billing.length > 1 ? 's' : ''
      } ${billing.join(', ')}. Correct ${billing.length > 1 ? 'them' : 'it'} with a credit note instead.`,
    );
  }
  const finalizedIds = finalizedSince(data, batch.seq);
  return store.update((draft) => {
    const target = draft.usage_batches.find((candidate) => candidate.id === batchId);
    if (
      target === undefined ||
      target.rolled_back_at !== null ||
      finalizedSince(draft, batch.seq) !== finalizedIds
    ) {
      throw new UserError(
        `Usage batch ${batchId} or the invoices changed meanwhile; nothing was rolled back. Try again.`,
      );
    }
    target.rolled_back_at = new Date().toISOString();
    target.segments = [];
    target.index = null;
    recordActivity(draft, origin, {
      action: 'usage.rollback',
      subject: batchId,
      summary: `Rolled back usage batch ${batchId} (${target.file_name}).`,
    });
    return target;
  });
}

/** Finalized, not voided invoices that saw batches up to `seq` (their usage_watermark). */
function finalizedInvoices(data: StoreData, seq: number) {
  return data.invoices.filter(
    (invoice) =>
      invoice.number !== null && invoice.status !== 'void' && invoice.usage_watermark >= seq,
  );
}

function finalizedSince(data: StoreData, seq: number): string {
  return finalizedInvoices(data, seq)
    .map((invoice) => invoice.id)
    .join(' ');
}

/**
 * Numbers of the finalized invoices that bill some event of the batch: same
 * customer (by external id), and the event's period is the invoice's own or one of
 * its late-usage lines'.
 */
async function invoicesBillingBatch(
  store: Store,
  data: StoreData,
  batch: UsageBatch,
): Promise<string[]> {
  const invoices = finalizedInvoices(data, batch.seq).map((invoice) => ({
    number: invoice.number as string,
    externalIds:
      data.customers.find((customer) => customer.id === invoice.customer)?.external_ids ?? [],
    periods: new Set([
      invoice.period,
      ...invoice.lines.filter((line) => line.kind === 'late_usage').map((line) => line.period),
    ]),
  }));
  if (invoices.length === 0) return [];
  const wanted = new Set(invoices.flatMap((invoice) => [...invoice.periods]));
  const customersByPeriod = new Map<string, Set<string>>();
  for (const segment of batch.segments) {
    if (!wanted.has(segment.period)) continue;
    const customers = customersByPeriod.get(segment.period) ?? new Set<string>();
    customersByPeriod.set(segment.period, customers);
    for await (const lines of segmentLineBatches(store.usageDir, segment)) {
      for (const line of lines)
        customers.add(decodeRatedEvent(line, segment.file, batch.seq).customer);
    }
  }
  return invoices
    .filter((invoice) =>
      [...invoice.periods].some((period) =>
        invoice.externalIds.some((id) => customersByPeriod.get(period)?.has(id) === true),
      ),
    )
    .map((invoice) => invoice.number);
}
