/** A small book of business, and a folder holding it as a store, for the CLI tests. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { cli, tempDir, type CliRun } from './cli';

/** One customer on one plan: a base fee, a per-unit meter and an SLA; today is 2026-10-15. */
export const SMALL_BOOK = {
  format: 'nexus-billing/bundle@1',
  settings: { today: '2026-10-15' },
  meters: [{ code: 'api_calls', name: 'API calls', unit: 'call', aggregation: 'sum' }],
  plans: [
    {
      code: 'basic',
      name: 'Basic',
      currency: 'USD',
      interval: 'month',
      base_fee: '200.00',
      sla: [
        { below: '99.9', credit_percent: '10' },
        { below: '99', credit_percent: '25' },
      ],
      charges: [{ meter: 'api_calls', model: 'per_unit', unit_price: '0.001' }],
    },
  ],
  customers: [{ id: 'acme', name: 'Acme', external_ids: ['org_8f2a'], currency: 'USD' }],
  contracts: [
    {
      id: 'c1',
      customer: 'acme',
      plan: 'basic',
      start_date: '2026-01-01',
      payment_method: 'card',
    },
  ],
};

export interface BookFolder {
  /** The test's folder: the CLI runs here, `book.json` is here, the store is `data/`. */
  dir: string;
  data: string;
  /** Runs the CLI in `dir` against the store. */
  run: (...args: string[]) => Promise<CliRun>;
}

/** A fresh folder with SMALL_BOOK loaded into a new store in `data/`. */
export async function bookFolder(): Promise<BookFolder> {
  const dir = await tempDir();
  const data = join(dir, 'data');
  const run = (...args: string[]) => cli([...args, '--data', data], dir);
  await writeFile(join(dir, 'book.json'), JSON.stringify(SMALL_BOOK));
  expect((await run('init')).code).toBe(0);
  expect((await run('load', 'book.json')).code).toBe(0);
  return { dir, data, run };
}
