/**
 * Staging usage events that are not a file: a bundle's `usage` entries go through the
 * same rules and dedupe as a file import (the NDJSON rules, rows numbered by index + 1),
 * and a staged batch is committed in one store update. Here, in `usage/`, so that the
 * bundle loader and the import service share it without one reaching into the other.
 */
import { createHash } from 'node:crypto';
import { UserError } from '../domain/errors';
import type { UsageBatch } from '../store/data';
import type { DraftBook, Store } from '../store/store';
import { jsonRowHandler, NDJSON } from './formats/json';
import type { RowSink } from './formats/types';
import type { SegmentEvent } from './segment';
import { UsageStaging, type StagedBatch } from './staging';
import { usageContext, validateUsage, type FormatRules, type UsageContext } from './validate';

/** Validates each row and stages it, or counts it rejected. */
export function stagingSink(
  staging: UsageStaging,
  rules: FormatRules,
  context: UsageContext,
): RowSink {
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

/**
 * Commits a staged batch in its own store update, with what `alongside` records of it
 * (the activity log). When the commit check refuses it,
 * its files are deleted at once; after any other failure the document may be on disk
 * after all, so the store's pruning decides.
 */
export async function commitStaged(
  store: Store,
  staged: StagedBatch,
  alongside?: (book: DraftBook) => void,
): Promise<void> {
  if (staged.batch === null) return;
  try {
    await store.update((draft, book) => {
      staged.commit(draft);
      alongside?.(book);
    });
  } catch (error) {
    if (error instanceof UserError) staged.discard();
    throw error;
  }
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
  options: StageUsageEventsOptions,
): Promise<{ batch: string; accepted: number; duplicates: number }> {
  const staged = await stageUsageEvents(store, events, options);
  await commitStaged(store, staged);
  return {
    batch: (staged.batch as UsageBatch).id,
    accepted: staged.accepted,
    duplicates: staged.duplicates,
  };
}
