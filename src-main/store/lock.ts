/**
 * One writer per data folder: two processes rewriting store.json would each overwrite
 * the other's changes. The lock is a file holding the owner's pid, created atomically:
 * written under a private name, then hard-linked to `store.lock`, which fails if the
 * lock exists, so nobody ever reads a half-written lock.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../domain/errors';
import { isErrorCode, readTextIfExists } from './durable-file';

export const LOCK_FILE = 'store.lock';

export interface DataFolderLock {
  /** Deletes the lock if it is still ours. */
  release(): Promise<void>;
}

// Each round either takes the lock, finds a live holder, or clears a stale lock; more
// rounds than a few mean other processes keep racing for the folder.
const ATTEMPTS = 5;

/**
 * Takes the lock of `dir`, taking over a lock whose process is gone. Throws a
 * UserError naming the holder's pid when another live process has the folder. The
 * lock is also released when the process exits normally.
 */
export async function lockDataFolder(dir: string): Promise<DataFolderLock> {
  const lockPath = join(dir, LOCK_FILE);
  const ownText = `${process.pid}\n`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (await createExclusively(lockPath, ownText)) return holdLock(lockPath, ownText);
    const holderText = await readTextIfExists(lockPath);
    if (holderText === null) continue;
    const holder = parsePid(holderText);
    if (holder !== null && isProcessAlive(holder)) throw folderInUse(dir, holder);
    await removeStaleLock(lockPath, holderText);
  }
  throw new UserError(
    `The data folder ${dir} could not be locked because other processes keep taking it; close them first.`,
  );
}

function folderInUse(dir: string, pid: number): UserError {
  return pid === process.pid
    ? new UserError(
        `The data folder ${dir} is already open in this process (pid ${pid}); close it first.`,
      )
    : new UserError(
        `The data folder ${dir} is in use by another Nexus Billing process (pid ${pid}); close it first.`,
      );
}

async function createExclusively(lockPath: string, text: string): Promise<boolean> {
  const draft = `${lockPath}.${randomUUID()}.tmp`;
  await writeFile(draft, text);
  try {
    await link(draft, lockPath);
    return true;
  } catch (error) {
    if (isErrorCode(error, 'EEXIST')) return false;
    throw error;
  } finally {
    await rm(draft, { force: true });
  }
}

/**
 * Moves the stale lock aside before deleting it: if another process took it over
 * between our read and the move, what was moved is that process's live lock, and it
 * goes back.
 */
async function removeStaleLock(lockPath: string, staleText: string): Promise<void> {
  const aside = `${lockPath}.${randomUUID()}.stale`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return;
    throw error;
  }
  try {
    if ((await readTextIfExists(aside)) !== staleText) await link(aside, lockPath);
  } catch (error) {
    // EEXIST: a third process locked the folder meanwhile; the next round reports it.
    if (!isErrorCode(error, 'EEXIST')) throw error;
  } finally {
    await rm(aside, { force: true });
  }
}

function holdLock(lockPath: string, ownText: string): DataFolderLock {
  const releaseOnExit = (): void => {
    try {
      if (readFileSync(lockPath, 'utf8') === ownText) unlinkSync(lockPath);
    } catch {
      // The process is ending: a lock left behind is taken over as stale next time.
    }
  };
  process.on('exit', releaseOnExit);
  return {
    async release() {
      process.off('exit', releaseOnExit);
      if ((await readTextIfExists(lockPath)) === ownText) await rm(lockPath, { force: true });
    },
  };
}

/** A lock that is not a pid was cut short by a system crash: no process holds it. */
function parsePid(text: string): number | null {
  return /^[1-9]\d*\n?$/.test(text) ? Number.parseInt(text, 10) : null;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return isErrorCode(error, 'EPERM');
  }
}
