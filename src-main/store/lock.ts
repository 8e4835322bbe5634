/**
 * One writer per data folder: two processes rewriting the store would each overwrite
 * the other's changes. The lock is a small JSON file saying who holds the folder
 * (pid, the process's start time, host, command, since when), created atomically:
 * written under a private name, then hard-linked to `store.lock`, which fails if the
 * lock exists, so nobody ever reads a half-written lock.
 *
 * A process that finds the folder locked waits for it, up to a limit, polling: the
 * holders are other short commands more often than not. The start time tells a live
 * holder from an unrelated process that reused its pid after a crash; a lock taken on
 * another host (a shared folder) cannot be checked from here, so it is never taken over.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { UserError } from '../domain/errors';
import { isErrorCode, readTextIfExists } from './durable-file';

export const LOCK_FILE = 'store.lock';

export interface DataFolderLock {
  /** Deletes the lock if it is still ours. */
  release(): Promise<void>;
}

const lockHolderSchema = z.object({
  pid: z.number().int().positive(),
  /** When the process started, as the system tells it (null where it cannot be read). */
  started: z.string().nullable(),
  host: z.string(),
  /** What holds the folder, e.g. `nexus-billing grant-credit`. */
  command: z.string(),
  /** When the lock was taken, ISO 8601 UTC. */
  since: z.string(),
});
export type LockHolder = z.infer<typeof lockHolderSchema>;

export interface LockOptions {
  /** How long to wait for a folder another process holds; 0 refuses at once. */
  waitSeconds?: number;
  /** Called when the wait starts, and again whenever the holder changes. */
  onWait?: (holder: LockHolder) => void;
  /** Recorded in the lock for whoever waits; default: the program's name. */
  command?: string;
}

// Without waiting, a few rounds still settle races over a stale lock; more than a
// few mean other processes keep taking the folder.
const ATTEMPTS = 5;
const POLL_MS = 100;

/** Processes that wait together do not all retry at the same instant. */
function jitteredPollMs(): number {
  return POLL_MS / 2 + Math.random() * POLL_MS;
}

/**
 * Takes the lock of `dir`, taking over a lock whose process is gone, and waiting up
 * to `waitSeconds` for a live holder. Throws a UserError describing the holder when
 * the folder is still in use after that. The lock is released when the process exits
 * normally, and on SIGINT and SIGTERM when the program does not handle them itself.
 */
export async function lockDataFolder(
  dir: string,
  { waitSeconds = 0, onWait, command = defaultCommand() }: LockOptions = {},
): Promise<DataFolderLock> {
  const lockPath = join(dir, LOCK_FILE);
  const ownText = `${JSON.stringify({
    pid: process.pid,
    started: processStartTime(process.pid),
    host: hostname(),
    command,
    since: new Date().toISOString(),
  } satisfies LockHolder)}\n`;
  const deadline = Date.now() + waitSeconds * 1000;
  let announced: string | null = null;
  for (let attempt = 1; ; attempt++) {
    if (await createExclusively(lockPath, ownText)) return holdLock(lockPath, ownText);
    const holderText = await readTextIfExists(lockPath);
    const holder = holderText === null ? null : parseHolder(holderText);
    if (holderText !== null && (holder === null || isStale(holder))) {
      await removeStaleLock(lockPath, holderText);
    } else if (holder !== null) {
      if (holder.pid === process.pid && holder.host === hostname()) {
        throw new UserError(
          `The data folder ${dir} is already open in this process (pid ${holder.pid}); close it first.`,
        );
      }
      if (Date.now() >= deadline) throw folderInUse(dir, holder, waitSeconds);
      if (holderText !== announced) onWait?.(holder);
      announced = holderText;
      await sleep(jitteredPollMs());
      continue;
    }
    if (attempt >= ATTEMPTS && Date.now() >= deadline) {
      throw new UserError(
        `The data folder ${dir} could not be locked because other processes keep taking it; close them first.`,
      );
    }
  }
}

/** "pid 1234 on desk-7 (nexus-billing bill), since 2026-10-31 17:02:11 UTC" */
export function describeHolder(holder: LockHolder): string {
  const since = holder.since.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
  return `pid ${holder.pid} on ${holder.host} (${holder.command}), since ${since}`;
}

function folderInUse(dir: string, holder: LockHolder, waitSeconds: number): UserError {
  const waited = waitSeconds > 0 ? ` after waiting ${waitSeconds} s` : '';
  const way =
    holder.host === hostname()
      ? 'close it first, or wait longer'
      : `if no program on ${holder.host} has it open, delete ${join(dir, LOCK_FILE)}`;
  return new UserError(
    `The data folder ${dir} is still in use${waited}, by ${describeHolder(holder)}; ${way}.`,
  );
}

function defaultCommand(): string {
  return basename(process.argv[1] ?? process.argv0);
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
    // EEXIST: a third process locked the folder meanwhile; the next round sees it.
    if (!isErrorCode(error, 'EEXIST')) throw error;
  } finally {
    await rm(aside, { force: true });
  }
}

/** Synchronous releases of the locks this process holds, for the exit and signal handlers. */
const heldLocks = new Set<() => void>();
const RELEASING_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function releaseHeldLocks(): void {
  for (const release of heldLocks) release();
  heldLocks.clear();
}

/**
 * A program that handles the signal itself (a server stopping gracefully) closes its
 * stores, which releases their locks. Otherwise Node would end the process without
 * running exit handlers: the locks go first, then the signal takes its usual course.
 */
function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  releaseHeldLocks();
  stopListening();
  process.kill(process.pid, signal);
}

function startListening(): void {
  process.on('exit', releaseHeldLocks);
  for (const signal of RELEASING_SIGNALS) process.on(signal, onSignal);
}

function stopListening(): void {
  process.off('exit', releaseHeldLocks);
  for (const signal of RELEASING_SIGNALS) process.off(signal, onSignal);
}

function holdLock(lockPath: string, ownText: string): DataFolderLock {
  const releaseNow = (): void => {
    try {
      if (readFileSync(lockPath, 'utf8') === ownText) unlinkSync(lockPath);
    } catch {
      // The process is ending: a lock left behind is taken over as stale next time.
    }
  };
  if (heldLocks.size === 0) startListening();
  heldLocks.add(releaseNow);
  return {
    async release() {
      heldLocks.delete(releaseNow);
      if (heldLocks.size === 0) stopListening();
      if ((await readTextIfExists(lockPath)) === ownText) await rm(lockPath, { force: true });
    },
  };
}

/** A lock that is not a holder record was cut short by a system crash: no process holds it. */
function parseHolder(text: string): LockHolder | null {
  try {
    const parsed = lockHolderSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Only a holder on this host can be checked; one elsewhere counts as alive. */
function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  if (!isProcessAlive(holder.pid)) return true;
  if (holder.started === null) return false;
  const started = processStartTime(holder.pid);
  // Alive but started at another time: the pid now belongs to an unrelated process.
  return started !== null && started !== holder.started;
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

/**
 * When `pid` started, as an opaque text that changes when the pid is reused; null if
 * the system does not say. Linux: the boot's id and the start time in clock ticks
 * since boot (/proc), so a lock from before a reboot never matches; elsewhere `ps`.
 */
export function processStartTime(pid: number): string | null {
  try {
    if (process.platform === 'linux') {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
      // starttime is field 22 of the line; `fields` starts at field 3.
      return `${bootId}/${fields[19]}`;
    }
    if (process.platform === 'win32') return null;
    const started = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return started === '' ? null : started;
  } catch {
    return null;
  }
}
