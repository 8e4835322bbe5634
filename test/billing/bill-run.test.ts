import { loadBundle } from '../../src-main/bundle/load';
import { describe, expect, it } from 'vitest';
import type { InvoiceView } from '../../src-main/services/present';
import {
  ACME,
  GROWTH,
  bookOf,
  calls,
  contractOf,
  promotionalCredit,
} from '../support/scenario-books';
import { bill, useStore } from '../support/billing-store';

const amounts = (invoice: InvoiceView | undefined) =>
  invoice?.lines.map((line) => [line.kind, line.meter, line.amount]);

describe('bill run', () => {
  const store = useStore();

  it('makes one draft per direct contract active in the period, and a statement for a marketplace one', async () => {
    await loadBundle(
      store(),
      bookOf({
        customers: [ACME, { ...ACME, id: 'cloudy', external_ids: ['org_cloudy'] }],
        contracts: [
          contractOf(),
          contractOf({ id: 'c-ended', start_date: '2025-01-01', end_date: '2026-10-01' }),
          contractOf({ id: 'c-future', start_date: '2026-11-01' }),
          contractOf({
            id: 'c-aws',
            customer: 'cloudy',
            channel: 'aws_marketplace',
            marketplace_account: 'aws-123',
            payment_method: 'marketplace',
          }),
        ],
        credits: [
          {
            id: 'g',
            customer: 'cloudy',
            kind: 'goodwill',
            amount: '10.00',
            currency: 'USD',
            granted_on: '2026-01-01',
          },
        ],
      }),
    );
    const { invoices } = await bill(store(), { period: '2026-10', finalize: true });
    expect(invoices.map((i) => [i.contract, i.status, i.number])).toEqual([
      ['c-aws', 'marketplace', null],
      ['c1', 'open', 'INV-2026-00001'],
    ]);
    const statement = invoices[0];
    expect([statement?.credits, statement?.tax, statement?.tax_exempt]).toEqual([
      '0.00',
      '0.00',
      'Billed and taxed by the marketplace',
    ]);
  });

  it('is idempotent: a second run with the same inputs changes nothing', async () => {
    await loadBundle(
      store(),
      bookOf({
        credits: [promotionalCredit('30.00')],
        usage: [calls('1234', '2026-10-05T10:00:00Z')],
      }),
    );
    const first = await bill(store(), { period: '2026-10' });
    const after = structuredClone(store().read());
    const second = await bill(store(), { period: '2026-10' });
    expect(store().read()).toEqual(after);
    expect(second).toEqual(first);
    expect(after.invoices).toHaveLength(1);
  });

  it('gives no new draft to a contract whose period invoice is finalized, and reports it', async () => {
    await loadBundle(store(), bookOf({ usage: [calls('100', '2026-10-05T10:00:00Z')] }));
    await bill(store(), { period: '2026-10', finalize: true });
    const again = await bill(store(), { period: '2026-10' });
    expect(again.invoices).toEqual([]);
    expect(again.report.already_finalized).toEqual([{ contract: 'c1', invoice: 'INV-2026-00001' }]);
    expect(store().read().invoices).toHaveLength(1);
  });

  it('splits a plan change mid-month: each contract prorated, each event to the contract of its timestamp', async () => {
    const graduated = {
      ...GROWTH,
      code: 'pro',
      name: 'Pro',
      base_fee: '310.00',
      charges: [
        {
          meter: 'api_calls',
          model: 'graduated' as const,
          tiers: [
            { up_to: '1000', unit_price: '0', flat_fee: '5.00' },
            { up_to: null, unit_price: '0.001', flat_fee: '0' },
          ],
        },
      ],
    };
    await loadBundle(
      store(),
      bookOf({
        plans: [GROWTH, graduated],
        contracts: [
          contractOf({ id: 'a-growth', end_date: '2026-10-11' }),
          contractOf({ id: 'b-pro', plan: 'pro', start_date: '2026-10-11' }),
        ],
        usage: [
          calls('100', '2026-10-10T23:59:59Z'),
          calls('3000', '2026-10-11T00:00:00Z'),
          calls('50', '2026-10-11T01:30:00+02:00'),
        ],
      }),
    );
    const { invoices } = await bill(store(), { period: '2026-10' });
    const [growth, pro] = invoices;
    // 10 of 31 days of 100.00; 21 of 31 days of 310.00; the flat fee is never prorated.
    expect(amounts(growth)).toEqual([
      ['base_fee', null, '32.26'],
      ['usage', 'api_calls', '1.50'],
    ]);
    expect(amounts(pro)).toEqual([
      ['base_fee', null, '210.00'],
      ['usage', 'api_calls', '7.00'],
    ]);
    expect(growth?.lines[1]?.quantity).toBe('150');
  });

  it('bills a contract that starts on the last day one day, one that ends on the first day nothing', async () => {
    await loadBundle(
      store(),
      bookOf({
        contracts: [
          contractOf({ id: 'last-day', start_date: '2026-10-31' }),
          contractOf({ id: 'first-day-end', start_date: '2026-09-01', end_date: '2026-10-01' }),
          contractOf({ id: 'whole', start_date: '2026-10-01', end_date: '2026-11-01' }),
        ],
      }),
    );
    const { invoices } = await bill(store(), { period: '2026-10' });
    expect(invoices.map((i) => [i.contract, i.lines[0]?.amount, i.lines[0]?.description])).toEqual([
      ['last-day', '3.23', 'Growth — base fee (1/31 days)'],
      ['whole', '100.00', 'Growth — base fee'],
    ]);
  });

  it('bills an event by its UTC instant, whatever offset its timestamp carries', async () => {
    await loadBundle(
      store(),
      bookOf({
        usage: [calls('1', '2026-10-31T23:30:00-02:00'), calls('10', '2026-11-01T00:30:00+01:00')],
      }),
    );
    const october = await bill(store(), { period: '2026-10' });
    const november = await bill(store(), { period: '2026-11', asOf: '2026-12-01' });
    expect(october.invoices[0]?.lines[1]?.quantity).toBe('10');
    expect(november.invoices[0]?.lines[1]?.quantity).toBe('1');
  });

  it('charges a graduated flat fee at zero usage, and nothing for a per-unit charge', async () => {
    const flat = {
      ...GROWTH,
      base_fee: null,
      charges: [
        { meter: 'api_calls', model: 'per_unit' as const, unit_price: '0.01' },
        {
          meter: 'nodes',
          model: 'volume' as const,
          tiers: [
            { up_to: '5', unit_price: '5', flat_fee: '10.00' },
            { up_to: null, unit_price: '4', flat_fee: '20.00' },
          ],
        },
      ],
    };
    await loadBundle(store(), bookOf({ plans: [flat] }));
    const { invoices } = await bill(store(), { period: '2026-10' });
    expect(amounts(invoices[0])).toEqual([
      ['usage', 'api_calls', '0.00'],
      ['usage', 'nodes', '10.00'],
    ]);
    expect(invoices[0]?.total).toBe('10.00');
  });

  it('prices nothing above a blocked quota, shows the usage, and reports the customer', async () => {
    const blocked = {
      ...GROWTH,
      charges: [
        {
          meter: 'api_calls',
          model: 'per_unit' as const,
          unit_price: '0.01',
          included: '1000',
          overage: 'block' as const,
        },
      ],
    };
    await loadBundle(
      store(),
      bookOf({ plans: [blocked], usage: [calls('1500', '2026-10-03T00:00:00Z')] }),
    );
    const { invoices, report } = await bill(store(), { period: '2026-10' });
    const usage = invoices[0]?.lines[1];
    expect([usage?.amount, usage?.quantity, usage?.explanation.blocked_quantity]).toEqual([
      '0.00',
      '1500',
      '500',
    ]);
    expect(report.over_quota).toEqual([
      {
        customer: 'acme',
        contract: 'c1',
        period: '2026-10',
        meter: 'api_calls',
        quota: '1000',
        usage: '1500',
        excess: '500',
      },
    ]);
  });

  it('adds a minimum commitment true-up, prorated like the base fee, before the discount', async () => {
    await loadBundle(
      store(),
      bookOf({
        plans: [{ ...GROWTH, minimum_commitment: '620.00' }],
        contracts: [contractOf({ start_date: '2026-10-16', discount_percent: '10' })],
        usage: [calls('5000', '2026-10-20T00:00:00Z')],
      }),
    );
    const [invoice] = (await bill(store(), { period: '2026-10' })).invoices;
    // 16/31 days: base 51.61, commitment 320.00; usage 50.00; true-up 218.39.
    expect(amounts(invoice)).toEqual([
      ['base_fee', null, '51.61'],
      ['usage', 'api_calls', '50.00'],
      ['minimum_true_up', null, '218.39'],
    ]);
    expect([invoice?.subtotal, invoice?.discount, invoice?.total]).toEqual([
      '320.00',
      '32.00',
      '288.00',
    ]);
    expect(invoice?.discount_lines).toEqual([
      { description: 'Discount 10%', percent: '10', amount: '32.00' },
    ]);
  });

  it('rounds each JPY and BHD line once to the currency’s minor unit', async () => {
    await loadBundle(
      store(),
      bookOf({
        plans: [
          {
            ...GROWTH,
            code: 'yen',
            currency: 'JPY',
            base_fee: '10000',
            charges: [{ meter: 'api_calls', model: 'per_unit', unit_price: '0.35' }],
          },
          {
            ...GROWTH,
            code: 'dinar',
            currency: 'BHD',
            base_fee: '33.333',
            charges: [{ meter: 'api_calls', model: 'per_unit', unit_price: '0.0015' }],
          },
        ],
        customers: [
          { ...ACME, id: 'tokyo', currency: 'JPY', external_ids: ['org_tokyo'], tax_rate: '10' },
          { ...ACME, id: 'manama', currency: 'BHD', external_ids: ['org_manama'], tax_rate: '10' },
        ],
        contracts: [
          contractOf({ id: 'jp', customer: 'tokyo', plan: 'yen', start_date: '2026-10-15' }),
          contractOf({ id: 'bh', customer: 'manama', plan: 'dinar', start_date: '2026-10-15' }),
        ],
        usage: [
          calls('101', '2026-10-20T00:00:00Z', { customer: 'org_tokyo' }),
          calls('333', '2026-10-20T00:00:00Z', { customer: 'org_manama' }),
        ],
      }),
    );
    const [bh, jp] = (await bill(store(), { period: '2026-10' })).invoices;
    // 10000 × 17/31 = 5483.87… → 5484; 101 × 0.35 = 35.35 → 35; tax 551.9 → 552.
    expect([...(amounts(jp) ?? []), jp?.tax, jp?.total]).toEqual([
      ['base_fee', null, '5484'],
      ['usage', 'api_calls', '35'],
      '552',
      '6071',
    ]);
    // 33.333 × 17/31 = 18.2794… → 18.279; 333 × 0.0015 = 0.4995 → 0.500 (half away from zero).
    expect([...(amounts(bh) ?? []), bh?.tax, bh?.total]).toEqual([
      ['base_fee', null, '18.279'],
      ['usage', 'api_calls', '0.500'],
      '1.878',
      '20.657',
    ]);
  });

  it('charges a yearly plan’s fees for each contract year on its first month, prorated as known then', async () => {
    await loadBundle(
      store(),
      bookOf({
        plans: [{ ...GROWTH, code: 'annual', interval: 'year', base_fee: '3660.00' }],
        contracts: [contractOf({ plan: 'annual', start_date: '2027-06-10' })],
        usage: [calls('100', '2027-07-04T00:00:00Z')],
      }),
    );
    const year = async (period: string, asOf: string) =>
      (await bill(store(), { period, asOf })).invoices[0]?.lines.map((l) => [
        l.kind,
        l.amount,
        l.description,
      ]);
    // The first contract year, June 2027 to May 2028, holds 29 February: 366 days, 357 of them active.
    expect(await year('2027-06', '2027-07-01')).toEqual([
      ['base_fee', '3570.00', 'Growth — base fee, contract year 2027-06 to 2028-05 (357/366 days)'],
      ['usage', '0.00', 'API calls — per unit'],
    ]);
    expect(await year('2027-07', '2027-08-01')).toEqual([
      ['usage', '1.00', 'API calls — per unit'],
    ]);
    await store().update((data) => {
      const contract = data.contracts[0];
      if (contract) contract.end_date = '2028-09-01';
    });
    // The second year is known to end after 92 of its 365 days.
    expect(await year('2028-06', '2028-07-01')).toEqual([
      ['base_fee', '922.52', 'Growth — base fee, contract year 2028-06 to 2029-05 (92/365 days)'],
      ['usage', '0.00', 'API calls — per unit'],
    ]);
  });

  it('refuses a period or a date that is not one', async () => {
    await expect(bill(store(), { period: '2026-13' })).rejects.toThrow(/not a period/);
    await expect(bill(store(), { period: '2026-10', asOf: '2026-02-30' })).rejects.toThrow(
      /not a valid date/,
    );
  });
});
