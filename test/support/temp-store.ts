/** A fresh store per test, in a temp folder removed after it. */
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { StoreData } from '../../src-main/store/data';
import { openStore, type Store } from '../../src-main/store/store';

export interface TempStore {
  store: () => Store;
  /** The test's temp folder (the store's data folder is `data/` inside it). */
  dir: () => string;
  /** Writes a file into the test's folder and returns its path. */
  file: (name: string, content: string | Buffer) => string;
}

/**
 * Registers hooks giving each test of the calling suite its own open store, first
 * filled by `seed` when given.
 */
export function useTempStore(seed?: (data: StoreData) => void): TempStore {
  let dir = '';
  let store: Store | null = null;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nexus-billing-test-'));
    store = await openStore(join(dir, 'data'));
    if (seed) await store.update(seed);
  });
  afterEach(async () => {
    await store?.close();
    store = null;
    await rm(dir, { recursive: true, force: true });
  });
  return {
    store: () => {
      if (!store) throw new Error('the store is open only inside a test');
      return store;
    },
    dir: () => dir,
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}
