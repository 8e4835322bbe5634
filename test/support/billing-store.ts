/**
 * A fresh store per test, books loaded by the bundle loader and usage through the real
 * import path, so bill runs read usage as they do in the app.
 */
import { importUsageEvents } from '../../src-main/usage/stage-events';
import { billPeriod, type BillRunOptions } from '../../src-main/services/billRun';
import { createPeriodUsageReader } from '../../src-main/usage/reader';
import type { Store } from '../../src-main/store/store';
import { useTempStore } from './temp-store';

/** Each test of the suite gets its own store; returns a getter for it. */
export function useStore(): () => Store {
  return useTempStore().store;
}

/** Imports events shaped as a bundle's `usage` entries as one new batch. */
export async function importUsage(
  store: Store,
  events: readonly unknown[],
  name = 'usage',
): Promise<void> {
  await importUsageEvents(store, events, { fileName: name });
}

export function bill(store: Store, options: BillRunOptions) {
  return billPeriod(store, createPeriodUsageReader(store), options);
}
