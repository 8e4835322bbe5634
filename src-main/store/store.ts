/**
 * The only writer of the data folder. One main document (`store.json`) read and
 * written through lowdb; every change goes through `update`, which applies a
 * mutation to a copy and commits it with one write, or changes nothing.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { emptyStoreData, storeDataSchema, type StoreData } from './data';

export interface Store {
  /** The data folder. */
  readonly dir: string;
  /** Where usage segments live (docs/architecture.md). */
  readonly usageDir: string;
  /** The last committed document. Treat it as read-only: change data through `update`. */
  read(): StoreData;
  /**
   * Applies `mutate` to a copy of the document and commits it durably. If `mutate`
   * throws, or the result breaks a store rule, nothing changes. Calls are serialized.
   */
  update<T>(mutate: (draft: StoreData) => T): Promise<T>;
  close(): Promise<void>;
}

export const STORE_FILE = 'store.json';

export async function openStore(dir: string): Promise<Store> {
  await mkdir(dir, { recursive: true });
  const usageDir = join(dir, 'usage');
  await mkdir(usageDir, { recursive: true });
  // Not JSONFilePreset: the presets keep data in memory when NODE_ENV is "test".
  const db = new Low<StoreData>(new JSONFile<StoreData>(join(dir, STORE_FILE)), emptyStoreData());
  await db.read();
  db.data = storeDataSchema.parse(db.data);
  let queue: Promise<unknown> = Promise.resolve();

  return {
    dir,
    usageDir,
    read: () => db.data,
    update<T>(mutate: (draft: StoreData) => T): Promise<T> {
      const run = queue.then(async () => {
        const draft = structuredClone(db.data);
        const result = mutate(draft);
        const previous = db.data;
        db.data = draft;
        try {
          await db.write();
        } catch (error) {
          db.data = previous;
          throw error;
        }
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      await queue;
    },
  };
}
