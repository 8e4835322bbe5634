/**
 * Shared by the store tests: a fresh data folder per test, stores that are closed
 * after it, and child processes that run the fixtures in test/store/fixtures.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import {
  openStore,
  STORE_FILE,
  type OpenStoreOptions,
  type Store,
} from '../../src-main/store/store';

export interface TestDataFolder {
  /** This test's data folder, empty at its start. */
  readonly dir: string;
  /** Opens the folder's store; it is closed after the test. */
  open(options?: OpenStoreOptions): Promise<Store>;
  /** The bytes of store.json now. */
  storeFileText(): Promise<string>;
}

/** Registers hooks that give each test of the calling suite its own data folder. */
export function useTestDataFolder(): TestDataFolder {
  let dir = '';
  let opened: Store[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nexus-store-'));
  });
  afterEach(async () => {
    await Promise.all(opened.map((store) => store.close()));
    opened = [];
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    async open(options) {
      const store = await openStore(dir, options);
      opened.push(store);
      return store;
    },
    storeFileText: () => readFile(join(dir, STORE_FILE), 'utf8'),
  };
}

/** Starts `test/store/fixtures/<fixture>.ts` under tsx with `args`. */
export function spawnFixture(
  fixture: string,
  args: readonly string[],
): ChildProcessWithoutNullStreams {
  const script = fileURLToPath(new URL(`../store/fixtures/${fixture}.ts`, import.meta.url));
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: 'pipe' });
}

/** Resolves with the child's exit code once it has exited (a signal gives null). */
export function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Calls `onLine` with each line the child prints, and resolves on the first it accepts. */
export function waitForLine(
  child: ChildProcessWithoutNullStreams,
  accept: (line: string) => boolean,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let pending = '';
    let stderr = '';
    const onData = (chunk: Buffer): void => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      const found = lines.find(accept);
      if (found !== undefined) {
        child.stdout.off('data', onData);
        resolve(found);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('exit', (code) =>
      reject(new Error(`The fixture exited (${code}) first: ${stderr}`)),
    );
  });
}
