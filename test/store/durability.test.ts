import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src-main/demo/random';
import { openStore } from '../../src-main/store/store';
import type { WriteContents } from '../../src-main/store/durable-file';
import { spawnFixture, useTestDataFolder } from '../support/data-folder';
import { seedForThisTest } from '../support/seed';

/** Runs the writer fixture and SIGKILLs it after a random number of acknowledged writes. */
async function killWriterAtRandom(dir: string, random: () => number): Promise<number> {
  const child = spawnFixture('writer', [dir]);
  // 'close', not 'exit': every line the writer printed before it died is read. A busy
  // machine can leave many acknowledged writes in the pipe when the kill lands.
  const closed = new Promise((resolve) => child.once('close', resolve));
  const killAfter = 1 + Math.floor(random() * 29);
  let acknowledged = -1;
  let seen = 0;
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      acknowledged = Number(line);
      if (++seen === killAfter) child.kill('SIGKILL');
    }
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  await closed;
  expect(child.signalCode, stderr).toBe('SIGKILL');
  return acknowledged;
}

/** Kills writers over and over in one folder, checking after each kill what survived. */
async function crashLane(kills: number, seed: number): Promise<void> {
  const random = seededRandom(seed);
  const dir = await mkdtemp(join(tmpdir(), 'nexus-crash-'));
  try {
    let lastAcknowledged = -1;
    for (let kill = 0; kill < kills; kill++) {
      lastAcknowledged = Math.max(lastAcknowledged, await killWriterAtRandom(dir, random));
      const store = await openStore(dir);
      const written = Object.keys(store.read().sequences);
      const payments = store.read().payments.map((payment) => payment.id);
      await store.close();
      // Every acknowledged write, in order and without gaps; at most the one write
      // in flight at the kill may have landed too, and then in all its documents.
      expect(written).toEqual(Array.from({ length: written.length }, (_, i) => `w${i}`));
      expect(payments.sort()).toEqual(written.flatMap((_, i) => [`p${i}-a`, `p${i}-b`]).sort());
      expect(await unnamedPeriodFiles(dir)).toEqual([]);
      expect(written.length - 1).toBeGreaterThanOrEqual(lastAcknowledged);
      expect(written.length - 1).toBeLessThanOrEqual(lastAcknowledged + 1);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Period documents the main document does not name, after a clean open and close. */
async function unnamedPeriodFiles(dir: string): Promise<string[]> {
  const main = JSON.parse(await readFile(join(dir, 'store.json'), 'utf8')) as {
    book_files: { periods: Record<string, string>; index: string | null };
  };
  const named = new Set([...Object.values(main.book_files.periods), main.book_files.index]);
  const backedUp = await backupNames(dir);
  return (await readdir(join(dir, 'periods'))).filter(
    (name) => !named.has(name) && !backedUp.has(name),
  );
}

/** Every book file a backup names. */
async function backupNames(dir: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (const backup of await readdir(join(dir, 'backups'))) {
    const text = await readFile(join(dir, 'backups', backup), 'utf8');
    for (const match of text.matchAll(/"((?:\d{4}-\d{2}|index)\.\d+\.json)"/g)) {
      names.add(match[1] as string);
    }
  }
  return names;
}

describe('durable writes', () => {
  it('keeps every acknowledged write when the writing process is killed at random, 60 times', async () => {
    const seed = seedForThisTest();
    await Promise.all([crashLane(30, seed), crashLane(30, seed + 1)]);
  }, 180_000);

  describe('when the disk fails in the middle of a write', () => {
    const folder = useTestDataFolder();
    let diskFull = false;
    const halfThenFail: WriteContents = async (file, text) => {
      if (!diskFull) return file.writeFile(text, 'utf8');
      await file.writeFile(text.slice(0, text.length / 2), 'utf8');
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };

    it('leaves store.json and the document in memory as they were', async () => {
      diskFull = false;
      const store = await folder.open({ writeContents: halfThenFail });
      await store.update((draft) => {
        draft.sequences['INV-2026-'] = 1;
      });
      const fileBefore = await folder.storeFileText();
      const documentBefore = store.read();

      const periodsBefore = await readdir(join(folder.dir, 'periods'));
      diskFull = true;
      await expect(
        store.update((draft) => {
          draft.sequences['INV-2026-'] = 2;
          draft.payments.push({
            id: 'p1',
            invoice: 'INV-2026-00001',
            amount: '1.00',
            date: '2026-03-01',
            method: 'wire',
            reference: '',
          });
        }),
      ).rejects.toThrow('ENOSPC');

      expect(await folder.storeFileText()).toBe(fileBefore);
      expect(await readdir(join(folder.dir, 'periods'))).toEqual(periodsBefore);
      expect(store.read().payments).toEqual([]);
      expect(store.read()).toBe(documentBefore);
      expect(store.read().sequences['INV-2026-']).toBe(1);
      expect((await readdir(folder.dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);

      diskFull = false;
      await store.update((draft) => {
        draft.sequences['INV-2026-'] = 3;
      });
      await store.close();
      const reopened = await folder.open();
      expect(reopened.read().sequences['INV-2026-']).toBe(3);
    });

    it('leaves no partial backup behind', async () => {
      diskFull = false;
      const store = await folder.open({ writeContents: halfThenFail });
      const before = await store.listBackups();

      diskFull = true;
      await expect(store.backup('manual')).rejects.toThrow('ENOSPC');

      expect(await store.listBackups()).toEqual(before);
      expect(await readdir(join(folder.dir, 'backups'))).toEqual(before.map((b) => b.name));
    });
  });
});
