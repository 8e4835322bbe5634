import { loadBundle } from '../../src-main/bundle/load';
import { describe, expect, it } from 'vitest';
import { issueCreditNote } from '../../src-main/services/creditNotes';
import { finalizeInvoices } from '../../src-main/services/finalize';
import { listInvoices } from '../../src-main/services/present';
import { voidInvoice } from '../../src-main/services/voidInvoice';
import { ACME, bookOf, calls, contractOf, promotionalCredit } from '../support/scenario-books';
import { bill, useStore } from '../support/billing-store';

describe('invoice lifecycle', () => {
  const store = useStore();

  async function twoContracts() {
    await loadBundle(
      store(),
      bookOf({
        settings: { payment_terms_days: 15 },
        customers: [ACME, { ...ACME, id: 'beta', external_ids: ['org_beta'] }],
        contracts: [
          contractOf(),
          contractOf({ id: 'c2', customer: 'beta', payment_terms_days: 45 }),
        ],
        usage: [calls('250', '2026-10-03T00:00:00Z')],
      }),
    );
    return (await bill(store(), { period: '2026-10' })).invoices;
  }

  it('finalizes with the next number, the run date and the contract’s terms (else the settings’)', async () => {
    const [a, b] = await twoContracts();
    const finalized = await finalizeInvoices(store(), [b?.id ?? '', a?.id ?? ''], {
      asOf: '2026-11-05',
    });
    expect(
      finalized.map((i) => [i.contract, i.number, i.issue_date, i.due_date, i.status]),
    ).toEqual([
      ['c2', 'INV-2026-00001', '2026-11-05', '2026-12-20', 'open'],
      ['c1', 'INV-2026-00002', '2026-11-05', '2026-11-20', 'open'],
    ]);
    expect(store().read().sequences).toEqual({ 'INV-2026-': 2 });
  });

  it('restarts the sequence with the year of the issue date', async () => {
    await loadBundle(store(), bookOf());
    await bill(store(), { period: '2026-11', asOf: '2026-12-31', finalize: true });
    const [january] = (
      await bill(store(), { period: '2026-12', asOf: '2027-01-02', finalize: true })
    ).invoices;
    expect(january?.number).toBe('INV-2027-00001');
  });

  it('refuses to finalize a period-end invoice before the period is over for its contract', async () => {
    await loadBundle(
      store(),
      bookOf({ contracts: [contractOf(), contractOf({ id: 'ending', end_date: '2026-10-20' })] }),
    );
    const run = await bill(store(), { period: '2026-10', asOf: '2026-10-25', finalize: true });
    expect(run.invoices.map((i) => [i.contract, i.status])).toEqual([
      ['c1', 'draft'],
      ['ending', 'open'],
    ]);
    expect(run.report.not_finalized).toEqual([
      {
        invoice: 'inv_c1_2026-10_1',
        reason: expect.stringMatching(/not over for contract c1 until 2026-11-01/) as string,
      },
    ]);
    await expect(
      finalizeInvoices(store(), ['inv_c1_2026-10_1'], { asOf: '2026-10-31' }),
    ).rejects.toThrow(/not over/);
  });

  it('refuses to finalize a draft holding a credit that has expired since', async () => {
    await loadBundle(
      store(),
      bookOf({
        credits: [promotionalCredit('10.00', { expires_on: '2026-11-03' })],
      }),
    );
    const [draft] = (await bill(store(), { period: '2026-10' })).invoices;
    await expect(
      finalizeInvoices(store(), [draft?.id ?? ''], { asOf: '2026-11-03' }),
    ).rejects.toThrow(
      /applies credit p, which is no longer usable on 2026-11-03; run the bill for 2026-10 again/,
    );
    expect(store().read().invoices[0]?.status).toBe('draft');
  });

  it('marks a zero-total invoice paid when finalized', async () => {
    await loadBundle(
      store(),
      bookOf({
        plans: [{ code: 'free', name: 'Free', currency: 'USD', interval: 'month', charges: [] }],
        contracts: [contractOf({ plan: 'free' })],
      }),
    );
    const [invoice] = (await bill(store(), { period: '2026-10', finalize: true })).invoices;
    expect([invoice?.total, invoice?.status, invoice?.number]).toEqual([
      '0.00',
      'paid',
      'INV-2026-00001',
    ]);
  });

  it('voids an open invoice, keeping its number, and bills the period again on a new draft', async () => {
    await twoContracts();
    const [first] = (await bill(store(), { period: '2026-10', finalize: true })).invoices;
    const voided = await voidInvoice(store(), first?.number ?? '', { asOf: '2026-11-10' });
    expect([voided.status, voided.number, voided.voided_on]).toEqual([
      'void',
      'INV-2026-00001',
      '2026-11-10',
    ]);
    await expect(voidInvoice(store(), first?.number ?? '')).rejects.toThrow(/is void/);
    const again = await bill(store(), { period: '2026-10', asOf: '2026-11-10', finalize: true });
    expect(again.invoices.map((i) => i.number)).toEqual(['INV-2026-00003']);
    expect(again.report.already_finalized).toEqual([{ contract: 'c2', invoice: 'INV-2026-00002' }]);
  });

  it('issues credit notes from their own sequence, up to the total less earlier notes', async () => {
    await twoContracts();
    const [invoice] = (await bill(store(), { period: '2026-10', finalize: true })).invoices;
    expect(invoice?.total).toBe('102.50');
    const first = await issueCreditNote(store(), {
      invoice: 'INV-2026-00001',
      amount: '2.5',
      reason: 'Duplicate calls',
    });
    expect(first.credit_note).toEqual({
      id: 'cn_CN-2026-00001',
      number: 'CN-2026-00001',
      invoice: 'INV-2026-00001',
      customer: 'acme',
      currency: 'USD',
      amount: '2.50',
      reason: 'Duplicate calls',
      issue_date: '2026-11-02',
    });
    expect([first.invoice.credited, first.invoice.balance_due, first.invoice.status]).toEqual([
      '2.50',
      '100.00',
      'open',
    ]);
    await expect(
      issueCreditNote(store(), { invoice: 'INV-2026-00001', amount: '100.01', reason: 'Too much' }),
    ).rejects.toThrow(/at most 100.00 USD/);
    const second = await issueCreditNote(store(), {
      invoice: 'INV-2026-00001',
      amount: '100.00',
      reason: 'Goodwill',
    });
    expect([second.credit_note.number, second.invoice.balance_due, second.invoice.status]).toEqual([
      'CN-2026-00002',
      '0.00',
      'paid',
    ]);
    await expect(
      issueCreditNote(store(), { invoice: 'INV-2026-00002', amount: '1.00', reason: ' ' }),
    ).rejects.toThrow(/needs a reason/);
    await expect(voidInvoice(store(), 'INV-2026-00001')).rejects.toThrow(/only an open invoice/);
  });

  it('hands back as an overpayment credit what a credit note credits beyond the balance due', async () => {
    await loadBundle(
      store(),
      bookOf({
        credits: [
          {
            id: 'pre',
            customer: 'acme',
            kind: 'prepaid',
            amount: '60.00',
            currency: 'USD',
            granted_on: '2026-01-01',
          },
        ],
      }),
    );
    await bill(store(), { period: '2026-10', finalize: true });
    const result = await issueCreditNote(store(), {
      invoice: 'INV-2026-00001',
      amount: '50.00',
      reason: 'Outage',
    });
    expect(result.invoice.balance_due).toBe('0.00');
    expect(result.credit).toMatchObject({
      id: 'overpayment-CN-2026-00001',
      kind: 'overpayment',
      amount: '10.00',
    });
  });

  it('refuses a credit note on a draft or void invoice', async () => {
    const [draft] = await twoContracts();
    await expect(
      issueCreditNote(store(), { invoice: draft?.id ?? '', amount: '1.00', reason: 'x' }),
    ).rejects.toThrow(/is draft/);
    await expect(
      issueCreditNote(store(), { invoice: 'INV-9', amount: '1.00', reason: 'x' }),
    ).rejects.toThrow(/no invoice 'INV-9'/);
  });

  it('lists invoices by period, status and customer, with overdue and partially paid derived', async () => {
    await twoContracts();
    await bill(store(), { period: '2026-10', finalize: true });
    await bill(store(), { period: '2026-11', asOf: '2026-12-01' });
    await store().update((data) => {
      data.payments.push({
        id: 'pay-1',
        invoice: 'INV-2026-00002',
        amount: '40.00',
        date: '2026-11-10',
        method: 'ach',
        reference: '',
      });
    });
    const statuses = (asOf: string) =>
      listInvoices(store(), { asOf }).map((i) => [
        i.period,
        i.number ?? i.id,
        i.status,
        i.balance_due,
      ]);
    expect(statuses('2026-11-10')).toEqual([
      ['2026-10', 'INV-2026-00001', 'open', '102.50'],
      ['2026-10', 'INV-2026-00002', 'partially_paid', '60.00'],
      ['2026-11', 'inv_c1_2026-11_1', 'draft', '100.00'],
      ['2026-11', 'inv_c2_2026-11_1', 'draft', '100.00'],
    ]);
    expect(
      statuses('2026-12-10')
        .slice(0, 2)
        .map((row) => row[2]),
    ).toEqual(['overdue', 'partially_paid']);
    expect(listInvoices(store(), { status: 'draft', customer: 'beta' }).map((i) => i.id)).toEqual([
      'inv_c2_2026-11_1',
    ]);
    expect(
      listInvoices(store(), { period: '2026-10', status: 'open', asOf: '2026-11-10' }),
    ).toHaveLength(1);
  });
});
