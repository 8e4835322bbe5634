/**
 * A fresh store per test, books loaded by the bundle loader and usage through the real
 * import path, so bill runs read usage as they do in the app.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { importUsageEvents } from '../../src-main/services/importUsage';
import { billPeriod, type BillRunOptions } from '../../src-main/services/billRun';
import { createPeriodUsageReader } from '../../src-main/usage/reader';
import { openStore, type Store } from '../../src-main/store/store';

/** Registers hooks giving each test of the suite its own store; returns a getter for it. */
export function useStore(): () => Store {
  let dir = '';
  let store: Store | null = null;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nexus-billing-'));
    store = await openStore(dir);
  });
  afterEach(async () => {
    await store?.close();
    store = null;
    await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (!store) throw new Error('the store is open only inside a test');
    return store;
  };
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
