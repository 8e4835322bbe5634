/**
 * Settling the suspects of an import: events whose key hash matched a stored event's
 * or another event's of the same file. Only the real keys decide (a hash match alone
 * never drops an event). Memory grows with the number of suspects, not of events:
 * the stored keys behind the suspect hashes, in one array by the hash's rank, and
 * the keys of staged suspects that are not stored duplicates (to keep the first of
 * a repeated pair).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { UsageBatch, UsageSegment } from '../store/data';
import type { HashSet } from './keyHash';
import type { NumberLog } from './number-log';
import { segmentLineKey, segmentLineKeyHash } from './segment';
import { loadHashIndex, segmentLineBatches } from './storage';

/** The staged events of a batch, by position in the file. */
export interface StagedEvents {
  /** Key hash of each event. */
  hashes: NumberLog;
  /** Index (in `segments`) of the segment each event was written to. */
  slots: NumberLog;
  segments: readonly UsageSegment[];
}

/** Whether two sorted arrays share a value: one walk over both. */
function sharesAny(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) return true;
    if ((a[i] as number) < (b[j] as number)) i++;
    else j++;
  }
  return false;
}

/**
 * The stored keys whose hash is a suspect, at the suspect's rank; a rank whose hash
 * several stored keys share (a true collision, very rare) holds them all.
 */
async function storedKeysOf(
  usageDir: string,
  live: readonly UsageBatch[],
  suspects: HashSet,
): Promise<(string | string[] | undefined)[]> {
  const keys = new Array<string | string[] | undefined>(suspects.size);
  for (const batch of live) {
    if (!sharesAny(await loadHashIndex(usageDir, [batch]), suspects.sorted)) continue;
    for (const segment of batch.segments) {
      for await (const lines of segmentLineBatches(usageDir, segment)) {
        for (const line of lines) {
          const rank = suspects.rankOf(segmentLineKeyHash(line, segment.file));
          if (rank < 0) continue;
          const key = segmentLineKey(line, segment.file);
          const known = keys[rank];
          keys[rank] =
            known === undefined ? key : [...(typeof known === 'string' ? [known] : known), key];
        }
      }
    }
  }
  return keys;
}

/** The file positions of one segment's events, in its line order. */
function positionsOf(staged: StagedEvents, slot: number): Int32Array {
  const positions: number[] = [];
  for (let position = 0; position < staged.slots.length; position++) {
    if (staged.slots.at(position) === slot) positions.push(position);
  }
  return Int32Array.from(positions);
}

/**
 * Marks (1) each staged event that is a true duplicate: its (source, event_id) is
 * stored already, or was staged earlier in the file. Null when none is.
 */
export async function confirmDuplicates(
  usageDir: string,
  live: readonly UsageBatch[],
  staged: StagedEvents,
  suspects: HashSet,
): Promise<Uint8Array | null> {
  const stored = await storedKeysOf(usageDir, live, suspects);
  const dropped = new Uint8Array(staged.hashes.length);
  let any = false;
  const candidates: { position: number; key: string }[] = [];
  for (const [slot, segment] of staged.segments.entries()) {
    const positions = positionsOf(staged, slot);
    let line = 0;
    for await (const lines of segmentLineBatches(usageDir, segment)) {
      for (const text of lines) {
        const position = positions[line++] as number;
        const rank = suspects.rankOf(staged.hashes.at(position));
        if (rank < 0) continue;
        const key = segmentLineKey(text, segment.file);
        const known = stored[rank];
        if (known === key || (Array.isArray(known) && known.includes(key))) {
          dropped[position] = 1;
          any = true;
        } else {
          candidates.push({ position, key });
        }
      }
    }
  }
  // Repeats inside the file: the first in file order is kept.
  candidates.sort((a, b) => a.position - b.position);
  const seen = new Set<string>();
  for (const { position, key } of candidates) {
    if (seen.has(key)) {
      dropped[position] = 1;
      any = true;
    } else {
      seen.add(key);
    }
  }
  return any ? dropped : null;
}

/** A new staged segment file being written. */
export interface SegmentTarget {
  file: string;
  write(text: string): void;
  finish(): { bytes: number; sha256: string };
}

/**
 * Writes anew each segment that loses events, without them, into a file from
 * `fresh`; the old staged file is deleted. Returns the segments as they now are.
 */
export async function rewriteWithout(
  usageDir: string,
  staged: StagedEvents,
  dropped: Uint8Array,
  fresh: (period: string) => SegmentTarget,
): Promise<UsageSegment[]> {
  const segments: UsageSegment[] = [];
  for (const [slot, segment] of staged.segments.entries()) {
    const positions = positionsOf(staged, slot);
    const losses = positions.reduce((count, position) => count + (dropped[position] as number), 0);
    if (losses === 0) {
      segments.push(segment);
      continue;
    }
    const target = fresh(segment.period);
    let line = 0;
    for await (const lines of segmentLineBatches(usageDir, segment)) {
      for (const text of lines) {
        if (dropped[positions[line++] as number] === 0) target.write(`${text}\n`);
      }
    }
    rmSync(join(usageDir, segment.file));
    const events = segment.events - losses;
    segments.push({ period: segment.period, file: target.file, events, ...target.finish() });
  }
  return segments;
}
