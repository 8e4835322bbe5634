/**
 * Reading stored usage: the period reader the rating engine consumes (events of a
 * period in import order: batch by ascending `seq`, then the order of the file) and
 * every stored event for the bundle dump. Only batches the document lists are read,
 * so segment files a crashed import left behind are never seen.
 */
import type { UsageEvent } from '../domain/model';
import type { PeriodReadOptions, PeriodUsageReader, RatedUsageEvent } from '../domain/usage';
import type { UsageBatch } from '../store/data';
import type { Store } from '../store/store';
import { decodeBundleEvent, decodeRatedEvent, decodeRatedEvents } from './segment';
import { decodeSegment, liveBatches, segmentLineBatches } from './storage';

export function createPeriodUsageReader(store: Store): PeriodUsageReader {
  return (period, options = {}) => periodEvents(store, period, options);
}

async function* periodEvents(
  store: Store,
  period: string,
  options: PeriodReadOptions,
): AsyncGenerator<RatedUsageEvent[]> {
  for (const batch of liveBatches(store.read())) {
    for (const segment of batch.segments) {
      if (segment.period !== period) continue;
      yield* decodeSegment(store.usageDir, segment, (lines) =>
        decodeRatedEvents(lines, segment.file, batch.seq, options),
      );
    }
  }
}

/** Every stored event as a bundle `usage` entry, batch by batch, period by period. */
export async function* readAllUsage(store: Store): AsyncGenerator<UsageEvent> {
  for (const batch of liveBatches(store.read())) {
    for (const segment of batch.segments) {
      for await (const lines of segmentLineBatches(store.usageDir, segment)) {
        for (const line of lines) yield decodeBundleEvent(line, segment.file);
      }
    }
  }
}

/** The customers (external ids) the batch has events for, in each of `periods`. */
export async function customersByPeriod(
  store: Store,
  batch: UsageBatch,
  periods: ReadonlySet<string>,
): Promise<Map<string, Set<string>>> {
  const customers = new Map<string, Set<string>>();
  for (const segment of batch.segments) {
    if (!periods.has(segment.period)) continue;
    const seen = customers.get(segment.period) ?? new Set<string>();
    customers.set(segment.period, seen);
    for await (const lines of segmentLineBatches(store.usageDir, segment)) {
      for (const line of lines) seen.add(decodeRatedEvent(line, segment.file, batch.seq).customer);
    }
  }
  return customers;
}
