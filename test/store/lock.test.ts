import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src-main/domain/errors';
import { LOCK_FILE } from '../../src-main/store/lock';
import { exited, spawnFixture, useTestDataFolder, waitForLine } from '../support/data-folder';

describe('the data folder lock', () => {
  const folder = useTestDataFolder();
  const lockPath = () => join(folder.dir, LOCK_FILE);

  it('holds the pid of the process that has the store open, until it is closed', async () => {
    const store = await folder.open();
    expect(await readFile(lockPath(), 'utf8')).toBe(`${process.pid}\n`);
    await store.close();
    expect(await readdir(folder.dir)).not.toContain(LOCK_FILE);
  });

  it('refuses a second open in the same process, and allows it after close', async () => {
    const store = await folder.open();
    const second = folder.open();
    await expect(second).rejects.toThrow(UserError);
    await expect(second).rejects.toThrow(
      `The data folder ${folder.dir} is already open in this process (pid ${process.pid}); close it first.`,
    );
    await store.close();
    await expect(folder.open()).resolves.toBeDefined();
  });

  it('refuses a folder that another process has open, naming its pid', async () => {
    const holder = spawnFixture('holder', [folder.dir, 'hold']);
    await waitForLine(holder, (line) => line === 'open');

    const opening = folder.open();
    await expect(opening).rejects.toThrow(UserError);
    await expect(opening).rejects.toThrow(
      `The data folder ${folder.dir} is in use by another Nexus Billing process (pid ${holder.pid}); close it first.`,
    );

    holder.stdin.end();
    expect(await exited(holder)).toBe(0);
    await expect(folder.open()).resolves.toBeDefined();
  });

  it('is released when the process exits without closing the store', async () => {
    const holder = spawnFixture('holder', [folder.dir, 'exit']);
    await waitForLine(holder, (line) => line === 'open');
    expect(await exited(holder)).toBe(0);
    expect(await readdir(folder.dir)).not.toContain(LOCK_FILE);
  });

  it('takes over the lock of a process that is gone', async () => {
    const gone = spawnSync(process.execPath, ['--eval', '']);
    await writeFile(lockPath(), `${gone.pid}\n`);
    await folder.open();
    expect(await readFile(lockPath(), 'utf8')).toBe(`${process.pid}\n`);
  });

  it('takes over a lock that a system crash left empty', async () => {
    await writeFile(lockPath(), '');
    await folder.open();
    expect(await readFile(lockPath(), 'utf8')).toBe(`${process.pid}\n`);
  });

  it('lets exactly one of many concurrent opens take over a stale lock', async () => {
    await writeFile(lockPath(), '');
    const opens = await Promise.allSettled(Array.from({ length: 8 }, () => folder.open()));
    expect(opens.filter((open) => open.status === 'fulfilled')).toHaveLength(1);
    for (const open of opens.filter((open) => open.status === 'rejected')) {
      expect(open.reason).toBeInstanceOf(UserError);
    }
  });
});
