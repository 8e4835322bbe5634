/**
 * Rotating copies of store.json in `backups/`, named by their UTC time and reason
 * (`2026-03-01T09-15-00-000Z-daily.json`) so that a plain listing sorts them and says
 * why each exists. Each is written durably, like store.json.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../domain/errors';
import { readTextIfExists, writeFileDurably, type WriteContents } from './durable-file';

export interface BackupInfo {
  /** The file name in the backups folder: what `restore` takes. */
  name: string;
  /** When it was taken, ISO 8601 UTC. */
  time: string;
  /** Why: `daily`, `migration`, `restore`, or the reason given to `backup`. */
  reason: string;
  /** In bytes. */
  size: number;
}

export const BACKUPS_DIR = 'backups';
export const BACKUPS_KEPT = 10;

const REASON = /^[a-z][a-z0-9-]{0,39}$/;
const NAME = /^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z][a-z0-9-]*)\.json$/;

/**
 * Writes `text` as a new backup. Its time is `now`, or just after the newest backup
 * when that is not earlier, so that names stay unique and in order.
 */
export async function saveBackup(
  backupsDir: string,
  text: string,
  reason: string,
  now: Date,
  writeContents?: WriteContents,
): Promise<BackupInfo> {
  if (!REASON.test(reason)) {
    throw new UserError(
      `A backup reason is up to 40 lowercase letters, digits and dashes, such as "before-import", not "${reason}".`,
    );
  }
  const [newest] = await listBackups(backupsDir);
  const time = new Date(Math.max(now.getTime(), newest ? Date.parse(newest.time) + 1 : 0));
  const name = `${time.toISOString().replace(/[:.]/g, '-')}-${reason}.json`;
  await writeFileDurably(join(backupsDir, name), text, writeContents);
  return { name, time: time.toISOString(), reason, size: Buffer.byteLength(text) };
}

/** The backups, newest first. Files that are not backups are left out. */
export async function listBackups(backupsDir: string): Promise<BackupInfo[]> {
  const names = (await readdir(backupsDir))
    .filter((name) => NAME.test(name))
    .sort()
    .reverse();
  return Promise.all(
    names.map(async (name) => ({
      name,
      time: name.replace(NAME, '$1:$2:$3.$4Z'),
      reason: name.replace(NAME, '$5'),
      size: (await stat(join(backupsDir, name))).size,
    })),
  );
}

/** The text of the backup `name`; a UserError when there is no such backup. */
export async function readBackup(backupsDir: string, name: string): Promise<string> {
  const text = NAME.test(name) ? await readTextIfExists(join(backupsDir, name)) : null;
  if (text === null) throw new UserError(`There is no backup named "${name}" in ${backupsDir}.`);
  return text;
}

/**
 * Deletes all but the newest `BACKUPS_KEPT` backups, and temp files that a crash left
 * in the middle of a backup.
 */
export async function rotateBackups(backupsDir: string): Promise<void> {
  const outdated = (await listBackups(backupsDir)).slice(BACKUPS_KEPT).map((backup) => backup.name);
  const leftovers = (await readdir(backupsDir)).filter(
    (name) => name.startsWith('.') && name.endsWith('.tmp'),
  );
  await Promise.all(
    [...outdated, ...leftovers].map((name) => rm(join(backupsDir, name), { force: true })),
  );
}
