import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importUsage } from '../../src-main/services/importUsage';
import { listBatches, rollbackBatch } from '../../src-main/services/usageBatches';
import { finalizedInvoice } from '../support/documents';
import { csv, storedIds, useUsageStore } from '../support/usage-store';

describe('usage batch rollback', () => {
  const t = useUsageStore();
  const october = () =>
    t.file(
      'oct.csv',
      csv(
        'e1,org_8f2a,api_calls,1,2026-10-01T00:00:00Z',
        'e2,org_b2,api_calls,1,2026-09-30T23:00:00Z',
      ),
    );

  it('takes a batch’s events out, keeps it listed as rolled back, and never reuses its number', async () => {
    await importUsage(t.store(), october());
    await importUsage(
      t.store(),
      t.file('nov.csv', csv('e9,org_8f2a,api_calls,1,2026-11-01T00:00:00Z')),
    );
    const files =
      listBatches(t.store())[1]?.segments.map((s) => join(t.store().usageDir, s.file)) ?? [];

    const rolledBack = await rollbackBatch(t.store(), 'b000002');
    expect(rolledBack).toMatchObject({ id: 'b000002', segments: [], index: null });
    expect(rolledBack.rolled_back_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await storedIds(t.store(), '2026-11')).toEqual([]);
    // Left for the store's pruning: a backup may still refer to them.
    expect(files.every((file) => existsSync(file))).toBe(true);

    // The events can come back, in a batch with a new number.
    const again = await importUsage(
      t.store(),
      t.file('nov.csv', csv('e9,org_8f2a,api_calls,1,2026-11-01T00:00:00Z')),
    );
    expect(again).toMatchObject({ batch: 'b000003', accepted: 1 });
    expect(listBatches(t.store()).map((b) => [b.id, b.rolled_back_at === null])).toEqual([
      ['b000001', true],
      ['b000002', false],
      ['b000003', true],
    ]);
    await expect(rollbackBatch(t.store(), 'b000002')).rejects.toThrow(
      'Usage batch b000002 was already rolled back',
    );
    await expect(rollbackBatch(t.store(), 'b000099')).rejects.toThrow(
      "There is no usage batch 'b000099'.",
    );
  });

  it('refuses when some of the batch’s events are on a finalized invoice, and says which', async () => {
    await importUsage(t.store(), october());
    await t.store().update((data) => {
      data.invoices.push(
        finalizedInvoice({
          id: 'i1',
          number: 'INV-2026-00001',
          customer: 'acme',
          period: '2026-10',
          usage_watermark: 1,
        }),
        finalizedInvoice({
          id: 'i2',
          number: 'INV-2026-00002',
          customer: 'beta',
          period: '2026-09',
          usage_watermark: 1,
        }),
        // Void, other customer's period, or computed before the batch: not billing it.
        finalizedInvoice({
          id: 'i3',
          number: 'INV-2026-00003',
          status: 'void',
          customer: 'acme',
          period: '2026-10',
          usage_watermark: 1,
        }),
        finalizedInvoice({
          id: 'i4',
          number: 'INV-2026-00004',
          customer: 'beta',
          period: '2026-10',
          usage_watermark: 1,
        }),
        finalizedInvoice({
          id: 'i5',
          number: 'INV-2026-00005',
          customer: 'acme',
          period: '2026-10',
          usage_watermark: 0,
        }),
        finalizedInvoice({
          id: 'i6',
          number: null,
          status: 'draft',
          customer: 'acme',
          period: '2026-10',
          usage_watermark: 1,
        }),
      );
    });
    await expect(rollbackBatch(t.store(), 'b000001')).rejects.toThrow(
      'Usage batch b000001 cannot be rolled back: some of its events are billed on finalized invoices INV-2026-00001, INV-2026-00002. Correct them with a credit note instead.',
    );
    expect(await storedIds(t.store(), '2026-10')).toEqual(['e1']);
  });

  it('refuses when an event is billed as late usage on a later invoice', async () => {
    await importUsage(t.store(), october());
    await t.store().update((data) => {
      const invoice = finalizedInvoice({ customer: 'beta', period: '2026-11', usage_watermark: 1 });
      invoice.lines.push({
        kind: 'late_usage',
        description: 'API calls — usage of 2026-09',
        meter: 'api_calls',
        charge: 0,
        period: '2026-09',
        quantity: '1',
        unit_price: null,
        amount: '0.00',
        detail: [],
        explanation: {},
      });
      data.invoices.push(invoice);
    });
    await expect(rollbackBatch(t.store(), 'b000001')).rejects.toThrow(
      'finalized invoice INV-2026-00001.',
    );
  });
});
