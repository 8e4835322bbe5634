import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src-main/bundle/load';
import { addEntity } from '../../src-main/services/catalog';
import { changePlan, endContract } from '../../src-main/services/contracts';
import { previewContractChange } from '../../src-main/services/contractPreview';
import { grantCredit } from '../../src-main/services/credits';
import { customerList } from '../../src-main/services/customerList';
import { customerPage } from '../../src-main/services/customerPage';
import { customerUsage } from '../../src-main/services/customerUsage';
import { recordPayment } from '../../src-main/services/payments';
import { createPeriodUsageReader } from '../../src-main/usage/reader';
import { bill, useStore } from '../support/billing-store';
import { ACME, GROWTH, bookOf, calls, contractOf } from '../support/scenario-books';

const STARTER = { ...GROWTH, code: 'starter', name: 'Starter', base_fee: '20.00' };

describe("a customer's page and the contract previews", () => {
  const store = useStore();
  const preview = (request: { contract: string; on: string; plan?: string }) =>
    previewContractChange(store(), createPeriodUsageReader(store()), request);

  it('previews a mid-month plan change exactly as the bill run then bills it, writing nothing', async () => {
    await loadBundle(
      store(),
      bookOf({
        plans: [GROWTH, STARTER],
        usage: [calls('1000', '2026-10-03T00:00:00Z'), calls('500', '2026-10-20T00:00:00Z')],
      }),
    );
    const before = JSON.stringify(store().read());
    const previewed = await preview({ contract: 'c1', on: '2026-10-16', plan: 'starter' });
    expect(JSON.stringify(store().read())).toBe(before);

    // Before: the whole month on Growth, 100.00 + 1,500 calls at 0.01.
    expect(previewed.before.map((invoice) => [invoice.contract, invoice.total])).toEqual([
      ['c1', '115.00'],
    ]);
    await changePlan(store(), { contract: 'c1', on: '2026-10-16', plan: 'starter' });
    const run = await bill(store(), { period: '2026-10' });
    expect(
      previewed.after.map((invoice) => [invoice.contract, invoice.plan, invoice.total]),
    ).toEqual(
      run.invoices.map((invoice) => [
        invoice.contract,
        invoice.contract === 'c1' ? 'growth' : 'starter',
        invoice.total,
      ]),
    );
    expect(previewed.after.map((invoice) => invoice.contract)).toEqual(['c1', 'c1-2']);
    expect(previewed).toMatchObject({ period: '2026-10', currency: 'USD' });
    const afterTotal = run.invoices.reduce((total, invoice) => total + Number(invoice.total), 0);
    expect(Number(previewed.difference)).toBeCloseTo(afterTotal - 115, 2);
  });

  it('previews ending a contract, and refuses with the sentence the change itself would give', async () => {
    await loadBundle(store(), bookOf({ usage: [calls('10', '2026-10-03T00:00:00Z')] }));
    const ended = await preview({ contract: 'c1', on: '2026-10-11' });
    // Ten days of 31 of the base fee, and the calls made before the end.
    expect(ended.after).toHaveLength(1);
    expect(ended.after[0]?.lines.map((line) => line.amount)).toEqual(['32.26', '0.10']);
    await endContract(store(), { contract: 'c1', on: '2026-10-11' });
    const run = await bill(store(), { period: '2026-10' });
    expect(ended.after[0]?.total).toBe(run.invoices[0]?.total);

    await bill(store(), { period: '2026-10', asOf: '2026-11-02', finalize: true });
    await expect(preview({ contract: 'c1', on: '2026-10-05' })).rejects.toThrow(
      "Contract 'c1' cannot end on 2026-10-05: finalized invoice INV-2026-00001 bills it for 2026-10",
    );
  });

  it("charts a customer's usage by meter, rated as the bill rates it, for the periods asked", async () => {
    await loadBundle(
      store(),
      bookOf({
        customers: [
          ACME,
          { id: 'other', name: 'Other', external_ids: ['org_other'], currency: 'USD' },
        ],
        usage: [
          calls('10', '2026-08-03T00:00:00Z'),
          calls('5', '2026-10-03T00:00:00Z'),
          calls('7', '2026-10-13T00:00:00Z'),
          calls('99', '2026-10-13T00:00:00Z', { customer: 'org_other' }),
        ],
      }),
    );
    const usage = await customerUsage(store(), createPeriodUsageReader(store()), {
      customer: 'acme',
      months: 3,
      through: '2026-10',
    });
    expect(usage).toEqual({
      periods: ['2026-08', '2026-09', '2026-10'],
      meters: [{ code: 'api_calls', name: 'API calls', unit: 'call' }],
      usage: [
        { period: '2026-08', meter: 'api_calls', quantity: '10' },
        { period: '2026-10', meter: 'api_calls', quantity: '12' },
      ],
    });
  });

  it("gathers a customer's contracts, invoices, credits, payments and activity", async () => {
    await loadBundle(store(), bookOf({ usage: [calls('10', '2026-10-03T00:00:00Z')] }));
    await bill(store(), { period: '2026-10', asOf: '2026-11-02', finalize: true });
    await recordPayment(store(), {
      invoice: 'INV-2026-00001',
      amount: '50.00',
      date: '2026-11-05',
      method: 'wire',
    });
    await grantCredit(store(), { customer: 'acme', kind: 'goodwill', amount: '25', door: 'app' });
    await addEntity(store(), 'contracts', contractOf({ id: 'c2', start_date: '2026-12-01' }));

    const page = customerPage(store(), 'acme');
    expect(page.customer.name).toBe('Acme');
    expect(page.contracts.map((contract) => contract.id)).toEqual(['c1', 'c2']);
    expect(page.invoices.map((invoice) => [invoice.number, invoice.status])).toEqual([
      ['INV-2026-00001', 'partially_paid'],
    ]);
    expect(page.payments).toMatchObject([
      { invoice_number: 'INV-2026-00001', amount: '50.00', currency: 'USD', method: 'wire' },
    ]);
    expect(page.credits).toMatchObject([
      { customer: 'acme', currency: 'USD', usable: '25.00', credits: [{ kind: 'goodwill' }] },
    ]);
    // Newest first, each with its door.
    const actions = page.activity.map((entry) => [entry.action, entry.door]);
    expect(actions.slice(0, 2)).toEqual([
      ['contract.add', 'cli'],
      ['credit.grant', 'app'],
    ]);
    expect(actions.at(-1)).toEqual(['invoice.finalize', 'cli']);
  });

  it('finds customers by name, id or external id, a page at a time, with their active plans', async () => {
    await loadBundle(
      store(),
      bookOf({
        customers: [
          ACME,
          { id: 'zen', name: 'Zenith Labs', external_ids: ['org_zen'], currency: 'EUR' },
          { id: 'bolt', name: 'Bolt', external_ids: [], currency: 'USD' },
        ],
      }),
    );
    const list = (search: string, offset = 0, limit = 10) =>
      customerList(store(), { search, offset, limit });
    expect(list('').customers.map((customer) => customer.id)).toEqual(['acme', 'bolt', 'zen']);
    expect(list('ORG_ZEN').customers.map((customer) => customer.name)).toEqual(['Zenith Labs']);
    expect(list('bol').customers.map((customer) => customer.id)).toEqual(['bolt']);
    expect(list('', 1, 1)).toMatchObject({ total: 3, offset: 1, customers: [{ id: 'bolt' }] });
    expect(list('acme').customers[0]?.active_plans).toEqual(['growth']);
  });
});
