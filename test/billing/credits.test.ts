import { loadBundle } from '../../src-main/bundle/load';
import { describe, expect, it } from 'vitest';
import { grantCredit } from '../../src-main/services/credits';
import { finalizeInvoices } from '../../src-main/services/finalize';
import { recordUptime } from '../../src-main/services/uptime';
import { voidInvoice } from '../../src-main/services/voidInvoice';
import { bookOf, calls, contractOf, GROWTH, type CreditInput } from '../support/scenario-books';
import { bill, useStore } from '../support/billing-store';

const promo = (id: string, fields: Partial<CreditInput> = {}): CreditInput => ({
  id,
  customer: 'acme',
  kind: 'promotional',
  amount: '80.00',
  currency: 'USD',
  granted_on: '2026-09-01',
  ...fields,
});

describe('credits on invoices', () => {
  const store = useStore();

  it('does not apply a credit that expires on the day of the bill', async () => {
    await loadBundle(
      store(),
      bookOf({
        credits: [
          promo('expires-today', { expires_on: '2026-11-02' }),
          promo('tomorrow', { expires_on: '2026-11-03', amount: '5.00' }),
        ],
      }),
    );
    const [invoice] = (await bill(store(), { period: '2026-10' })).invoices;
    expect(invoice?.credit_applications).toEqual([
      { credit: 'tomorrow', kind: 'promotional', amount: '5.00' },
    ]);
  });

  it('shares a credit between two contracts of one customer in contract id order', async () => {
    await loadBundle(
      store(),
      bookOf({
        contracts: [contractOf({ id: 'b-second' }), contractOf({ id: 'a-first' })],
        credits: [promo('shared', { amount: '150.00' })],
      }),
    );
    const { invoices } = await bill(store(), { period: '2026-10' });
    expect(invoices.map((i) => [i.contract, i.credits, i.total])).toEqual([
      ['a-first', '100.00', '0.00'],
      ['b-second', '50.00', '50.00'],
    ]);
  });

  it('lets drafts hold their credits, and a void give them back', async () => {
    await loadBundle(store(), bookOf({ credits: [promo('p', { amount: '150.00' })] }));
    await bill(store(), { period: '2026-09', asOf: '2026-10-01' });
    const october = await bill(store(), { period: '2026-10' });
    expect(october.invoices[0]?.credits).toBe('50.00');
    // Re-billing September changes nothing for it: it holds its 100.00.
    const september = await bill(store(), { period: '2026-09', asOf: '2026-10-01' });
    expect(september.invoices[0]?.credits).toBe('100.00');

    const [finalized] = await finalizeInvoices(store(), [september.invoices[0]?.id ?? ''], {
      asOf: '2026-10-01',
    });
    expect(finalized?.status).toBe('paid');
    await expect(voidInvoice(store(), finalized?.number ?? '')).rejects.toThrow(
      /only an open invoice/,
    );
  });

  it('gives back the credits of a voided open invoice to the next run', async () => {
    await loadBundle(
      store(),
      bookOf({
        credits: [promo('p', { amount: '60.00' })],
        usage: [calls('100', '2026-10-02T00:00:00Z')],
      }),
    );
    const [first] = (await bill(store(), { period: '2026-10', finalize: true })).invoices;
    expect([first?.credits, first?.total]).toEqual(['60.00', '41.00']);
    await voidInvoice(store(), first?.number ?? '');
    const [redo] = (await bill(store(), { period: '2026-10' })).invoices;
    expect([redo?.id, redo?.credits]).toEqual(['inv_c1_2026-10_2', '60.00']);
  });

  it('applies prepaid after tax without taking the total below zero, and carries the rest forward', async () => {
    await loadBundle(
      store(),
      bookOf({
        customers: [
          { id: 'acme', name: 'Acme', external_ids: ['org_acme'], currency: 'USD', tax_rate: '20' },
        ],
        credits: [promo('prepaid', { kind: 'prepaid', amount: '500.00' })],
      }),
    );
    const [october] = (await bill(store(), { period: '2026-10', finalize: true })).invoices;
    expect([
      october?.total,
      october?.prepaid_applied,
      october?.balance_due,
      october?.status,
    ]).toEqual(['120.00', '120.00', '0.00', 'paid']);
    const [november] = (await bill(store(), { period: '2026-11', asOf: '2026-12-01' })).invoices;
    expect(november?.prepaid_applied).toBe('120.00');
  });

  it('never lets a credit apply to an invoice of another currency or a period before its grant', async () => {
    await loadBundle(
      store(),
      bookOf({
        credits: [
          promo('euros', { currency: 'EUR' }),
          promo('later', { granted_on: '2026-11-01' }),
        ],
      }),
    );
    const [invoice] = (await bill(store(), { period: '2026-10' })).invoices;
    expect(invoice?.credit_applications).toEqual([]);
  });
});

describe('grant-credit', () => {
  const store = useStore();

  it('grants a credit in the customer’s currency on the run date with the next free id', async () => {
    await loadBundle(store(), bookOf({ credits: [promo('goodwill-2', { kind: 'goodwill' })] }));
    const credit = await grantCredit(store(), {
      customer: 'acme',
      kind: 'goodwill',
      amount: '25.5',
      expires_on: '2027-01-01',
      note: 'Outage',
    });
    expect(credit).toEqual({
      id: 'goodwill-3',
      customer: 'acme',
      kind: 'goodwill',
      amount: '25.50',
      currency: 'USD',
      granted_on: '2026-11-02',
      expires_on: '2027-01-01',
      note: 'Outage',
    });
  });

  it('refuses an unknown customer or kind, a bad amount, an expiry before the grant', async () => {
    await loadBundle(store(), bookOf());
    const base = { customer: 'acme', kind: 'goodwill', amount: '10.00' };
    await expect(grantCredit(store(), { ...base, customer: 'nobody' })).rejects.toThrow(
      /no customer 'nobody'/,
    );
    await expect(grantCredit(store(), { ...base, kind: 'gift' })).rejects.toThrow(
      /not a credit kind/,
    );
    await expect(grantCredit(store(), { ...base, amount: '10.001' })).rejects.toThrow(
      /more decimals than USD/,
    );
    await expect(grantCredit(store(), { ...base, amount: '0' })).rejects.toThrow(/greater than 0/);
    await expect(grantCredit(store(), { ...base, amount: '-5' })).rejects.toThrow(/not an amount/);
    await expect(grantCredit(store(), { ...base, expires_on: '2026-11-02' })).rejects.toThrow(
      /before it is granted/,
    );
  });
});

describe('SLA credits from uptime', () => {
  const store = useStore();
  const slaPlan = {
    ...GROWTH,
    base_fee: '310.00',
    sla: [
      { below: '99.9', credit_percent: '10' },
      { below: '99.0', credit_percent: '25' },
    ],
  };

  it('grants the credit on the next period’s first day and applies it on the next invoice', async () => {
    await loadBundle(
      store(),
      bookOf({ plans: [slaPlan], contracts: [contractOf({ start_date: '2026-10-11' })] }),
    );
    const { credit } = await recordUptime(store(), {
      contract: 'c1',
      period: '2026-10',
      uptime_percent: '98.7',
    });
    // 310 × 21/31 = 210.00; 25% → 52.50.
    expect(credit).toMatchObject({
      id: 'sla-c1-2026-10',
      amount: '52.50',
      granted_on: '2026-11-01',
    });
    const [october] = (await bill(store(), { period: '2026-10' })).invoices;
    expect(october?.credits).toBe('0.00');
    const [november] = (await bill(store(), { period: '2026-11', asOf: '2026-12-01' })).invoices;
    expect(november?.credit_applications).toEqual([
      { credit: 'sla-c1-2026-10', kind: 'sla', amount: '52.50' },
    ]);
  });

  it('replaces the credit when the uptime is corrected, until an invoice applied it', async () => {
    await loadBundle(store(), bookOf({ plans: [slaPlan] }));
    await recordUptime(store(), { contract: 'c1', period: '2026-10', uptime_percent: '98' });
    const { credit } = await recordUptime(store(), {
      contract: 'c1',
      period: '2026-10',
      uptime_percent: '99.5',
    });
    expect(credit?.amount).toBe('31.00');
    expect(
      (await recordUptime(store(), { contract: 'c1', period: '2026-10', uptime_percent: '99.95' }))
        .credit,
    ).toBeNull();
    expect(store().read().credits).toEqual([]);

    await recordUptime(store(), { contract: 'c1', period: '2026-10', uptime_percent: '99.5' });
    await bill(store(), { period: '2026-11', asOf: '2026-12-01' });
    await expect(
      recordUptime(store(), { contract: 'c1', period: '2026-10', uptime_percent: '90' }),
    ).rejects.toThrow(/already applied/);
  });

  it('grants the credits of uptime a bundle brought in when the period is billed', async () => {
    await loadBundle(
      store(),
      bookOf({
        plans: [slaPlan],
        uptime: [{ contract: 'c1', period: '2026-09', uptime_percent: '99.5' }],
      }),
    );
    const [invoice] = (await bill(store(), { period: '2026-10' })).invoices;
    expect(invoice?.credit_applications).toEqual([
      { credit: 'sla-c1-2026-09', kind: 'sla', amount: '31.00' },
    ]);
  });

  it('refuses an uptime for an unknown contract or outside 0–100', async () => {
    await loadBundle(store(), bookOf({ plans: [slaPlan] }));
    await expect(
      recordUptime(store(), { contract: 'nope', period: '2026-10', uptime_percent: '99' }),
    ).rejects.toThrow(/no contract 'nope'/);
    await expect(
      recordUptime(store(), { contract: 'c1', period: '2026-10', uptime_percent: '101' }),
    ).rejects.toThrow(/between 0 and 100/);
  });
});
