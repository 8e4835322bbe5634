import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store/store';
import { cli, tempDir } from '../support/cli';

describe('restoring a dump', () => {
  it('brings back finalized invoices and continues their numbering without a gap or a repeat', async () => {
    const original = await tempDir();
    const demo = await cli(['demo', original, '--json']);
    const { period } = JSON.parse(demo.stdout) as { period: string };
    const finalized = await cli([
      'bill',
      '--period',
      period,
      '--finalize',
      '--data',
      original,
      '--json',
    ]);
    expect(finalized.code).toBe(0);
    const numbers = (JSON.parse(finalized.stdout) as { number: string | null }[]).flatMap((i) =>
      i.number ? [i.number] : [],
    );
    expect(numbers.length).toBeGreaterThan(20);

    // Outside the data folder: nothing but the store writes there.
    const file = join(await tempDir(), 'book.json');
    expect((await cli(['dump', '--out', file, '--data', original])).code).toBe(0);
    const restored = await tempDir();
    expect((await cli(['load', file, '--data', restored])).code).toBe(0);

    // The same credit note in both books must take the same next number.
    const last = numbers.at(-1)!;
    for (const data of [original, restored]) {
      const note = await cli([
        'credit-note',
        last,
        '--amount',
        '1.00',
        '--reason',
        'Rounding',
        '--data',
        data,
        '--json',
      ]);
      expect(note.code).toBe(0);
    }
    const [a, b] = await Promise.all([original, restored].map((dir) => openStore(dir)));
    try {
      expect(b!.read().invoices).toEqual(a!.read().invoices);
      expect(b!.read().credit_notes).toEqual(a!.read().credit_notes);
      expect(b!.read().sequences).toEqual(a!.read().sequences);
    } finally {
      await Promise.all([a!.close(), b!.close()]);
    }

    const intoUsedStore = await cli(['load', file, '--data', original]);
    expect(intoUsedStore.code).toBe(1);
    expect(intoUsedStore.stderr).toContain(
      'invoices: can be loaded only into an empty store (a restore); this store already has data',
    );
  });
});
