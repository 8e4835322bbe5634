/**
 * Books with finalized invoices to pay: two customers (USD and JPY), October billed and
 * finalized on 2026-11-02, so INV-2026-00001 (acme, USD 102.50) and INV-2026-00002
 * (kyoto, JPY 1,250) are open and due on 2026-12-02.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { BundleInput } from '../../src-main/bundle/schema';
import { loadBundle } from '../../src-main/bundle/load';
import type { Store } from '../../src-main/store/store';
import { bill } from './billing-store';
import { cli, tempDir } from './cli';
import { ACME, bookOf, calls, contractOf, GROWTH } from './scenario-books';

export const KYOTO_PLAN = { ...GROWTH, code: 'growth-jpy', currency: 'JPY', base_fee: '1000' };

export function payableBook(sections: Partial<BundleInput> = {}): BundleInput {
  return bookOf({
    plans: [
      GROWTH,
      { ...KYOTO_PLAN, charges: [{ meter: 'api_calls', model: 'per_unit', unit_price: '1' }] },
    ],
    customers: [
      { ...ACME, name: 'Acme Corp' },
      { id: 'kyoto', name: 'Kyōto Systems', external_ids: ['org_kyoto'], currency: 'JPY' },
    ],
    contracts: [
      contractOf(),
      contractOf({ id: 'c2', customer: 'kyoto', plan: 'growth-jpy', payment_method: 'wire' }),
    ],
    usage: [
      calls('250', '2026-10-03T00:00:00Z'),
      calls('250', '2026-10-04T00:00:00Z', { customer: 'org_kyoto' }),
    ],
    ...sections,
  });
}

/** Loads the book and finalizes October; returns the invoices' numbers. */
export async function withOpenInvoices(store: Store, book = payableBook()): Promise<string[]> {
  await loadBundle(store, book);
  const run = await bill(store, { period: '2026-10', asOf: '2026-11-02', finalize: true });
  return run.invoices.map((invoice) => invoice.number ?? invoice.id);
}

/** A data folder holding the same book, built through the CLI. */
export async function openInvoicesFolder(book = payableBook()): Promise<string> {
  const dir = await tempDir('nexus-payments-');
  const data = join(dir, 'data');
  mkdirSync(data);
  const bundle = join(dir, 'book.json');
  writeFileSync(bundle, JSON.stringify(book));
  expect((await cli(['load', bundle, '--data', data])).code).toBe(0);
  const run = await cli([
    'bill',
    '--period',
    '2026-10',
    '--as-of',
    '2026-11-02',
    '--finalize',
    '--data',
    data,
  ]);
  expect(run.code).toBe(0);
  return data;
}
