import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUPS_DIR, BACKUPS_KEPT } from '../../src-main/store/backups';
import type { Store } from '../../src-main/store/store';
import { usageBatch } from '../support/documents';
import { useTestDataFolder } from '../support/data-folder';

const NOW = new Date('2026-03-01T12:00:00Z');
const MINUTE = 60_000;

describe('pruneUsageFiles', () => {
  const folder = useTestDataFolder();

  /** Writes the usage files `names`, last modified `ageMs` before NOW. */
  async function writeUsageFiles(
    store: Store,
    names: readonly string[],
    ageMs: number,
  ): Promise<void> {
    const time = new Date(NOW.getTime() - ageMs);
    for (const name of names) {
      const path = join(store.usageDir, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, 'event\n');
      await utimes(path, time, time);
    }
  }

  async function usageFiles(store: Store): Promise<string[]> {
    const entries = await readdir(store.usageDir, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(store.usageDir.length + 1))
      .sort();
  }

  it('deletes old files that nothing references, and keeps the live ones and fresh ones', async () => {
    const store = await folder.open({ now: () => NOW });
    await writeUsageFiles(
      store,
      ['2026-01/b1.tsv', 'index/b1.idx', '2026-01/orphan.tsv', 'stray.tmp'],
      2 * MINUTE,
    );
    await writeUsageFiles(store, ['2026-01/importing.tsv'], MINUTE / 2);
    await store.update(
      (draft) => void draft.usage_batches.push(usageBatch(1, ['2026-01/b1.tsv'], 'index/b1.idx')),
    );

    expect((await store.pruneUsageFiles()).sort()).toEqual(['2026-01/orphan.tsv', 'stray.tmp']);
    expect(await usageFiles(store)).toEqual([
      '2026-01/b1.tsv',
      '2026-01/importing.tsv',
      'index/b1.idx',
    ]);
  });

  it('keeps the files of a kept backup, so that restoring it loses no events', async () => {
    const store = await folder.open({ now: () => NOW });
    await writeUsageFiles(store, ['2026-01/b1.tsv'], 2 * MINUTE);
    await store.update((draft) => void draft.usage_batches.push(usageBatch(1, ['2026-01/b1.tsv'])));
    const backup = await store.backup('manual');
    await store.update((draft) => void (draft.usage_batches = []));

    expect(await store.pruneUsageFiles()).toEqual([]);
    await store.restore(backup.name);
    expect(store.read().usage_batches[0]?.segments[0]?.file).toBe('2026-01/b1.tsv');
    expect(await usageFiles(store)).toEqual(['2026-01/b1.tsv']);
  });

  it('runs after backups rotate, deleting the files of the backup that rotated out', async () => {
    const store = await folder.open({ now: () => NOW });
    await writeUsageFiles(store, ['2026-01/b1.tsv'], 2 * MINUTE);
    await store.update((draft) => void draft.usage_batches.push(usageBatch(1, ['2026-01/b1.tsv'])));
    await store.backup('manual');
    await store.update((draft) => void (draft.usage_batches = []));

    for (let i = 1; i < BACKUPS_KEPT; i++) await store.backup('manual');
    expect(await usageFiles(store)).toEqual(['2026-01/b1.tsv']);
    await store.backup('manual');
    expect(await usageFiles(store)).toEqual([]);
  });

  it('deletes nothing while a backup cannot be read for its references', async () => {
    const store = await folder.open({ now: () => NOW });
    await writeUsageFiles(store, ['2026-01/orphan.tsv'], 2 * MINUTE);
    await writeFile(
      join(folder.dir, BACKUPS_DIR, '2026-01-01T00-00-00-000Z-manual.json'),
      '{"trunc',
    );

    expect(await store.pruneUsageFiles()).toEqual([]);
    expect(await usageFiles(store)).toEqual(['2026-01/orphan.tsv']);
  });
});

describe('opening the store after a killed import', () => {
  const folder = useTestDataFolder();

  it('deletes the files of batches the book does not list, and keeps every listed one', async () => {
    const store = await folder.open();
    const listed = usageBatch(2, ['2026-10/b000002-00aa11bb.tsv'], 'index/b000002-00aa11bb.idx');
    await store.update((draft) => void draft.usage_batches.push(listed));
    const killed = ['2026-10/b000003-0badf00d.tsv', 'index/b000003-0badf00d.idx'];
    for (const name of ['2026-10/b000002-00aa11bb.tsv', 'index/b000002-00aa11bb.idx', ...killed]) {
      await mkdir(dirname(join(store.usageDir, name)), { recursive: true });
      await writeFile(join(store.usageDir, name), 'event\n');
    }
    await store.close();

    const reopened = await folder.open();
    const left = (await readdir(reopened.usageDir, { recursive: true })).filter((name) =>
      name.includes('.'),
    );
    expect(left.sort()).toEqual(['2026-10/b000002-00aa11bb.tsv', 'index/b000002-00aa11bb.idx']);
  });
});
