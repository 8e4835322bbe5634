import { loadBundle } from '../../src-main/bundle/load';
import { describe, expect, it } from 'vitest';
import type { InvoiceView } from '../../src-main/services/present';
import { voidInvoice } from '../../src-main/services/voidInvoice';
import { bookOf, calls, contractOf, GROWTH } from '../support/scenario-books';
import { bill, importUsage, useStore } from '../support/billing-store';

const lines = (invoice: InvoiceView | undefined) =>
  invoice?.lines.map((line) => [line.kind, line.period, line.amount]);

const TIERED = {
  ...GROWTH,
  charges: [
    {
      meter: 'api_calls',
      model: 'graduated' as const,
      tiers: [
        { up_to: '1000', unit_price: '0.01', flat_fee: '0' },
        { up_to: null, unit_price: '0.005', flat_fee: '0' },
      ],
    },
  ],
};

describe('late usage', () => {
  const store = useStore();

  async function octoberFinalized() {
    await loadBundle(
      store(),
      bookOf({ plans: [TIERED], usage: [calls('800', '2026-10-05T00:00:00Z')] }),
    );
    await bill(store(), { period: '2026-10', finalize: true });
  }

  it('bills events of a finalized period on the next invoice: rate(all) − rate(billed), labelled with their period', async () => {
    await octoberFinalized();
    await importUsage(store(), [
      calls('500', '2026-10-30T00:00:00Z'),
      calls('100', '2026-11-03T00:00:00Z'),
    ]);
    const run = await bill(store(), { period: '2026-11', asOf: '2026-12-01' });
    // October: 1300 calls = 10.00 + 1.50 = 11.50, of which 8.00 was billed.
    expect(lines(run.invoices[0])).toEqual([
      ['base_fee', '2026-11', '100.00'],
      ['usage', '2026-11', '1.00'],
      ['late_usage', '2026-10', '3.50'],
    ]);
    const late = run.invoices[0]?.lines[2];
    expect(late?.description).toBe('API calls — late usage for 2026-10');
    expect([
      late?.quantity,
      late?.explanation.previously_billed,
      late?.explanation.invoices,
    ]).toEqual(['1300', '8.00', ['INV-2026-00001']]);
    const again = await bill(store(), { period: '2026-11', asOf: '2026-12-01' });
    expect(again).toEqual(run);
  });

  it('bills later late usage once more, net of the earlier late line', async () => {
    await octoberFinalized();
    await importUsage(store(), [calls('500', '2026-10-30T00:00:00Z')]);
    await bill(store(), { period: '2026-11', asOf: '2026-12-01', finalize: true });
    await importUsage(store(), [calls('200', '2026-10-31T00:00:00Z')]);
    const december = await bill(store(), { period: '2026-12', asOf: '2027-01-02' });
    // 1500 calls = 12.50; billed 8.00 + 3.50.
    expect(lines(december.invoices[0])?.slice(2)).toEqual([['late_usage', '2026-10', '1.00']]);
    expect(december.invoices[0]?.lines[2]?.explanation.invoices).toEqual([
      'INV-2026-00001',
      'INV-2026-00002',
    ]);
    const january = await bill(store(), { period: '2027-01', asOf: '2027-02-01' });
    expect(january.invoices[0]?.lines.map((line) => line.kind)).toEqual(['base_fee', 'usage']);
  });

  it('is not late while the period’s invoice is still a draft: the re-run bills it', async () => {
    await loadBundle(
      store(),
      bookOf({ plans: [TIERED], usage: [calls('800', '2026-10-05T00:00:00Z')] }),
    );
    await bill(store(), { period: '2026-10' });
    await importUsage(store(), [calls('500', '2026-10-30T00:00:00Z')]);
    const november = await bill(store(), { period: '2026-11', asOf: '2026-12-01' });
    expect(november.invoices[0]?.lines.map((line) => line.kind)).toEqual(['base_fee', 'usage']);
    const october = await bill(store(), { period: '2026-10' });
    expect(october.invoices[0]?.lines[1]?.amount).toBe('11.50');
  });

  it('bills late usage of a contract that has ended on an invoice of its own', async () => {
    await loadBundle(
      store(),
      bookOf({
        plans: [TIERED],
        contracts: [contractOf({ end_date: '2026-11-01' })],
        usage: [calls('800', '2026-10-05T00:00:00Z')],
      }),
    );
    await bill(store(), { period: '2026-10', finalize: true });
    expect((await bill(store(), { period: '2026-11', asOf: '2026-12-01' })).invoices).toEqual([]);
    await importUsage(store(), [calls('300', '2026-10-20T00:00:00Z')]);
    const run = await bill(store(), { period: '2026-11', asOf: '2026-12-01', finalize: true });
    expect(lines(run.invoices[0])).toEqual([['late_usage', '2026-10', '2.50']]);
    expect(run.invoices[0]?.status).toBe('open');
  });

  it('bills a voided period again net of late lines other invoices carry', async () => {
    await octoberFinalized();
    await importUsage(store(), [calls('500', '2026-10-30T00:00:00Z')]);
    await bill(store(), { period: '2026-11', asOf: '2026-12-01', finalize: true });
    await voidInvoice(store(), 'INV-2026-00001', { asOf: '2026-12-02' });
    const october = await bill(store(), { period: '2026-10', asOf: '2026-12-02' });
    expect(lines(october.invoices[0])).toEqual([
      ['base_fee', '2026-10', '100.00'],
      ['usage', '2026-10', '11.50'],
      ['progressive_deduction', '2026-10', '-3.50'],
    ]);
  });
});
