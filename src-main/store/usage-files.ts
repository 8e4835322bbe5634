/**
 * Garbage collection of the usage folder. Its files are immutable and only reachable
 * through a document's `usage_batches[]`: each segment's `file` and the batch's dedupe
 * `index`. Once neither the live document nor any kept backup lists a file, no
 * restore can ever need it again.
 */
import { existsSync, rmSync, type Stats } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { listBackups, readBackup } from './backups';
import type { StoreData } from './data';
import { isErrorCode } from './durable-file';
import { FileWriter, syncDirectory } from './file-writer';

/** An import writes its segment files before it commits the batch that lists them. */
export const IMPORT_GRACE_MS = 60_000;

/**
 * Read leniently, so that a backup from an older schema still protects its files;
 * a migration that moves these fields must teach this schema the old place too.
 */
const usageReferencesSchema = z.object({
  usage_batches: z.array(
    z.object({
      segments: z.array(z.object({ file: z.string() })),
      index: z.string().nullable().optional(),
    }),
  ),
});

/**
 * Deletes the files under `usageDir` that neither `live` nor any backup in `backupsDir`
 * references and that were not modified within `IMPORT_GRACE_MS` of `now`. When a
 * backup cannot be read for its references, deletes nothing: keeping a file is
 * always safe. Returns the deleted files, relative to `usageDir`.
 */
export async function pruneUsageFiles(
  usageDir: string,
  live: Pick<StoreData, 'usage_batches'>,
  backupsDir: string,
  now: Date,
): Promise<string[]> {
  const referenced = new Set(referencedFiles(live, usageDir));
  // One backup at a time: ten large documents parsed at once would not fit in memory.
  for (const backup of await listBackups(backupsDir)) {
    const text = await readBackup(backupsDir, backup.name);
    const files = referencedFiles(parseJsonOrNull(text), usageDir);
    if (files === null) return [];
    for (const file of files) referenced.add(file);
  }
  const deleted: string[] = [];
  for (const file of await readdir(usageDir, { recursive: true })) {
    const path = resolve(usageDir, file);
    if (referenced.has(path)) continue;
    const info = await statIfExists(path);
    if (!info?.isFile() || now.getTime() - info.mtimeMs < IMPORT_GRACE_MS) continue;
    await rm(path, { force: true });
    deleted.push(file);
  }
  return deleted;
}

/** Absolute paths of the usage files `document` lists; null when it cannot tell. */
function referencedFiles(document: unknown, usageDir: string): string[] | null {
  const parsed = usageReferencesSchema.safeParse(document);
  if (!parsed.success) return null;
  return parsed.data.usage_batches.flatMap(({ segments, index }) =>
    [...segments.map((segment) => segment.file), ...(index ? [index] : [])].map((file) =>
      resolve(usageDir, file),
    ),
  );
}

function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Null when the file went away since it was listed (an import removing its temp file). */
async function statIfExists(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return null;
    throw error;
  }
}

const BATCH_FILE = /(?:^|\/)b(\d+)-[0-9a-f]+\.(?:tsv|idx)$/;

/**
 * Deletes the files of imports that never committed: their batch number is above
 * every batch the book lists (an import takes the next number). Run at open, with
 * the folder locked, so no import can be writing them.
 */
export async function removeKilledImports(
  usageDir: string,
  live: Pick<StoreData, 'usage_batches'>,
): Promise<string[]> {
  const highest = live.usage_batches.reduce((max, batch) => Math.max(max, batch.seq), 0);
  const removed: string[] = [];
  for (const file of await readdir(usageDir, { recursive: true })) {
    const seq = BATCH_FILE.exec(file.split('\\').join('/'))?.[1];
    if (seq === undefined || Number(seq) <= highest) continue;
    await rm(resolve(usageDir, file), { force: true });
    removed.push(file);
  }
  return removed;
}

/**
 * The usage folder's files, created and deleted only through here: an import stages
 * its segments and index with `create`, makes them durable with `syncFolders`, and
 * the batch becomes visible when an update lists it. Paths are relative to the
 * usage folder.
 */
export interface UsageFiles {
  /** A new file (never an existing one), written through a buffer and hashed. */
  create(file: string): FileWriter;
  /** Deletes a file that no committed batch lists (a staged file given up). */
  remove(file: string): void;
  exists(file: string): boolean;
  /** Makes the names of files just created in these folders (and the usage folder) durable. */
  syncFolders(folders: Iterable<string>): void;
}

export function usageFilesOf(usageDir: string, readOnly: boolean): UsageFiles {
  const writable = (): void => {
    if (readOnly) throw new Error(`The usage folder ${usageDir} is open read-only.`);
  };
  return {
    create(file) {
      writable();
      return new FileWriter(resolve(usageDir, file));
    },
    remove(file) {
      writable();
      rmSync(resolve(usageDir, file), { force: true });
    },
    exists: (file) => existsSync(resolve(usageDir, file)),
    syncFolders(folders) {
      writable();
      for (const folder of new Set([...folders, '.'])) syncDirectory(resolve(usageDir, folder));
    },
  };
}
