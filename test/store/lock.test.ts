import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src-main/domain/errors';
import { LOCK_FILE, processStartTime, type LockHolder } from '../../src-main/store/lock';
import { exited, spawnFixture, useTestDataFolder, waitForLine } from '../support/data-folder';

describe('the data folder lock', () => {
  const folder = useTestDataFolder();
  const lockPath = () => join(folder.dir, LOCK_FILE);
  const lockHolder = async () => JSON.parse(await readFile(lockPath(), 'utf8')) as LockHolder;
  const writeLock = (holder: Partial<LockHolder>) =>
    writeFile(
      lockPath(),
      JSON.stringify({
        pid: process.pid,
        started: null,
        host: hostname(),
        command: 'nexus-billing bill',
        since: '2026-10-31T17:02:11.000Z',
        ...holder,
      }),
    );
  const gonePid = () => spawnSync(process.execPath, ['--eval', '']).pid;

  it('records who holds the folder (pid, start time, host, command, since when) until it is closed', async () => {
    const before = Date.now();
    const store = await folder.open({ lock: { command: 'nexus-billing test' } });
    const holder = await lockHolder();
    expect(holder).toMatchObject({
      pid: process.pid,
      host: hostname(),
      command: 'nexus-billing test',
    });
    expect(Date.parse(holder.since)).toBeGreaterThanOrEqual(before - 1000);
    expect(holder.started).toBe(processStartTime(process.pid));
    if (process.platform === 'linux') expect(holder.started).toMatch(/\/\d+$/);
    await store.close();
    expect(await readdir(folder.dir)).not.toContain(LOCK_FILE);
  });

  it('refuses a second open in the same process, and allows it after close', async () => {
    const store = await folder.open();
    const second = folder.open({ lock: { waitSeconds: 5 } });
    await expect(second).rejects.toThrow(UserError);
    await expect(second).rejects.toThrow(
      `The data folder ${folder.dir} is already open in this process (pid ${process.pid}); close it first.`,
    );
    await store.close();
    await expect(folder.open()).resolves.toBeDefined();
  });

  it('refuses at once, without a wait, a folder another process has open, saying who has it', async () => {
    const holder = spawnFixture('holder', [folder.dir, 'hold']);
    await waitForLine(holder, (line) => line === 'open');

    const opening = folder.open();
    await expect(opening).rejects.toThrow(UserError);
    await expect(opening).rejects.toThrow(
      new RegExp(
        `^The data folder ${folder.dir} is still in use, by pid ${holder.pid} on ${hostname()} \\(holder\\.ts\\), since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC; close it first, or wait longer\\.$`,
      ),
    );

    holder.stdin.end();
    expect(await exited(holder)).toBe(0);
    await expect(folder.open()).resolves.toBeDefined();
  });

  it('waits for a folder another process has open, and takes it once released', async () => {
    const holder = spawnFixture('holder', [folder.dir, 'hold']);
    await waitForLine(holder, (line) => line === 'open');

    const waitedFor: LockHolder[] = [];
    const opening = folder.open({
      lock: {
        waitSeconds: 60,
        onWait: (who) => {
          waitedFor.push(who);
          holder.stdin.end();
        },
      },
    });
    const store = await opening;
    expect(waitedFor.map((who) => who.pid)).toEqual([holder.pid]);
    expect(await exited(holder)).toBe(0);
    expect((await lockHolder()).pid).toBe(process.pid);
    await store.close();
  });

  it('gives up after the wait, saying how long it waited', async () => {
    const holder = spawnFixture('holder', [folder.dir, 'hold']);
    await waitForLine(holder, (line) => line === 'open');
    await expect(folder.open({ lock: { waitSeconds: 0.3 } })).rejects.toThrow(
      `is still in use after waiting 0.3 s, by pid ${holder.pid} on ${hostname()}`,
    );
    holder.stdin.end();
    await exited(holder);
  });

  it('is released when the process exits without closing the store', async () => {
    const holder = spawnFixture('holder', [folder.dir, 'exit']);
    await waitForLine(holder, (line) => line === 'open');
    expect(await exited(holder)).toBe(0);
    expect(await readdir(folder.dir)).not.toContain(LOCK_FILE);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'is released when the process is stopped by %s, which still ends it',
    async (signal) => {
      const holder = spawnFixture('holder', [folder.dir, 'hold']);
      await waitForLine(holder, (line) => line === 'open');
      expect(await readdir(folder.dir)).toContain(LOCK_FILE);
      holder.kill(signal);
      await exited(holder);
      expect(holder.signalCode).toBe(signal);
      expect(await readdir(folder.dir)).not.toContain(LOCK_FILE);
    },
  );

  it('takes over the lock of a process that is gone', async () => {
    await writeLock({ pid: gonePid() });
    await folder.open();
    expect((await lockHolder()).pid).toBe(process.pid);
  });

  it('takes over the lock of a pid that now belongs to a process started at another time', async () => {
    // The parent is alive; its start time is not this one: its pid was "reused".
    await writeLock({ pid: process.ppid, started: 'another boot/1' });
    await folder.open();
    expect((await lockHolder()).pid).toBe(process.pid);
  });

  it('never takes over the lock of another host, saying how to clear it', async () => {
    await writeLock({ pid: gonePid(), host: 'desk-7' });
    const lockText = await readFile(lockPath(), 'utf8');
    await expect(folder.open({ lock: { waitSeconds: 0.2 } })).rejects.toThrow(
      `is still in use after waiting 0.2 s, by pid`,
    );
    await expect(folder.open()).rejects.toThrow(
      `on desk-7 (nexus-billing bill), since 2026-10-31 17:02:11 UTC; if no program on desk-7 has it open, delete ${lockPath()}.`,
    );
    expect(await readFile(lockPath(), 'utf8')).toBe(lockText);
  });

  it('takes over a lock that a system crash left empty or cut short', async () => {
    await writeFile(lockPath(), '');
    await (await folder.open()).close();
    await writeFile(lockPath(), '{"pid":12');
    await folder.open();
    expect((await lockHolder()).pid).toBe(process.pid);
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
