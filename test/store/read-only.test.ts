/**
 * Commands that only read never write: proven on a read-only copy of a data folder by
 * listing every file with its inode, size and modification time before and after
 * (the tests run as root, for whom permissions alone prove nothing).
 */
import { cp, chmod, copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../support/cli';

const V1_FIXTURE = fileURLToPath(new URL('./fixtures/store-v1.json', import.meta.url));

/** Every entry under `dir`: path, inode, size, mode and modification time. */
async function inventory(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  const lines = await Promise.all(
    ['.', ...entries].map(async (entry) => {
      const info = await stat(join(dir, entry));
      return `${entry} ${info.ino} ${info.size} ${info.mode} ${info.mtimeMs}`;
    }),
  );
  return lines.sort();
}

async function readOnlyCopy(source: string): Promise<string> {
  const copy = join(await tempDir('nexus-read-only-'), 'book');
  await cp(source, copy, { recursive: true, preserveTimestamps: true });
  for (const entry of ['.', ...(await readdir(copy, { recursive: true }))]) {
    const path = join(copy, entry);
    await chmod(path, (await stat(path)).isDirectory() ? 0o555 : 0o444);
  }
  return copy;
}

const READING_COMMANDS = [
  ['invoices'],
  ['invoices', '--period', '2026-01'],
  ['usage-batches'],
  ['dump'],
  ['backups'],
  ['aging', '--as-of', '2026-12-31'],
];

describe('read-only commands', () => {
  it('change nothing in the data folder, not even its lock or daily backup', async () => {
    const data = join(await tempDir(), 'book');
    expect((await cli(['init', '--demo', '--data', data])).code).toBe(0);
    const copy = await readOnlyCopy(data);
    const before = await inventory(copy);

    for (const command of READING_COMMANDS) {
      const run = await cli([...command, '--data', copy]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const original = await cli([...command, '--data', data]);
      expect(run.stdout).toBe(original.stdout);
    }
    expect(await inventory(copy)).toEqual(before);
  });

  it('read a book of the single-document layout without migrating it on disk', async () => {
    const data = join(await tempDir(), 'book');
    await mkdir(data);
    await copyFile(V1_FIXTURE, join(data, 'store.json'));
    const copy = await readOnlyCopy(data);
    const before = await inventory(copy);

    const run = await cli(['invoices', '--json', '--data', copy]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as unknown[]).length).toBeGreaterThan(0);
    expect(await inventory(copy)).toEqual(before);
  });
});
