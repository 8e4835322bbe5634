/**
 * The worked examples of test/fixtures/examples: load each bundle into an empty store,
 * bill its period, and compare every amount of the expected invoices.
 */
import { loadBundle } from '../../src-main/bundle/load';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BundleInput } from '../../src-main/bundle/schema';
import { bill, useStore } from '../support/billing-store';

const EXAMPLES = join(import.meta.dirname, '../fixtures/examples');

interface ExpectedInvoice {
  contract: string;
  customer: string;
  period: string;
  currency: string;
  subtotal: string;
  discount: string;
  credits: string;
  tax: string;
  total: string;
  prepaid_applied: string;
  lines: { kind: string; meter: string | null; amount: string }[];
}

const readJson = <T>(file: string): T =>
  JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as T;
const examples = readdirSync(EXAMPLES)
  .filter((file) => file.endsWith('.bundle.json'))
  .map((file) => file.replace('.bundle.json', ''));

describe('worked examples', () => {
  const store = useStore();

  it('are all found', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples)('%s gives the expected invoices', async (name) => {
    const expected = readJson<ExpectedInvoice[]>(`${name}.expected.json`);
    await loadBundle(store(), readJson<BundleInput>(`${name}.bundle.json`), name);
    for (const period of new Set(expected.map((invoice) => invoice.period))) {
      const { invoices } = await bill(store(), { period });
      const wanted = expected.filter((invoice) => invoice.period === period);
      expect(
        invoices.map((invoice) => ({
          contract: invoice.contract,
          customer: invoice.customer,
          period: invoice.period,
          currency: invoice.currency,
          subtotal: invoice.subtotal,
          discount: invoice.discount,
          credits: invoice.credits,
          tax: invoice.tax,
          total: invoice.total,
          prepaid_applied: invoice.prepaid_applied,
          lines: invoice.lines.map(({ kind, meter, amount }) => ({ kind, meter, amount })),
        })),
      ).toEqual(wanted);
    }
  });
});
