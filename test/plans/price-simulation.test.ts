import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src-main/bundle/load';
import { UserError } from '../../src-main/domain/errors';
import { simulatePrice } from '../../src-main/services/priceSimulation';
import { finalizeInvoices } from '../../src-main/services/finalize';
import type { Store } from '../../src-main/store/store';
import { createPeriodUsageReader } from '../../src-main/usage/reader';
import { bill, importUsage, useStore } from '../support/billing-store';
import { ACME, GROWTH, bookOf, calls, contractOf } from '../support/scenario-books';

/** Growth's per-unit calls as graduated tiers: cheaper past 100,000 calls, with a flat fee. */
const TIERED = {
  ...GROWTH,
  charges: [
    {
      meter: 'api_calls',
      model: 'graduated',
      tiers: [
        { up_to: '100000', unit_price: '0.008' },
        { up_to: null, unit_price: '0.005', flat_fee: '100' },
      ],
    },
  ],
};

function simulate(store: Store, request: Parameters<typeof simulatePrice>[2]) {
  return simulatePrice(store, createPeriodUsageReader(store), request);
}

describe('the price simulator', () => {
  const store = useStore();

  async function bookWithUsage(): Promise<void> {
    await loadBundle(store(), bookOf());
    await importUsage(store(), [
      calls('70000', '2026-10-03T10:00:00Z'),
      calls('50000', '2026-10-20T10:00:00Z'),
      calls('999', '2026-09-20T10:00:00Z'),
    ]);
  }

  it("re-rates the last closed period's real usage under a draft, line by line, and writes nothing", async () => {
    await bookWithUsage();
    const before = JSON.stringify(store().read());

    const result = await simulate(store(), { customer: 'acme', plan: TIERED });

    expect(JSON.stringify(store().read())).toBe(before);
    expect(result).toMatchObject({
      contract: 'c1',
      period: '2026-10',
      currency: 'USD',
      current: { plan: 'growth', total: '1300.00' },
      proposed: { plan: 'growth', total: '1100.00' },
      difference: '-200',
      billed: null,
    });
    expect(
      result.rows.map((row) => [
        row.description,
        row.current?.amount,
        row.proposed?.amount,
        row.difference,
      ]),
    ).toEqual([
      ['Growth — base fee', '100.00', '100.00', '0'],
      ['API calls — graduated', '1200.00', '1000.00', '-200'],
    ]);
    expect(result.rows[1]?.proposed?.detail).toEqual([
      { tier: 1, quantity: '100000', unit_price: '0.008', flat_fee: '0', amount: '800' },
      { tier: 2, quantity: '20000', unit_price: '0.005', flat_fee: '100', amount: '200' },
    ]);
  });

  it('sets what the period was billed beside the simulation, and a charge only one plan has on a row of its own', async () => {
    await bookWithUsage();
    const run = await bill(store(), { period: '2026-10' });
    await finalizeInvoices(
      store(),
      run.invoices.map((invoice) => invoice.id),
    );
    const withSeats = {
      ...TIERED,
      code: 'growth-plus',
      charges: [...TIERED.charges, { meter: 'payments', model: 'per_unit', unit_price: '0.25' }],
    };

    const result = await simulate(store(), {
      customer: 'acme',
      period: '2026-10',
      plan: withSeats,
    });

    expect(result.billed).toMatchObject({ status: 'open', total: '1300.00' });
    expect(result.billed?.invoice).toMatch(/^INV-/);
    expect(result.rows.at(-1)).toMatchObject({
      description: 'Payments — per unit',
      current: null,
      proposed: { amount: '0.00' },
      difference: '0',
    });
  });

  it('refuses, in one sentence, what cannot be compared', async () => {
    await bookWithUsage();
    await expect(
      simulate(store(), { customer: 'acme', plan: { ...TIERED, currency: 'EUR' } }),
    ).rejects.toThrow(
      "Plan 'growth' bills in EUR and contract 'c1' in USD: a price can only be compared in the same currency.",
    );
    await expect(
      simulate(store(), { customer: 'acme', period: '2025-12', plan: TIERED }),
    ).rejects.toThrow(
      "Customer 'acme' has no contract active in 2025-12: there is no usage to re-rate.",
    );
    await expect(
      simulate(store(), {
        customer: 'acme',
        plan: { ...TIERED, charges: [{ meter: 'api_calls', model: 'graduated', tiers: [] }] },
      }),
    ).rejects.toThrow(UserError);
    await expect(
      simulate(store(), { customer: 'acme', contract: 'c9', plan: TIERED }),
    ).rejects.toThrow("Customer 'acme' has no contract 'c9'.");
  });

  it('re-rates only the contract chosen when a plan changed mid-period', async () => {
    await loadBundle(
      store(),
      bookOf({
        customers: [ACME],
        contracts: [
          contractOf({ end_date: '2026-10-16' }),
          contractOf({ id: 'c2', start_date: '2026-10-16' }),
        ],
      }),
    );
    await importUsage(store(), [
      calls('1000', '2026-10-03T10:00:00Z'),
      calls('3000', '2026-10-20T10:00:00Z'),
    ]);

    const first = await simulate(store(), { customer: 'acme', contract: 'c1', plan: GROWTH });
    const latest = await simulate(store(), { customer: 'acme', plan: GROWTH });

    expect(first.rows.map((row) => row.current?.quantity)).toEqual(['1', '1000']);
    expect(latest.contract).toBe('c2');
    expect(latest.rows.map((row) => row.current?.quantity)).toEqual(['1', '3000']);
    expect(latest.difference).toBe('0');
  });
});
