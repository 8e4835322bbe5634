import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dumpBundle } from '../../src-main/bundle/dump';
import { loadBundle } from '../../src-main/bundle/load';
import type { ReadonlyStoreData } from '../../src-main/store/data';
import { openStore } from '../../src-main/store/store';
import { bundleArb } from '../support/arbitraries';
import { tempDir } from '../support/cli';

/** The book itself: what the desk knows, without the bookkeeping of how it got there. */
function bookOf(data: ReadonlyStoreData) {
  const { usage_batches: _batches, last_daily_backup: _backup, ...book } = data;
  return book;
}

describe('dump and load', () => {
  it('load(dump(store)) gives the same store, for any book', async () => {
    await fc.assert(
      fc.asyncProperty(bundleArb, async (book) => {
        const original = await openStore(await tempDir());
        const copy = await openStore(await tempDir());
        try {
          await loadBundle(original, book);
          const dumped = await dumpBundle(original);
          await loadBundle(copy, dumped);
          expect(bookOf(copy.read())).toEqual(bookOf(original.read()));
          expect(await dumpBundle(copy)).toEqual(dumped);
        } finally {
          await original.close();
          await copy.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
