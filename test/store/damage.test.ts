import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src-main/domain/errors';
import { finalizedInvoice } from '../support/documents';
import { useTestDataFolder } from '../support/data-folder';

describe('a damaged or missing period document', () => {
  const folder = useTestDataFolder();

  it('is named in one sentence with the newest backup that predates it', async () => {
    const store = await folder.open();
    await store.update((draft) => void draft.invoices.push(finalizedInvoice()));
    const backup = await store.backup('manual');
    await store.update((draft) => {
      draft.invoices[0]!.status = 'paid';
    });
    const file = await folder.storeFileText();
    const current = (JSON.parse(file) as { book_files: { periods: Record<string, string> } })
      .book_files.periods['2026-01'] as string;
    await store.close();
    const path = join(folder.dir, 'periods', current);
    await writeFile(path, '{"period": "2026-01", "invoi');

    const reopened = await folder.open();
    expect(() => reopened.period('2026-01')).toThrow(UserError);
    expect(() => reopened.read().invoices).toThrow(
      `The store file ${path} is damaged (it is not valid JSON); restore the newest backup that predates it: nexus-billing restore ${backup.name} --data ${folder.dir}.`,
    );
    await reopened.restore(backup.name);
    expect(reopened.read().invoices[0]?.status).toBe('open');
  });
});
