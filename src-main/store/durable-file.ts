/**
 * Durable, atomic file replacement. A crash or power cut at any instant leaves either
 * the old file or the new one, whole: the text goes to a temp file in the same folder,
 * which is fsynced, renamed over the target, and then the folder is fsynced so that the
 * rename itself survives. steno (lowdb's own writer) renames without any fsync, so a
 * power cut can leave an empty or truncated store.json behind.
 */
import { open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** Writes the text into the open temp file: a seam for tests that simulate a failing disk. */
export type WriteContents = (file: FileHandle, text: string) => Promise<void>;

const writeWholeText: WriteContents = (file, text) => file.writeFile(text, 'utf8');

/** Replaces `path` with `text` durably and atomically (see the module comment). */
export async function writeFileDurably(
  path: string,
  text: string,
  writeContents: WriteContents = writeWholeText,
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.tmp`);
  try {
    const file = await open(temp, 'w');
    try {
      await writeContents(file, text);
      await file.sync();
    } finally {
      await file.close();
    }
    await renameRetrying(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

/** The file's text, or null when it does not exist. */
export async function readTextIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return null;
    throw error;
  }
}

export function isErrorCode(error: unknown, ...codes: string[]): boolean {
  return error instanceof Error && codes.includes((error as NodeJS.ErrnoException).code ?? '');
}

const RENAME_ATTEMPTS = 10;
const RENAME_RETRY_DELAY_MS = 100;

/** Windows refuses the rename while a virus scanner or indexer holds the target open. */
async function renameRetrying(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      if (attempt === RENAME_ATTEMPTS || !isErrorCode(error, 'EPERM', 'EBUSY', 'EACCES')) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, RENAME_RETRY_DELAY_MS));
    }
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename on its own.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface DurableJSONFileOptions<T> {
  /** Turns the file's text into the document; throws when the text is not one. */
  parse: (text: string) => T | Promise<T>;
  writeContents?: WriteContents;
}

/**
 * A lowdb adapter that writes with `writeFileDurably`. The JSON is compact: the store
 * is a machine file, and indentation would almost double the bytes every write syncs.
 */
export class DurableJSONFile<T> implements Adapter<T> {
  readonly #path: string;
  readonly #options: DurableJSONFileOptions<T>;

  constructor(path: string, options: DurableJSONFileOptions<T>) {
    this.#path = path;
    this.#options = options;
  }

  async read(): Promise<T | null> {
    const text = await readTextIfExists(this.#path);
    return text === null ? null : this.#options.parse(text);
  }

  write(data: T): Promise<void> {
    return writeFileDurably(this.#path, JSON.stringify(data), this.#options.writeContents);
  }
}
