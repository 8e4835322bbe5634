/**
 * Staging an import batch: validated events are written to new segment files (one
 * per period) as they stream in; nothing is visible until `commit` adds the batch to
 * the document inside a `store.update`, the single commit point. A crash before that
 * leaves only unreferenced files, which the store's pruning removes.
 *
 * Dedupe (by (source, event_id), against every stored batch and inside the batch,
 * first kept) costs one hash per event while streaming. At the end the batch's
 * hashes are sorted (they are its index anyway) and walked once alongside the
 * stored index: a hash found in both, or twice in the batch, makes a suspect. Only
 * if there are suspects are their real keys read back (from the stored segments and
 * the staged ones) and compared exactly; true duplicates are then filtered out of
 * the staged files (src-main/usage/duplicates.ts).
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../domain/errors';
import type { StoreData, UsageBatch, UsageSegment } from '../store/data';
import type { Store } from '../store/store';
import { confirmDuplicates, rewriteWithout } from './duplicates';
import { eventKeyHash, HashSet } from './keyHash';
import {
  encodeSegmentLine,
  fileTag,
  FileWriter,
  syncDirectory,
  type SegmentEvent,
} from './segment';
import { NumberLog } from './number-log';
import { liveBatches, loadHashIndex } from './storage';

export interface RowError {
  /** As usage-import.md numbers rows: the line a CSV record starts on, the NDJSON line, the array index + 1. */
  row: number;
  reason: string;
}

/** Rejected rows listed in full; beyond this only counted. */
export const MAX_LISTED_ERRORS = 1000;

export interface StagedCounts {
  accepted: number;
  duplicates: number;
  rejected: number;
  /** The first MAX_LISTED_ERRORS rejected rows. */
  errors: RowError[];
}

export interface StagedBatch extends StagedCounts {
  /** The batch `commit` adds; null when nothing may be stored (a strict import with rejected rows). */
  batch: UsageBatch | null;
  /** Adds the batch to the document; call inside `store.update`. Refuses if the stored usage changed meanwhile. */
  commit(draft: StoreData): void;
  /** Deletes the staged files of a batch that will not be committed. */
  discard(): void;
}

export interface StageOptions {
  fileName: string;
  format: string;
  /** Store the valid rows even when some are rejected. */
  keepValid: boolean;
}

/** One period's staged file and the events written to it. */
interface StagedSegment {
  period: string;
  file: string;
  writer: FileWriter;
  events: number;
}

/**
 * The hashes that need their keys compared: those of the batch (sorted) that a stored
 * event has too, or another event of the batch. One walk over both sorted arrays:
 * sequential reads, where a lookup per event would jump around millions of hashes.
 */
function suspectHashes(batch: Float64Array, stored: Float64Array): HashSet {
  const suspects: number[] = [];
  let j = 0;
  for (let i = 0; i < batch.length; i++) {
    const hash = batch[i] as number;
    if (hash === batch[i - 1]) {
      if (suspects[suspects.length - 1] !== hash) suspects.push(hash);
      continue;
    }
    while (j < stored.length && (stored[j] as number) < hash) j++;
    if (stored[j] === hash) suspects.push(hash);
  }
  return new HashSet(Float64Array.from(suspects));
}

function batchIdOf(seq: number): string {
  return `b${String(seq).padStart(6, '0')}`;
}

export class UsageStaging {
  private readonly segments = new Map<string, number>();
  private readonly segmentList: StagedSegment[] = [];
  /** Key hash of every staged event, in file order, and the index of its segment. */
  private readonly hashes = new NumberLog((length) => new Float64Array(length));
  private readonly slots = new NumberLog((length) => new Uint32Array(length));
  private readonly counts: StagedCounts = { accepted: 0, duplicates: 0, rejected: 0, errors: [] };
  /** The segment of the previous event: consecutive events mostly share a period. */
  private lastPeriod = '';
  private lastSlot = 0;

  private constructor(
    private readonly store: Store,
    private readonly options: StageOptions,
    private readonly live: UsageBatch[],
    private readonly stored: Float64Array,
    readonly seq: number,
  ) {}

  static async start(store: Store, options: StageOptions): Promise<UsageStaging> {
    const data = store.read();
    const seq = data.usage_batches.reduce((max, batch) => Math.max(max, batch.seq), 0) + 1;
    const live = liveBatches(data);
    return new UsageStaging(store, options, live, await loadHashIndex(store.usageDir, live), seq);
  }

  get batchId(): string {
    return batchIdOf(this.seq);
  }

  /** Whether the import can no longer store anything (strict, and a row was rejected). */
  get failed(): boolean {
    return !this.options.keepValid && this.counts.rejected > 0;
  }

  add(event: SegmentEvent, period: string): void {
    if (this.failed) return;
    const hash = eventKeyHash(event.source, event.event_id);
    let slot = period === this.lastPeriod ? this.lastSlot : this.segments.get(period);
    if (slot === undefined) {
      slot = this.segmentList.length;
      this.segments.set(period, slot);
      this.segmentList.push(this.newSegment(period));
    }
    this.lastPeriod = period;
    this.lastSlot = slot;
    const segment = this.segmentList[slot] as StagedSegment;
    segment.writer.write(encodeSegmentLine(event));
    segment.events++;
    this.hashes.push(hash);
    this.slots.push(slot);
  }

  private newSegment(period: string): StagedSegment {
    const file = `${period}/${this.batchId}-${fileTag()}.tsv`;
    return { period, file, writer: new FileWriter(join(this.store.usageDir, file)), events: 0 };
  }

  reject(row: number, reason: string): void {
    this.counts.rejected++;
    if (this.counts.errors.length < MAX_LISTED_ERRORS) this.counts.errors.push({ row, reason });
    // A strict import with a rejected row stores nothing: stop writing, keep reporting.
    if (this.failed) this.discard();
  }

  /** Deletes every staged file; nothing of this import will be stored. */
  discard(): void {
    for (const segment of this.segmentList) {
      segment.writer.abandon();
      rmSync(segment.writer.path, { force: true });
    }
    this.segments.clear();
    this.segmentList.length = 0;
    this.lastPeriod = '';
  }

  /** Closes the staged files, settles the duplicates and writes the batch's index. */
  async finish(sha256: string): Promise<StagedBatch> {
    if (this.failed) return this.staged({ ...this.counts, accepted: 0, duplicates: 0 }, null);
    let segments = this.segmentList.map((segment): UsageSegment => ({
      period: segment.period,
      file: segment.file,
      events: segment.events,
      ...segment.writer.finish(),
    }));
    let index = this.hashes.toFloat64Array().sort();
    const suspects = suspectHashes(index, this.stored);
    if (suspects.size > 0) {
      const staged = { hashes: this.hashes, slots: this.slots, segments };
      const dropped = await confirmDuplicates(this.store.usageDir, this.live, staged, suspects);
      if (dropped !== null) {
        segments = await rewriteWithout(this.store.usageDir, staged, dropped, (period) => {
          const { file, writer } = this.newSegment(period);
          return { file, write: (text) => writer.write(text), finish: () => writer.finish() };
        });
        index = this.hashes.toFloat64Array((i) => dropped[i] === 0).sort();
      }
    }

    const indexFile = index.length > 0 ? `index/${this.batchId}-${fileTag()}.idx` : null;
    if (indexFile !== null) {
      const writer = new FileWriter(join(this.store.usageDir, indexFile));
      writer.writeBytes(new Uint8Array(index.buffer, index.byteOffset, index.byteLength));
      writer.finish();
    }
    // A period whose every event was a duplicate leaves an empty file behind.
    for (const segment of segments) {
      if (segment.events === 0) rmSync(join(this.store.usageDir, segment.file));
    }
    segments = segments
      .filter((segment) => segment.events > 0)
      .sort((a, b) => a.period.localeCompare(b.period));
    const folders = new Set(segments.map((segment) => segment.period));
    if (indexFile !== null) folders.add('index');
    for (const folder of [...folders, '.']) syncDirectory(join(this.store.usageDir, folder));

    const accepted = index.length;
    const duplicates = this.hashes.length - accepted;
    const batch: UsageBatch = {
      id: this.batchId,
      seq: this.seq,
      file_name: this.options.fileName,
      sha256,
      format: this.options.format,
      imported_at: new Date().toISOString(),
      accepted,
      duplicates,
      rejected: this.counts.rejected,
      segments,
      index: indexFile,
      rolled_back_at: null,
    };
    return this.staged({ ...this.counts, accepted, duplicates }, batch);
  }

  private staged(counts: StagedCounts, batch: UsageBatch | null): StagedBatch {
    const { usageDir } = this.store;
    const liveIds = this.live.map((b) => b.id).join(' ');
    const files =
      batch === null
        ? []
        : [...batch.segments.map((s) => s.file), ...(batch.index === null ? [] : [batch.index])];
    return {
      ...counts,
      batch,
      commit(draft) {
        if (batch === null) return;
        const changed =
          draft.usage_batches.some((b) => b.seq >= batch.seq) ||
          liveBatches(draft)
            .map((b) => b.id)
            .join(' ') !== liveIds;
        if (changed) {
          throw new UserError(
            'The stored usage changed while the file was being imported (another import or a rollback); nothing was stored. Import the file again.',
          );
        }
        // The store prunes unlisted files a minute after their last write; a long import
        // could lose an early segment to it before this commit lists it.
        const missing = files.find((file) => !existsSync(join(usageDir, file)));
        if (missing !== undefined) {
          throw new Error(
            `Usage file ${missing} vanished before the import was committed; nothing was stored.`,
          );
        }
        draft.usage_batches.push(batch);
      },
      discard() {
        for (const file of files) rmSync(join(usageDir, file), { force: true });
      },
    };
  }
}
