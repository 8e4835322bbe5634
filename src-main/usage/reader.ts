/**
 * Reading stored usage: the period reader the rating engine consumes (events of a
 * period in import order: batch by ascending `seq`, then the order of the file) and
 * every stored event for the bundle dump. Only batches the document lists are read,
 * so segment files a crashed import left behind are never seen.
 */
import type { UsageEvent } from '../domain/model';
import type { PeriodUsageReader, RatedUsageEvent } from '../domain/usage';
import type { Store } from '../store/store';
import { decodeBundleEvent, decodeRatedEvent } from './segment';
import { liveBatches, segmentLineBatches } from './storage';

export function createPeriodUsageReader(store: Store): PeriodUsageReader {
  return (period) => periodEvents(store, period);
}

async function* periodEvents(store: Store, period: string): AsyncGenerator<RatedUsageEvent> {
  for (const batch of liveBatches(store.read())) {
    for (const segment of batch.segments) {
      if (segment.period !== period) continue;
      for await (const lines of segmentLineBatches(store.usageDir, segment)) {
        for (const line of lines) yield decodeRatedEvent(line, segment.file, batch.seq);
      }
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
