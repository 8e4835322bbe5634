import { loadBundle } from '../../src-main/bundle/load';
import { describe, expect, it } from 'vitest';
import { finalizeInvoices } from '../../src-main/services/finalize';
import type { InvoiceView } from '../../src-main/services/present';
import { voidInvoice } from '../../src-main/services/voidInvoice';
import { bookOf, calls, contractOf } from '../support/scenario-books';
import { bill, importUsage, useStore } from '../support/billing-store';

const lines = (invoice: InvoiceView | undefined) =>
  invoice?.lines.map((line) => [line.kind, line.amount]);

describe('usage-triggered (progressive) invoices', () => {
  const store = useStore();

  async function thresholdBook() {
    await loadBundle(
      store(),
      bookOf({
        contracts: [contractOf({ usage_threshold: '50.00' })],
        usage: [calls('6000', '2026-10-05T00:00:00Z')],
      }),
    );
  }

  it('issues an interim invoice mid-period once unbilled usage reaches the threshold', async () => {
    await thresholdBook();
    const run = await bill(store(), { period: '2026-10', asOf: '2026-10-10', finalize: true });
    const [interim, periodEnd] = run.invoices;
    expect([interim?.trigger, interim?.status, interim?.number]).toEqual([
      'usage_threshold',
      'open',
      'INV-2026-00001',
    ]);
    expect(lines(interim)).toEqual([['usage', '60.00']]);
    expect([periodEnd?.trigger, periodEnd?.status]).toEqual(['period_end', 'draft']);
    expect(lines(periodEnd)).toEqual([
      ['base_fee', '100.00'],
      ['usage', '60.00'],
      ['progressive_deduction', '-60.00'],
    ]);
    // Computed while the interim invoice was a draft, the deduction names it by id.
    expect(periodEnd?.lines[2]?.description).toBe(
      'API calls — already billed for 2026-10 on inv_c1_2026-10_1',
    );
  });

  it('counts only what interim invoices have not billed yet, charge by charge', async () => {
    await thresholdBook();
    await bill(store(), { period: '2026-10', asOf: '2026-10-10', finalize: true });
    await importUsage(store(), [calls('2000', '2026-10-20T00:00:00Z')]);
    const quiet = await bill(store(), { period: '2026-10', asOf: '2026-10-25', finalize: true });
    expect(quiet.invoices.map((i) => i.trigger)).toEqual(['period_end']);

    await importUsage(store(), [calls('5000', '2026-10-28T00:00:00Z')]);
    const second = await bill(store(), { period: '2026-10', asOf: '2026-10-29', finalize: true });
    expect(lines(second.invoices[0])).toEqual([
      ['usage', '130.00'],
      ['progressive_deduction', '-60.00'],
    ]);
    expect(second.invoices[0]?.number).toBe('INV-2026-00002');

    const final = await bill(store(), { period: '2026-10', asOf: '2026-11-02', finalize: true });
    expect(final.invoices).toHaveLength(1);
    expect(lines(final.invoices[0])).toEqual([
      ['base_fee', '100.00'],
      ['usage', '130.00'],
      ['progressive_deduction', '-130.00'],
    ]);
    expect(final.invoices[0]?.lines[2]?.explanation.invoices).toEqual([
      'INV-2026-00001',
      'INV-2026-00002',
    ]);
    expect([final.invoices[0]?.subtotal, final.invoices[0]?.status]).toEqual(['100.00', 'open']);
  });

  it('re-bills the usage of an interim invoice voided before the period-end invoice is final', async () => {
    await thresholdBook();
    await bill(store(), { period: '2026-10', asOf: '2026-10-10', finalize: true });
    await voidInvoice(store(), 'INV-2026-00001', { asOf: '2026-10-11' });
    const final = await bill(store(), { period: '2026-10', asOf: '2026-11-02' });
    expect(lines(final.invoices[0])).toEqual([
      ['base_fee', '100.00'],
      ['usage', '60.00'],
    ]);
  });

  it('refuses to void an interim invoice whose usage a final period-end invoice deducts', async () => {
    await thresholdBook();
    await bill(store(), { period: '2026-10', asOf: '2026-10-10', finalize: true });
    await bill(store(), { period: '2026-10', asOf: '2026-11-02', finalize: true });
    await expect(voidInvoice(store(), 'INV-2026-00001')).rejects.toThrow(
      /interim invoice whose usage INV-2026-00002/,
    );
  });

  it('refuses to finalize a period-end draft that deducts an interim invoice voided since', async () => {
    await thresholdBook();
    const run = await bill(store(), { period: '2026-10', asOf: '2026-10-10', finalize: true });
    await voidInvoice(store(), 'INV-2026-00001', { asOf: '2026-10-11' });
    await expect(
      finalizeInvoices(store(), [run.invoices[1]?.id ?? ''], { asOf: '2026-11-02' }),
    ).rejects.toThrow(/deducts what invoice INV-2026-00001 billed/);
  });

  it('makes no interim invoice once the period is over: the period-end invoice bills it all', async () => {
    await thresholdBook();
    const run = await bill(store(), { period: '2026-10', asOf: '2026-11-01' });
    expect(run.invoices.map((i) => i.trigger)).toEqual(['period_end']);
  });
});
