import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src-main/domain/errors';
import { BACKUPS_DIR, BACKUPS_KEPT } from '../../src-main/store/backups';
import type { Store } from '../../src-main/store/store';
import { finalizedInvoice } from '../support/documents';
import { useTestDataFolder } from '../support/data-folder';

/** A clock the test moves by hand. */
function manualClock(start: string): { now: () => Date; advance(ms: number): void } {
  let time = Date.parse(start);
  return {
    now: () => new Date(time),
    advance(ms) {
      time += ms;
    },
  };
}

describe('backups', () => {
  const folder = useTestDataFolder();
  const backupText = (name: string) => readFile(join(folder.dir, BACKUPS_DIR, name), 'utf8');

  async function setSequence(store: Store, value: number): Promise<void> {
    await store.update((draft) => {
      draft.sequences['INV-2026-'] = value;
    });
  }

  it('takes one daily backup on the first open of each UTC day, and records the day', async () => {
    const clock = manualClock('2026-03-01T23:00:00Z');
    let store = await folder.open({ now: clock.now });
    expect((await store.listBackups()).map((backup) => backup.reason)).toEqual(['daily']);
    expect(store.read().last_daily_backup).toBe('2026-03-01');
    await store.close();

    clock.advance(30 * 60 * 1000);
    store = await folder.open({ now: clock.now });
    expect((await store.listBackups()).map((backup) => backup.time)).toEqual([
      '2026-03-01T23:00:00.000Z',
    ]);
    await store.close();

    clock.advance(30 * 60 * 1000);
    store = await folder.open({ now: clock.now });
    expect((await store.listBackups()).map((backup) => backup.time)).toEqual([
      '2026-03-02T00:00:00.000Z',
      '2026-03-01T23:00:00.000Z',
    ]);
    expect(store.read().last_daily_backup).toBe('2026-03-02');
  });

  it('saves the current document on demand and lists it with its time, reason and size', async () => {
    const clock = manualClock('2026-03-01T09:15:00Z');
    const store = await folder.open({ now: clock.now });
    await setSequence(store, 7);
    clock.advance(1000);

    const backup = await store.backup('before-import');

    expect(backup).toEqual({
      name: '2026-03-01T09-15-01-000Z-before-import.json',
      time: '2026-03-01T09:15:01.000Z',
      reason: 'before-import',
      size: (await folder.storeFileText()).length,
    });
    expect(await backupText(backup.name)).toBe(await folder.storeFileText());
    expect(await store.listBackups()).toEqual([
      backup,
      expect.objectContaining({ reason: 'daily', time: '2026-03-01T09:15:00.000Z' }),
    ]);
  });

  it('gives backups taken in the same millisecond distinct names, in order', async () => {
    const store = await folder.open({ now: () => new Date('2026-03-01T09:15:00Z') });
    const first = await store.backup('manual');
    const second = await store.backup('manual');
    expect([first.time, second.time]).toEqual([
      '2026-03-01T09:15:00.001Z',
      '2026-03-01T09:15:00.002Z',
    ]);
    expect((await store.listBackups()).map((backup) => backup.name)).toEqual([
      second.name,
      first.name,
      expect.stringMatching(/-daily\.json$/),
    ]);
  });

  it(`keeps the newest ${BACKUPS_KEPT}`, async () => {
    const clock = manualClock('2026-03-01T09:15:00Z');
    const store = await folder.open({ now: clock.now });
    const taken = [];
    for (let i = 0; i < BACKUPS_KEPT + 2; i++) {
      clock.advance(1000);
      taken.push(await store.backup(`manual-${i}`));
    }
    const newestFirst = taken.reverse().slice(0, BACKUPS_KEPT);
    expect(await store.listBackups()).toEqual(newestFirst);
    expect((await readdir(join(folder.dir, BACKUPS_DIR))).sort()).toEqual(
      newestFirst.map((backup) => backup.name).sort(),
    );
  });

  it('refuses a reason that would not make a plain file name', async () => {
    const store = await folder.open();
    await expect(store.backup('../escape')).rejects.toThrow(UserError);
    await expect(store.backup('Before Import')).rejects.toThrow(
      'A backup reason is up to 40 lowercase letters, digits and dashes, such as "before-import", not "Before Import".',
    );
  });

  it('restores a backup durably after backing up the current document, so a restore can be undone', async () => {
    const clock = manualClock('2026-03-01T09:15:00Z');
    const store = await folder.open({ now: clock.now });
    await store.update((draft) => void draft.invoices.push(finalizedInvoice()));
    clock.advance(1000);
    const before = await store.backup('manual');
    await store.update((draft) => {
      draft.invoices[0]!.status = 'paid';
      draft.sequences['INV-2026-'] = 1;
    });
    const paid = store.read();
    clock.advance(1000);

    await store.restore(before.name);

    expect(store.read().invoices[0]?.status).toBe('open');
    expect(store.read().sequences).toEqual({});
    const [undo] = await store.listBackups();
    expect(undo?.reason).toBe('restore');

    await store.close();
    const reopened = await folder.open({ now: clock.now });
    expect(reopened.read().invoices[0]?.status).toBe('open');
    await reopened.restore(undo?.name ?? '');
    expect(reopened.read()).toEqual(paid);
  });

  it('refuses to restore a backup that does not exist, or is damaged, and changes nothing', async () => {
    const store = await folder.open();
    await expect(store.restore('../store.json')).rejects.toThrow(
      `There is no backup named "../store.json" in ${join(folder.dir, BACKUPS_DIR)}.`,
    );
    const damaged = '2026-01-01T00-00-00-000Z-manual.json';
    await writeFile(join(folder.dir, BACKUPS_DIR, damaged), '{"schemaVersion": 1}');
    const fileBefore = await folder.storeFileText();
    const backupsBefore = await store.listBackups();

    await expect(store.restore(damaged)).rejects.toThrow(
      `${join(folder.dir, BACKUPS_DIR, damaged)} does not match the store format at settings:`,
    );
    expect(await folder.storeFileText()).toBe(fileBefore);
    expect(await store.listBackups()).toEqual(backupsBefore);
  });
});
