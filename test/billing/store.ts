/**
 * A fresh store per test, with books put in the way a bundle load puts them and usage
 * through the real import path, so bill runs read usage as they do in the app.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { BundleInput } from '../../src-main/bundle/schema';
import { parseBundle } from '../../src-main/bundle/parse';
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

/** Loads a bundle's entities and, as one import batch, its usage. */
export async function loadBook(store: Store, bundle: BundleInput, name = 'book'): Promise<void> {
  const { usage, ...book } = parseBundle(bundle, name, store.read());
  await store.update((draft) => {
    if (book.settings) Object.assign(draft.settings, book.settings);
    draft.meters.push(...book.meters);
    draft.plans.push(...book.plans);
    draft.customers.push(...book.customers);
    draft.contracts.push(...book.contracts);
    draft.credits.push(...book.credits);
    draft.uptime.push(...book.uptime);
  });
  if (usage.length > 0) await importUsage(store, usage, name);
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
