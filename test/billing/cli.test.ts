import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InvoiceView } from '../../src-main/services/present';
import { cli, tempDir } from '../support/cli';

const EXAMPLES = join(import.meta.dirname, '../fixtures/examples');

async function loaded(example: string): Promise<string> {
  const data = await tempDir('nexus-billing-cli-');
  const load = await cli(['load', join(EXAMPLES, `${example}.bundle.json`), '--data', data]);
  expect(load.code).toBe(0);
  return data;
}

const json = <T>(text: string): T => JSON.parse(text) as T;

describe('billing commands', () => {
  it('bill prints the invoices as one JSON array and the report on stderr', async () => {
    const data = await loaded('01-hybrid-proration');
    const run = await cli(['bill', '--period', '2026-10', '--json', '--data', data]);
    expect(run.code).toBe(0);
    const invoices = json<InvoiceView[]>(run.stdout);
    expect(invoices.map((i) => [i.contract, i.status, i.total, i.balance_due])).toEqual([
      ['c1', 'draft', '741.02', '741.02'],
    ]);
    expect(run.stderr).toContain('Unbilled usage');
    expect(run.stderr).toMatch(/org_1\s+acme\s+api_calls\s+1\s+9\s+e4/);

    const table = await cli(['bill', '--period', '2026-10', '--data', data]);
    expect(table.stdout).toMatch(/^NUMBER\s+STATUS\s+CUSTOMER/);
    expect(table.stdout).toMatch(
      /inv_c1_2026-10_1\s+draft\s+acme\s+c1\s+2026-10\s+USD\s+\$723\.65\s+\$50\.00\s+\$67\.37\s+\$741\.02\s+\$741\.02/,
    );
  });

  it('prints each line in the shape of cli.md, with the tiers used as its detail', async () => {
    const data = await loaded('01-hybrid-proration');
    const run = await cli(['bill', '--period', '2026-10', '--json', '--data', data]);
    const [invoice] = json<InvoiceView[]>(run.stdout);
    expect(invoice).toMatchObject({
      number: null,
      status: 'draft',
      customer: 'acme',
      contract: 'c1',
      period: '2026-10',
      currency: 'USD',
      issue_date: null,
      due_date: null,
      subtotal: '723.65',
      discount: '0.00',
      credits: '50.00',
      tax: '67.37',
      total: '741.02',
      prepaid_applied: '0.00',
      amount_paid: '0.00',
      balance_due: '741.02',
      credit_applications: [{ credit: 'p1', amount: '50.00' }],
    });
    expect(invoice?.lines).toMatchObject([
      {
        kind: 'base_fee',
        description: 'Growth — base fee (17/31 days)',
        meter: null,
        quantity: '1',
        unit_price: '273.65',
        amount: '273.65',
        detail: [],
        explanation: { active_days: 17, period_days: 31 },
      },
      {
        kind: 'usage',
        description: 'API calls — graduated',
        meter: 'api_calls',
        quantity: '1350000',
        unit_price: null,
        amount: '450.00',
        detail: [
          { tier: 1, quantity: '1000000', unit_price: '0.0004', amount: '400' },
          { tier: 2, quantity: '250000', unit_price: '0.0002', amount: '50' },
        ],
        explanation: { usage_quantity: '1350000', included: '100000', priced_quantity: '1250000' },
      },
    ]);
  });

  it('finalizes, lists, credits and voids from the command line', async () => {
    const data = await loaded('01-hybrid-proration');
    await cli(['bill', '--period', '2026-10', '--data', data]);
    const finalized = await cli(['finalize', 'inv_c1_2026-10_1', '--json', '--data', data]);
    expect(json<InvoiceView[]>(finalized.stdout)[0]).toMatchObject({
      number: 'INV-2026-00001',
      issue_date: '2026-11-02',
      due_date: '2026-12-02',
    });

    const note = await cli([
      'credit-note',
      'INV-2026-00001',
      '--amount',
      '41.02',
      '--reason',
      'Goodwill',
      '--data',
      data,
    ]);
    expect(note.stdout).toBe(
      'Issued CN-2026-00001 for $41.02 on INV-2026-00001; balance due $700.00.\n',
    );

    const listed = await cli(['invoices', '--status', 'open', '--json', '--data', data]);
    expect(
      json<InvoiceView[]>(listed.stdout).map((i) => [i.number, i.credited, i.balance_due]),
    ).toEqual([['INV-2026-00001', '41.02', '700.00']]);

    const refused = await cli(['void', 'INV-2026-00001', '--data', data]);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toMatch(/issue a credit note instead/);
  });

  it('grants credits and records uptime', async () => {
    const data = await loaded('03-credits');
    const grant = await cli([
      'grant-credit',
      '--customer',
      'initech',
      '--kind',
      'goodwill',
      '--amount',
      '12.50',
      '--expires',
      '2027-01-01',
      '--note',
      'Support delay',
      '--json',
      '--data',
      data,
    ]);
    expect(json<{ id: string; amount: string; expires_on: string }>(grant.stdout)).toMatchObject({
      amount: '12.50',
      expires_on: '2027-01-01',
    });
    const uptime = await cli([
      'uptime',
      '--contract',
      'initech-basic',
      '--period',
      '2026-10',
      '--percent',
      '99.99',
      '--data',
      data,
    ]);
    expect(uptime.stdout).toBe(
      'Recorded 99.99% for initech-basic in 2026-10: no SLA credit is due.\n',
    );
  });

  it('answers a missing option with a usage error and a bad value with one sentence', async () => {
    const data = await loaded('03-credits');
    expect((await cli(['bill', '--data', data])).code).toBe(2);
    const status = await cli(['invoices', '--status', 'late', '--data', data]);
    expect(status.code).toBe(1);
    expect(status.stderr).toMatch(/^'late' is not a status; use one of draft, open, paid/);
    const kind = await cli([
      'grant-credit',
      '--customer',
      'initech',
      '--kind',
      'gift',
      '--amount',
      '1',
      '--data',
      data,
    ]);
    expect(kind.stderr).toMatch(/'gift' is not a credit kind/);
  });
});
