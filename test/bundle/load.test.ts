import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle, loadBundleFile, type LoadProgress } from '../../src-main/bundle/load';
import { UserError } from '../../src-main/domain/errors';
import { cli, tempDir } from '../support/cli';
import { useTempStore } from '../support/temp-store';

const FORMAT = 'nexus-billing/bundle@1';
const METERS = [{ code: 'api_calls', name: 'API calls', unit: 'call', aggregation: 'sum' }];
const CUSTOMERS = [{ id: 'acme', name: 'Acme', external_ids: ['org_1'], currency: 'USD' }];

function events(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) => ({
    event_id: `e${index}`,
    customer: 'org_1',
    meter: 'api_calls',
    quantity: String(index % 7),
    timestamp: `2026-${index % 2 === 0 ? '10' : '11'}-03T10:00:00Z`,
  }));
}

/** The bundle's JSON with one usage event per line, as `dump` writes it. */
function bundleText(sections: Record<string, unknown>): string {
  const { usage, ...rest } = sections;
  const head = Object.entries(rest).map(
    ([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  );
  const lines = ((usage ?? []) as unknown[]).map((event) => JSON.stringify(event));
  return `{\n${[...head, `"usage": [\n${lines.join(',\n')}\n]`].join(',\n')}\n}\n`;
}

/** A valid book with these usage events. */
const bookText = (usage: Record<string, unknown>[]): string =>
  bundleText({ format: FORMAT, meters: METERS, customers: CUSTOMERS, usage });

describe('loading a bundle as a stream', () => {
  const t = useTempStore();
  const usageFiles = async () =>
    (await readdir(t.store().usageDir, { recursive: true })).filter((name) =>
      /\.(tsv|idx)$/.test(name),
    );
  const fail = async (text: string): Promise<UserError> => {
    const error: unknown = await loadBundleFile(t.store(), t.file('book.json', text), {
      source: 'book.json',
      chunkBytes: 4096,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect(t.store().read().usage_batches).toEqual([]);
    expect(t.store().read().customers).toEqual([]);
    expect(await usageFiles()).toEqual([]);
    return error as UserError;
  };

  it('stages the events while the file is still being read, and stores every one', async () => {
    const text = bookText(events(3000));
    expect(text.length).toBeGreaterThan(50 * 4096);
    const progress: LoadProgress[] = [];
    const summary = await loadBundleFile(t.store(), t.file('book.json', text), {
      chunkBytes: 4096,
      onProgress: (step) => progress.push({ ...step }),
    });

    expect(summary.usage).toEqual({ accepted: 3000, duplicates: 0 });
    expect(progress.length).toBeGreaterThanOrEqual(Math.floor(text.length / 4096));
    const halfway = progress.find((step) => step.bytesRead >= text.length / 2)!;
    expect(halfway.bytesRead).toBeLessThan(halfway.totalBytes);
    expect(halfway.events).toBeGreaterThan(1000);
    expect(halfway.events).toBeLessThan(2000);
    expect(progress.at(-1)).toEqual({
      bytesRead: text.length,
      totalBytes: text.length,
      events: 3000,
    });
    const [batch] = t.store().read().usage_batches;
    expect(batch).toMatchObject({ format: 'bundle', accepted: 3000 });
    expect(batch!.file_name).toMatch(/book\.json$/);
    expect(batch!.segments.map((segment) => [segment.period, segment.events])).toEqual([
      ['2026-10', 1500],
      ['2026-11', 1500],
    ]);
  });

  it('accepts usage before the customers and meters it names', async () => {
    const text = `{"format": "${FORMAT}", "usage": ${JSON.stringify(events(2))}, "customers": ${JSON.stringify(CUSTOMERS)}, "meters": ${JSON.stringify(METERS)}}`;
    const summary = await loadBundleFile(t.store(), t.file('book.json', text));
    expect(summary).toMatchObject({ meters: 1, customers: 1, usage: { accepted: 2 } });
  });

  it('refuses events naming an unknown customer or meter, at the first event naming each', async () => {
    const usage = events(30);
    for (const index of [4, 9, 12]) usage[index]!.customer = 'org_404';
    usage[20]!.meter = 'gpu';
    const error = await fail(bookText(usage));
    expect(error.message).toBe('book.json has 2 problems; nothing was loaded:');
    expect(error.details).toEqual([
      "usage[4].customer: no customer has the external id 'org_404' (3 events name it)",
      "usage[20].meter: unknown meter 'gpu'",
    ]);
  });

  it('loads nothing when the last of thousands of events is bad, naming its JSON path', async () => {
    const usage = events(3000);
    usage[2999]!.quantity = '-1';
    const error = await fail(bookText(usage));
    expect(error.message).toMatch(
      /^book\.json: usage\[2999\]: quantity '-1' .*\. Nothing was loaded\.$/,
    );
  });

  it('lists problems of the sections and of the events together', async () => {
    const usage = events(3);
    usage[1]!.extra = 'x';
    const error = await fail(
      bundleText({ format: FORMAT, meters: METERS, customers: [{ id: 'acme' }], usage }),
    );
    expect(error.details).toEqual([
      'customers[0].name: Invalid input: expected string, received undefined',
      expect.stringMatching(/^customers\[0\]\.currency: /),
      "usage[1]: unknown field 'extra'",
    ]);
  });

  it('refuses broken JSON, saying where it breaks, and keeps none of the events read before it', async () => {
    const good = bookText(events(2000));
    const error = await fail(good.replace('{"event_id":"e1000"', '{"event_id" "e1000"'));
    expect(error.message).toMatch(
      /^book\.json is not valid JSON: unexpected "e1000" (at|after) byte \d+\.$/,
    );
    const stray = await fail(good.replace('"e1500",', '"e1500",,'));
    expect(stray.message).toMatch(
      /^book\.json is not valid JSON: unexpected "," (at|after) byte \d+\.$/,
    );
    const cut = await fail(good.slice(0, good.length / 2));
    expect(cut.message).toBe(
      'book.json is not valid JSON: it ends before the document does (is the file cut short?).',
    );
  });

  it('refuses a document that is no bundle object, or repeats a section', async () => {
    expect((await fail('[{"format": "x"}]')).message).toBe(
      'book.json must be a JSON object of sections, such as {"format": …}.',
    );
    expect((await fail(`{"format": "${FORMAT}", "usage": {"e1": {}}}`)).message).toBe(
      'book.json: usage: must be an array of events. Nothing was loaded.',
    );
    const twice = `{"format": "${FORMAT}", "meters": [], "meters": ${JSON.stringify(METERS)}}`;
    expect((await fail(twice)).message).toBe(
      'book.json: meters: appears twice in the bundle. Nothing was loaded.',
    );
  });

  it('loads a bundle held in memory through the same checks', async () => {
    await expect(
      loadBundle(t.store(), {
        usage: events(1),
        format: FORMAT,
        meters: METERS,
        customers: CUSTOMERS,
      }),
    ).resolves.toMatchObject({ usage: { accepted: 1 } });
    await expect(loadBundle(t.store(), { format: FORMAT, usage: 5 }, 'x')).rejects.toThrow(
      'x: usage: must be an array of events. Nothing was loaded.',
    );
  });
});

describe('dump and load through files', () => {
  it('writes every event to the file and loads it back into an empty store as the same book', async () => {
    const first = await tempDir();
    const book = join(first, 'book.json');
    await writeFile(book, bookText(events(5000)));
    expect((await cli(['load', book, '--data', first])).code).toBe(0);
    const dumped = join(first, 'dumped.json');
    expect((await cli(['dump', '--out', dumped, '--data', first])).code).toBe(0);

    const second = await tempDir();
    const loaded = await cli(['load', dumped, '--data', second, '--json']);
    expect(JSON.parse(loaded.stdout)).toMatchObject({ usage: { accepted: 5000, duplicates: 0 } });
    const again = join(second, 'again.json');
    expect((await cli(['dump', '--out', again, '--data', second])).code).toBe(0);
    expect(await readFile(again, 'utf8')).toBe(await readFile(dumped, 'utf8'));
    expect((await readFile(dumped, 'utf8')).match(/"event_id"/g)).toHaveLength(5000);
  });
});
