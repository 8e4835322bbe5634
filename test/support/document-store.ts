/** A closed data folder holding the document book, for tests that run the CLI on it. */
import { join } from 'node:path';
import type { StoreData } from '../../src-main/store/data';
import { openStore } from '../../src-main/store/store';
import { tempDir } from './cli';
import { seedDocumentBook } from './document-book';

export async function documentBookFolder(
  adjust: (data: StoreData) => void = () => undefined,
): Promise<string> {
  const data = join(await tempDir('nexus-documents-'), 'data');
  const store = await openStore(data);
  try {
    await store.update((draft) => {
      seedDocumentBook(draft);
      adjust(draft);
    });
  } finally {
    await store.close();
  }
  return data;
}
