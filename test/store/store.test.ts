import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyStoreData } from '../../src-main/store/data';
import { openStore, STORE_FILE } from '../../src-main/store/store';
import { useTestDataFolder } from '../support/data-folder';
import { finalizedInvoice } from '../support/documents';

describe('openStore', () => {
  const folder = useTestDataFolder();
  const today = () => new Date().toISOString().slice(0, 10);

  it('creates a missing data folder with an empty store.json', async () => {
    const dir = join(folder.dir, 'not', 'yet');
    const store = await openStore(dir);
    try {
      const expected = { ...emptyStoreData(), last_daily_backup: today() };
      expect(store.read()).toEqual(expected);
      const { invoices, credit_notes, payments, email_records, activity, ...main } = expected;
      expect([invoices, credit_notes, payments, email_records, activity]).toEqual([
        [],
        [],
        [],
        [],
        [],
      ]);
      expect(JSON.parse(await readFile(join(dir, STORE_FILE), 'utf8'))).toEqual({
        ...main,
        book_files: { commit: 1, periods: {}, index: null, summaries: {}, backed_up_at: 1 },
      });
      expect((await readdir(dir)).sort()).toEqual([
        'backups',
        'periods',
        'store.json',
        'store.lock',
        'usage',
      ]);
    } finally {
      await store.close();
    }
  });

  it('reads back what was committed before close', async () => {
    const store = await folder.open();
    await store.update((draft) => {
      draft.settings.payment_terms_days = 14;
    });
    await store.close();
    expect((await folder.open()).read().settings.payment_terms_days).toBe(14);
  });

  it('serializes concurrent updates, each seeing the one before', async () => {
    const store = await folder.open();
    await Promise.all(
      Array.from({ length: 20 }, () =>
        store.update((draft) => {
          draft.sequences['INV-2026-'] = (draft.sequences['INV-2026-'] ?? 0) + 1;
        }),
      ),
    );
    expect(store.read().sequences['INV-2026-']).toBe(20);
  });

  it('returns what the mutation returns', async () => {
    const store = await folder.open();
    await expect(store.update((draft) => draft.invoices.length)).resolves.toBe(0);
  });

  it('refuses calls after close', async () => {
    const store = await folder.open();
    await store.close();
    await expect(store.update(() => undefined)).rejects.toThrow(
      `The store of ${folder.dir} is closed.`,
    );
  });

  it("keeps the invoice index as each period's keys, and still reads the flat form", async () => {
    const store = await folder.open();
    await store.update((draft) => {
      draft.invoices.push(
        finalizedInvoice(),
        finalizedInvoice({ id: 'inv-2', number: 'INV-2026-00002', period: '2026-02' }),
      );
    });
    await store.close();
    const main = JSON.parse(await readFile(join(folder.dir, STORE_FILE), 'utf8')) as {
      book_files: { index: string };
    };
    const indexFile = join(folder.dir, 'periods', main.book_files.index);
    expect(JSON.parse(await readFile(indexFile, 'utf8'))).toEqual({
      '2026-01': ['inv-1', 'INV-2026-00001'],
      '2026-02': ['inv-2', 'INV-2026-00002'],
    });

    await writeFile(
      indexFile,
      JSON.stringify({
        'inv-1': '2026-01',
        'INV-2026-00001': '2026-01',
        'inv-2': '2026-02',
        'INV-2026-00002': '2026-02',
      }),
    );
    const reopened = await folder.open();
    expect(reopened.findInvoice('INV-2026-00002')?.id).toBe('inv-2');
    expect(reopened.findInvoice('inv-1')?.number).toBe('INV-2026-00001');
  });
});
