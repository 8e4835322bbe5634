/**
 * The only writer of the data folder (docs/architecture.md, "Store"). The book is
 * partitioned: a small main document (`store.json`) and one document per period for
 * what piles up (collections.ts). Every change goes through `update`, which applies a
 * mutation to a copy-on-write draft, checks the rules and validates what changed, and
 * commits: new versions of the changed period documents first, then the main
 * document that names them (the commit point). Read through lowdb's `Low`, written
 * durably.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { UserError } from '../domain/errors';
import type { Invoice } from '../domain/invoice';
import {
  BookDraft,
  CommittedBook,
  isEmptyPeriod,
  splitBook,
  type BookChange,
  type DraftBook,
} from './book';
import { BookFiles, commitOfFile, PERIODS_DIR } from './book-files';
import type { ReadonlyPeriodData } from './collections';
import { finalize } from './cow';
import {
  BACKUPS_DIR,
  listBackups,
  readBackup,
  rotateBackups,
  saveBackup,
  type BackupInfo,
} from './backups';
import {
  emptyBookFiles,
  emptyStoreData,
  type MainDocument,
  type PeriodSummary,
  type ReadonlyStoreData,
  type StoreData,
} from './data';
import { decodeStoreText, type DecodedStore } from './document';
import { DurableJSONFile, isErrorCode, type WriteContents } from './durable-file';
import { lockDataFolder, type DataFolderLock, type LockOptions } from './lock';
import { MIGRATIONS, type Migration } from './migrations';
import { pruneUsageFiles, removeKilledImports, usageFilesOf, type UsageFiles } from './usage-files';

export type { BackupInfo } from './backups';
export type { UsageFiles } from './usage-files';
export type { DraftBook } from './book';
export type { ReadonlyPeriodData } from './collections';
export type { ReadonlyStoreData } from './data';

export interface Store {
  /** The data folder. */
  readonly dir: string;
  /** Where usage segments live; `segments[].file` paths are relative to it. */
  readonly usageDir: string;
  /** The usage folder's files: imports create and give up their staged files only here. */
  readonly usageFiles: UsageFiles;
  /** Whether the store was opened read-only: nothing is ever written, `update` refuses. */
  readonly readOnly: boolean;
  /**
   * The last committed book, whole. The per-period collections (`invoices`,
   * `credit_notes`, `payments`, …) are read from their documents when first used:
   * prefer `period()` and `findInvoice()`, which read one period.
   */
  read(): ReadonlyStoreData;
  /** The periods that hold invoices, credit notes or payments, in order. */
  periods(): string[];
  /** One period's invoices, credit notes and payments (reads that period's document alone). */
  period(period: string): ReadonlyPeriodData;
  /** The invoice with this id or number, found through the book's index. */
  findInvoice(reference: string): Readonly<Invoice> | undefined;
  /** What the main document keeps of each period: credits applied, lowest usage watermark. */
  summaries(): Readonly<Record<string, PeriodSummary>>;
  /**
   * Applies `mutate` to a draft of the book and commits what it changed. `mutate` must
   * be synchronous; it gets the whole book (`draft`, as `StoreData`) and `book`, which
   * reaches one period or one invoice without reading the others (prefer it). If it
   * throws, or the result breaks a store rule (a finalized invoice or a credit note
   * rewritten or deleted, a number sequence going back: a UserError), nothing changes.
   * An update that changes nothing writes nothing. Calls are serialized.
   */
  update<T>(mutate: (draft: StoreData, book: DraftBook) => T): Promise<T>;
  /**
   * Saves a backup of the whole book in `backups/`, keeping the newest ten.
   * `reason` is a short lowercase slug, such as "before-import".
   */
  backup(reason: string): Promise<BackupInfo>;
  /** The kept backups, newest first. */
  listBackups(): Promise<BackupInfo[]>;
  /**
   * Replaces the book with the backup `name` (migrated and validated like at open),
   * after backing up the current one so that the restore can be undone. Bypasses the
   * update rules: going back in time is the point. Returns that backup of the state
   * before the restore.
   */
  restore(name: string): Promise<BackupInfo>;
  /**
   * Deletes usage files and period documents that neither the book nor any kept
   * backup references (usage files modified in the last minute excepted: an import
   * may be writing them). Runs by itself after every backup; returns the deleted
   * usage files, relative to `usageDir`.
   */
  pruneUsageFiles(): Promise<string[]>;
  /** Waits for pending calls and releases the folder; the store cannot be used after. */
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /**
   * Never write: no lock, no daily backup, no migration written, no cleaning; `update`,
   * `backup` and `restore` refuse. For commands that only read (they then work on a
   * full disk or a read-only copy of the folder).
   */
  readOnly?: boolean;
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
 * Opens the data folder `dir`, creating it and an empty book when missing. Takes the
 * folder's lock (waiting as `options.lock` says; a UserError describes a live
 * holder), migrates an older file
 * after backing it up, refuses a newer or damaged one with a UserError, cleans what a
 * killed commit left, and takes the day's backup on the first open of a UTC day.
 */
export async function openStore(dir: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (options.readOnly) return openFolder(dir, null, options);
  await mkdir(dir, { recursive: true });
  const lock = await lockDataFolder(dir, options.lock);
  try {
    return await openFolder(dir, lock, options);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

function emptyMain(): MainDocument {
  return { ...splitBook(emptyStoreData()).main, book_files: emptyBookFiles() };
}

async function openFolder(
  dir: string,
  lock: DataFolderLock | null,
  {
    readOnly = false,
    migrations = MIGRATIONS,
    schemaVersion,
    now = () => new Date(),
    writeContents,
  }: OpenStoreOptions,
): Promise<Store> {
  const usageDir = join(dir, USAGE_DIR);
  const backupsDir = join(dir, BACKUPS_DIR);
  const storePath = join(dir, STORE_FILE);
  if (!readOnly) {
    await mkdir(usageDir, { recursive: true });
    await mkdir(backupsDir, { recursive: true });
    await mkdir(join(dir, PERIODS_DIR), { recursive: true });
  }
  const files = new BookFiles(dir, (file, problem) => damagedFile(file, problem, backupsDir, dir));
  const takeBackup = (text: string, reason: string): Promise<BackupInfo> =>
    saveBackup(backupsDir, text, reason, now(), writeContents);

  let originalText: string | null = null;
  // lowdb reads the store file (a main document, or a whole book to migrate) and writes
  // the main document, through `writeMain`, once the period documents it names are durable.
  const db = new Low<DecodedStore | MainDocument | null>(
    new DurableJSONFile<DecodedStore | MainDocument | null>(storePath, {
      writeContents,
      parse: (text) => {
        originalText = text;
        return decodeStoreText(text, storePath, {
          migrations,
          schemaVersion,
          beforeMigrating: readOnly
            ? undefined
            : async () => {
                await takeBackup(text, 'migration');
              },
        });
      },
    }),
    null,
  );
  await db.read();
  const decoded = db.data as DecodedStore | null;
  const writeMain = async (main: MainDocument): Promise<void> => {
    db.data = main;
    await db.write();
  };

  let book: CommittedBook;
  let mustWrite = false;
  if (decoded !== null && 'main' in decoded) {
    book = new CommittedBook(decoded.main, files);
  } else {
    const change = splitBook(decoded?.whole ?? emptyStoreData());
    const empty = new CommittedBook(emptyMain(), files);
    book = readOnly
      ? new CommittedBook(mainOf(change, emptyMain()), files, {
          periods: change.periods,
          index: change.index ?? new Map<string, string>(),
        })
      : await commitChange(empty, change);
    mustWrite = originalText === null;
  }

  const today = now().toISOString().slice(0, 10);
  const dailyBackupDue = !readOnly && book.main.last_daily_backup !== today;
  const migrated = decoded !== null && 'whole' in decoded;

  async function commitChange(base: CommittedBook, change: BookChange): Promise<CommittedBook> {
    const { book_files: previous } = base.main;
    const commit = previous.commit + 1;
    const periods = { ...previous.periods };
    const summaries = { ...previous.summaries };
    const written: string[] = [];
    try {
      for (const [period, data] of change.periods) {
        delete periods[period];
        delete summaries[period];
        if (isEmptyPeriod(data)) continue;
        const name = files.writePeriod(period, commit, data);
        written.push(name);
        periods[period] = name;
        summaries[period] = change.summaries.get(period) ?? previous.summaries[period]!;
      }
      let index = previous.index;
      if (change.index !== null) {
        index = change.index.size === 0 ? null : files.writeIndex(commit, change.index);
        if (index !== null) written.push(index);
      }
      if (written.length > 0) files.syncFolder();
      const main: MainDocument = {
        ...change.main,
        book_files: { ...previous, commit, periods, index, summaries },
      };
      await writeMain(main);
      return base.next(main, change);
    } catch (error) {
      files.remove(written);
      throw error;
    }
  }

  /** Marks the current files as backed up (durably, before the backup names them). */
  async function backupBook(reason: string): Promise<BackupInfo> {
    const main: MainDocument = {
      ...book.main,
      book_files: { ...book.main.book_files, backed_up_at: book.main.book_files.commit },
    };
    await writeMain(main);
    book = book.next(main, { main, periods: new Map(), index: null, summaries: new Map() });
    return takeBackup(JSON.stringify(main), reason);
  }

  const prune = async (): Promise<string[]> => {
    const deleted = await pruneUsageFiles(usageDir, book.main, backupsDir, now());
    await pruneBookFiles(files, book.main, backupsDir);
    return deleted;
  };
  const rotateAndPrune = async (): Promise<void> => {
    await rotateBackups(backupsDir);
    await prune();
  };

  /**
   * Deletes what a commit cut short by a crash wrote (files of commits that never
   * landed), and replaced versions that no backup can name (written after the newest
   * backup was taken). Not after each commit: a book read before it may still read them.
   */
  const removeUnnamedFiles = (): void => {
    const { commit, backed_up_at } = book.main.book_files;
    const named = new Set(namesOf(book.main));
    files.remove(
      files.list().filter((name) => {
        const written = commitOfFile(name);
        if (written === null) return name.endsWith('.tmp');
        return written > commit || (written > backed_up_at && !named.has(name));
      }),
    );
  };

  if (!readOnly) {
    removeUnnamedFiles();
    await removeKilledImports(usageDir, book.main);
    if (dailyBackupDue) {
      book = await commitMainChange(book, { last_daily_backup: today });
      await backupBook('daily');
    } else if (mustWrite) {
      await writeMain(book.main);
    }
    if (migrated || dailyBackupDue) await rotateAndPrune();
  }

  async function commitMainChange(
    base: CommittedBook,
    fields: Partial<MainDocument>,
  ): Promise<CommittedBook> {
    const main = { ...base.main, ...fields };
    await writeMain(main);
    return base.next(main, { main, periods: new Map(), index: null, summaries: new Map() });
  }

  let queue: Promise<unknown> = Promise.resolve();
  let closing: Promise<void> | null = null;
  const serialize = <T>(task: () => Promise<T>): Promise<T> => {
    if (closing) return Promise.reject(new Error(`The store of ${dir} is closed.`));
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
  const refuseReadOnly = (what: string): void => {
    if (readOnly) throw new Error(`The store of ${dir} is open read-only; it cannot ${what}.`);
  };

  return {
    dir,
    usageDir,
    usageFiles: usageFilesOf(usageDir, readOnly),
    readOnly,
    read: () => book.view(),
    periods: () => book.periods(),
    period: (period) => book.period(period),
    findInvoice(reference) {
      const period = book.invoicePeriod(reference);
      return period === undefined
        ? undefined
        : book.period(period).invoices.find((i) => i.id === reference || i.number === reference);
    },
    summaries: () => book.main.book_files.summaries,
    update<T>(mutate: (draft: StoreData, access: DraftBook) => T): Promise<T> {
      return serialize(async () => {
        refuseReadOnly('change the book');
        const draft = new BookDraft(book);
        const result = mutate(draft.data, draft.book);
        if (result instanceof Promise) {
          // Changes made after its first await would be lost, so none are written.
          void result.catch(() => undefined);
          throw new Error('Store.update takes a synchronous mutation; do async work before it.');
        }
        const change = draft.finish();
        // What `update` returns holds no draft: it may be kept and read after the commit.
        const final = finalize(result);
        if (change !== null) book = await commitChange(book, change);
        return final;
      });
    },
    backup(reason: string): Promise<BackupInfo> {
      return serialize(async () => {
        refuseReadOnly('take a backup');
        const info = await backupBook(reason);
        await rotateAndPrune();
        return info;
      });
    },
    listBackups: () =>
      serialize(async () => {
        try {
          return await listBackups(backupsDir);
        } catch (error) {
          if (readOnly && isErrorCode(error, 'ENOENT')) return [];
          throw error;
        }
      }),
    restore(name: string): Promise<BackupInfo> {
      return serialize(async () => {
        refuseReadOnly('restore a backup');
        const text = await readBackup(backupsDir, name);
        const restored = await decodeStoreText(text, join(backupsDir, name), {
          migrations,
          schemaVersion,
        });
        if ('main' in restored) assertFilesPresent(files, restored.main, name);
        const saved = await backupBook('restore');
        if ('whole' in restored) {
          book = await commitChange(book, splitBook(restored.whole, book.periods()));
        } else {
          // The commit counter never goes back: names of later commits stay unique.
          const commit = Math.max(book.main.book_files.commit, restored.main.book_files.commit);
          const main: MainDocument = {
            ...restored.main,
            book_files: { ...restored.main.book_files, commit, backed_up_at: commit },
          };
          await writeMain(main);
          book = new CommittedBook(main, files);
        }
        // Only now: pruning before the commit could delete the restored book's files.
        await rotateAndPrune();
        return saved;
      });
    },
    pruneUsageFiles: () => serialize(prune),
    close(): Promise<void> {
      closing ??= queue.then(async () => {
        if (lock === null) return;
        removeUnnamedFiles();
        await lock.release();
      });
      return closing;
    },
  };
}

function mainOf(change: BookChange, base: MainDocument): MainDocument {
  return { ...change.main, book_files: base.book_files };
}

function assertFilesPresent(files: BookFiles, main: MainDocument, backup: string): void {
  const present = new Set(files.list());
  const named = [
    ...Object.values(main.book_files.periods),
    ...(main.book_files.index === null ? [] : [main.book_files.index]),
  ];
  const missing = named.find((name) => !present.has(name));
  if (missing !== undefined) {
    throw new UserError(
      `The backup ${backup} names ${files.path(missing)}, which is missing; restore an older backup.`,
    );
  }
}

/**
 * Deletes period documents and indexes that neither the book nor a kept backup
 * names. When a backup cannot be read for its names, deletes nothing.
 */
async function pruneBookFiles(
  files: BookFiles,
  live: MainDocument,
  backupsDir: string,
): Promise<void> {
  const named = new Set(namesOf(live));
  for (const backup of await listBackups(backupsDir)) {
    const names = namesOfText(await readBackup(backupsDir, backup.name));
    if (names === null) return;
    for (const name of names) named.add(name);
  }
  files.remove(
    files
      .list()
      .filter(
        (name) => !named.has(name) && (commitOfFile(name) ?? Infinity) <= live.book_files.commit,
      ),
  );
}

function namesOf(main: Pick<MainDocument, 'book_files'>): string[] {
  const { periods, index } = main.book_files;
  return [...Object.values(periods), ...(index === null ? [] : [index])];
}

/** The book files a backup names: none for a whole-book backup; null when unreadable. */
function namesOfText(text: string): string[] | null {
  try {
    const document = JSON.parse(text) as Partial<MainDocument> & { schemaVersion?: number };
    if (document.book_files === undefined) return 'invoices' in document ? [] : null;
    return namesOf(document as MainDocument);
  } catch {
    return null;
  }
}

/**
 * The sentence for a damaged or missing store file: what is wrong with which file,
 * and the newest backup that does not name it.
 */
function damagedFile(path: string, problem: string, backupsDir: string, dir: string): UserError {
  const name = path.slice(path.lastIndexOf('/') + 1);
  let backup: string | undefined;
  try {
    backup = readdirSync(backupsDir)
      .filter((entry) => entry.endsWith('.json') && !entry.startsWith('.'))
      .sort()
      .reverse()
      .find((entry) => !readFileSync(join(backupsDir, entry), 'utf8').includes(`"${name}"`));
  } catch {
    backup = undefined;
  }
  const wayOut =
    backup === undefined
      ? `no backup in ${backupsDir} predates it; restore the folder from a copy of it`
      : `restore the newest backup that predates it: nexus-billing restore ${backup} --data ${dir}`;
  return new UserError(`The store file ${path} is damaged (${problem}); ${wayOut}.`);
}
