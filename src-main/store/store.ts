/**
 * The only writer of the data folder (docs/architecture.md, "Store"). One main
 * document (`store.json`) read and written through lowdb with a durable adapter;
 * every change goes through `update`, which applies a mutation to a copy, checks the
 * store's rules and commits it with one write, or changes nothing.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import {
  BACKUPS_DIR,
  listBackups,
  readBackup,
  rotateBackups,
  saveBackup,
  type BackupInfo,
} from './backups';
import { emptyStoreData, type StoreData } from './data';
import { assertValidStoreData, decodeStoreText } from './document';
import { DurableJSONFile, type WriteContents } from './durable-file';
import { lockDataFolder, type DataFolderLock, type LockOptions } from './lock';
import { MIGRATIONS, type Migration } from './migrations';
import { assertStoreRules } from './rules';
import { pruneUsageFiles } from './usage-files';

export type { BackupInfo } from './backups';

export interface Store {
  /** The data folder. */
  readonly dir: string;
  /** Where usage segments live; `segments[].file` paths are relative to it. */
  readonly usageDir: string;
  /** The last committed document. Treat it as read-only: change data through `update`. */
  read(): StoreData;
  /**
   * Applies `mutate` to a copy of the document and commits it durably. `mutate` must
   * be synchronous. If it throws, or the result breaks a store rule (a finalized
   * invoice or a credit note rewritten or deleted, a number sequence going back:
   * a UserError), nothing changes. Calls are serialized.
   */
  update<T>(mutate: (draft: StoreData) => T): Promise<T>;
  /**
   * Saves a copy of the current document in `backups/`, keeping the newest ten.
   * `reason` is a short lowercase slug, such as "before-import".
   */
  backup(reason: string): Promise<BackupInfo>;
  /** The kept backups, newest first. */
  listBackups(): Promise<BackupInfo[]>;
  /**
   * Replaces the document with the backup `name` (migrated and validated like at
   * open), after backing up the current one so that the restore can be undone.
   * Bypasses the update rules: going back in time is the point. Returns that backup
   * of the state before the restore.
   */
  restore(name: string): Promise<BackupInfo>;
  /**
   * Deletes usage files that neither the document nor any kept backup references,
   * except those modified in the last minute (an import may be writing them).
   * Runs by itself after every backup; returns the deleted paths, relative to `usageDir`.
   */
  pruneUsageFiles(): Promise<string[]>;
  /** Waits for pending calls and releases the folder; the store cannot be used after. */
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** The migrations to run on an older file; tests pass their own. */
  migrations?: readonly Migration[];
  /** The version to migrate to; with `migrations`, lets tests rehearse a future upgrade. */
  schemaVersion?: number;
  /** The clock: decides the daily backup, the backups' names and the usage files' age. */
  now?: () => Date;
  /** Writes a file's contents before it is synced; tests pass one that fails like a full disk. */
  writeContents?: WriteContents;
  /** How to wait for a folder another process holds (default: refuse at once). */
  lock?: LockOptions;
}

export const STORE_FILE = 'store.json';
export const USAGE_DIR = 'usage';

/**
 * Opens the data folder `dir`, creating it and an empty store.json when missing.
 * Takes the folder's lock (waiting as `options.lock` says; a UserError describes a
 * live holder), migrates an older file after backing it up, refuses a newer or
 * damaged one with a UserError, and takes the day's backup on the first open of a UTC day.
 */
export async function openStore(dir: string, options: OpenStoreOptions = {}): Promise<Store> {
  await mkdir(dir, { recursive: true });
  const lock = await lockDataFolder(dir, options.lock);
  try {
    return await openLocked(dir, lock, options);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function openLocked(
  dir: string,
  lock: DataFolderLock,
  {
    migrations = MIGRATIONS,
    schemaVersion,
    now = () => new Date(),
    writeContents,
  }: OpenStoreOptions,
): Promise<Store> {
  const usageDir = join(dir, USAGE_DIR);
  const backupsDir = join(dir, BACKUPS_DIR);
  await mkdir(usageDir, { recursive: true });
  await mkdir(backupsDir, { recursive: true });
  const storePath = join(dir, STORE_FILE);

  const takeBackup = (text: string, reason: string): Promise<BackupInfo> =>
    saveBackup(backupsDir, text, reason, now(), writeContents);

  let migrated = false;
  const file = new DurableJSONFile<StoreData>(storePath, {
    writeContents,
    parse: (text) =>
      decodeStoreText(text, storePath, {
        migrations,
        schemaVersion,
        beforeMigrating: async () => {
          await takeBackup(text, 'migration');
          migrated = true;
        },
      }),
  });
  // Not JSONFilePreset: the presets keep data in memory when NODE_ENV is "test".
  const db = new Low<StoreData>(file, emptyStoreData());
  await db.read();
  const prune = (): Promise<string[]> => pruneUsageFiles(usageDir, db.data, backupsDir, now());
  const rotateAndPrune = async (): Promise<void> => {
    await rotateBackups(backupsDir);
    await prune();
  };
  const today = now().toISOString().slice(0, 10);
  const dailyBackupDue = db.data.last_daily_backup !== today;
  if (dailyBackupDue) {
    await takeBackup(JSON.stringify(db.data), 'daily');
    db.data.last_daily_backup = today;
  }
  // Written at every open: this creates a missing file, commits a migration and the
  // daily backup's date, and tells now, not at the first change, if the disk refuses.
  await db.write();
  if (migrated || dailyBackupDue) await rotateAndPrune();

  const commit = async (next: StoreData): Promise<void> => {
    await file.write(next);
    db.data = next;
  };

  let queue: Promise<unknown> = Promise.resolve();
  let closing: Promise<void> | null = null;
  const serialize = <T>(task: () => Promise<T>): Promise<T> => {
    if (closing) return Promise.reject(new Error(`The store of ${dir} is closed.`));
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    dir,
    usageDir,
    read: () => db.data,
    update<T>(mutate: (draft: StoreData) => T): Promise<T> {
      return serialize(async () => {
        const draft = structuredClone(db.data);
        const result = mutate(draft);
        if (result instanceof Promise) {
          // Changes made after its first await would be lost, so none are written.
          void result.catch(() => undefined);
          throw new Error('Store.update takes a synchronous mutation; do async work before it.');
        }
        assertStoreRules(db.data, draft);
        assertValidStoreData(draft);
        await commit(draft);
        return result;
      });
    },
    backup(reason: string): Promise<BackupInfo> {
      return serialize(async () => {
        const info = await takeBackup(JSON.stringify(db.data), reason);
        await rotateAndPrune();
        return info;
      });
    },
    listBackups: () => serialize(() => listBackups(backupsDir)),
    restore(name: string): Promise<BackupInfo> {
      return serialize(async () => {
        const text = await readBackup(backupsDir, name);
        const restored = await decodeStoreText(text, join(backupsDir, name), {
          migrations,
          schemaVersion,
        });
        const saved = await takeBackup(JSON.stringify(db.data), 'restore');
        await commit(restored);
        // Only now: pruning before the commit could delete the restored document's files.
        await rotateAndPrune();
        return saved;
      });
    },
    pruneUsageFiles: () => serialize(prune),
    close(): Promise<void> {
      closing ??= queue.then(() => lock.release());
      return closing;
    },
  };
}
