/**
 * Settling the suspects of an import: events whose key hash matched a stored event's
 * or another event's of the same file. Only the real keys decide (a hash match alone
 * never drops an event). Memory grows with the number of suspects, not of events:
 * for each suspect hash the stored key behind it, and the keys of suspects that are
 * not stored duplicates (to keep the first of a repeated pair).
 */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import type { UsageBatch, UsageSegment } from '../store/data';
import { eventKey, eventKeyHash, HashSet } from './keyHash';
import { segmentLineKey } from './segment';
import { loadHashIndex, segmentLines } from './storage';

/** The staged events of a batch, by position in the file. */
export interface StagedEvents {
  /** Key hash of each event. */
  hashes: readonly number[];
  /** Index (in `segments`) of the segment each event was written to. */
  slots: readonly number[];
  segments: readonly UsageSegment[];
}

function intersects(sorted: Float64Array, set: HashSet): boolean {
  return sorted.some((hash) => set.has(hash));
}

/** The stored keys whose hash is a suspect, by hash (a hash may, rarely, stand for several). */
async function storedKeysOf(usageDir: string, live: readonly UsageBatch[], suspects: HashSet) {
  const keys = new Map<number, string | string[]>();
  for (const batch of live) {
    if (!intersects(await loadHashIndex(usageDir, [batch]), suspects)) continue;
    for (const segment of batch.segments) {
      for await (const line of segmentLines(usageDir, segment)) {
        const { source, eventId } = segmentLineKey(line, segment.file);
        const hash = eventKeyHash(source, eventId);
        if (!suspects.has(hash)) continue;
        const key = eventKey(source, eventId);
        const known = keys.get(hash);
        if (known === undefined) keys.set(hash, key);
        else if (typeof known === 'string') keys.set(hash, [known, key]);
        else known.push(key);
      }
    }
  }
  return keys;
}

function holds(known: string | string[] | undefined, key: string): boolean {
  return known === key || (Array.isArray(known) && known.includes(key));
}

/** The file positions of one segment's events, in its line order. */
function positionsOf(staged: StagedEvents, slot: number): Int32Array {
  const positions: number[] = [];
  staged.slots.forEach((at, position) => {
    if (at === slot) positions.push(position);
  });
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
    for await (const text of segmentLines(usageDir, segment)) {
      const position = positions[line++] as number;
      const hash = staged.hashes[position] as number;
      if (!suspects.has(hash)) continue;
      const { source, eventId } = segmentLineKey(text, segment.file);
      const key = eventKey(source, eventId);
      if (holds(stored.get(hash), key)) {
        dropped[position] = 1;
        any = true;
      } else {
        candidates.push({ position, key });
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

/**
 * Writes anew, through `write`, each segment that loses events, without them; the
 * old staged file is deleted. Returns the segments as they now are.
 */
export async function rewriteWithout(
  usageDir: string,
  staged: StagedEvents,
  dropped: Uint8Array,
  fresh: (period: string) => {
    file: string;
    write(text: string): void;
    finish(): { bytes: number; sha256: string };
  },
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
    for await (const text of segmentLines(usageDir, segment)) {
      if (dropped[positions[line++] as number] === 0) target.write(`${text}\n`);
    }
    rmSync(join(usageDir, segment.file));
    segments.push({
      period: segment.period,
      file: target.file,
      events: segment.events - losses,
      ...target.finish(),
    });
  }
  return segments;
}
