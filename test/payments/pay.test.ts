import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src-main/domain/money';
import { issueCreditNote } from '../../src-main/services/creditNotes';
import { recordPayment, type PaymentInput } from '../../src-main/services/payments';
import { listInvoices } from '../../src-main/services/present';
import { voidInvoice } from '../../src-main/services/voidInvoice';
import { bill, useStore } from '../support/billing-store';
import { withOpenInvoices } from '../support/payment-books';

const wire = (fields: Partial<PaymentInput> = {}): PaymentInput => ({
  invoice: 'INV-2026-00001',
  amount: '40.00',
  method: 'wire',
  date: '2026-11-10',
  ...fields,
});

describe('recording a payment', () => {
  const store = useStore();

  it('takes partial payments, several per invoice, until the invoice is paid', async () => {
    await withOpenInvoices(store());
    const first = await recordPayment(store(), wire({ reference: 'W-77' }));
    expect(first).toEqual({
      payment: {
        id: 'pay_1',
        invoice: 'INV-2026-00001',
        amount: '40.00',
        date: '2026-11-10',
        method: 'wire',
        reference: 'W-77',
      },
      invoice: {
        number: 'INV-2026-00001',
        status: 'partially_paid',
        amount_paid: '40.00',
        balance_due: '62.50',
      },
      overpayment_credit: null,
      duplicate: false,
    });
    const second = await recordPayment(store(), wire({ amount: '62.5', method: 'card' }));
    expect(second.payment).toMatchObject({ id: 'pay_2', amount: '62.50', method: 'card' });
    expect(second.invoice).toEqual({
      number: 'INV-2026-00001',
      status: 'paid',
      amount_paid: '102.50',
      balance_due: '0.00',
    });
    const stored = store()
      .read()
      .invoices.find((i) => i.number === 'INV-2026-00001');
    expect(stored).toMatchObject({ status: 'paid', amount_paid: '102.50', balance_due: '0.00' });
  });

  it('accepts every method of the spec', async () => {
    await withOpenInvoices(store());
    const methods = ['card', 'ach', 'wire', 'check', 'cash', 'marketplace', 'other'];
    for (const method of methods) {
      await recordPayment(store(), wire({ amount: '1.00', method }));
    }
    expect(
      store()
        .read()
        .payments.map((p) => p.method),
    ).toEqual(methods);
  });

  it('turns money beyond the balance into an overpayment credit that the next invoice applies', async () => {
    await withOpenInvoices(store());
    const result = await recordPayment(
      store(),
      wire({ amount: '110.00', date: '2026-11-20', reference: 'W-90' }),
    );
    expect(result.invoice).toMatchObject({ status: 'paid', balance_due: '0.00' });
    expect(result.overpayment_credit).toEqual({
      id: 'overpayment-pay_1',
      amount: '7.50',
      currency: 'USD',
    });
    expect(store().read().credits).toEqual([
      {
        id: 'overpayment-pay_1',
        customer: 'acme',
        kind: 'overpayment',
        amount: '7.50',
        currency: 'USD',
        granted_on: '2026-11-20',
        expires_on: null,
        note: 'Overpayment of payment pay_1 on INV-2026-00001 (reference W-90), beyond its balance due',
      },
    ]);

    const november = await bill(store(), { period: '2026-11', asOf: '2026-12-01', finalize: true });
    const next = november.invoices.find((invoice) => invoice.customer === 'acme');
    expect(next).toMatchObject({
      number: 'INV-2026-00003',
      total: '100.00',
      credits: '0.00',
      prepaid_applied: '7.50',
      balance_due: '92.50',
      credit_applications: [{ credit: 'overpayment-pay_1', kind: 'overpayment', amount: '7.50' }],
    });
  });

  it('lets a credit note lower the balance, and a payment never take it below zero', async () => {
    await withOpenInvoices(store());
    await issueCreditNote(store(), {
      invoice: 'INV-2026-00001',
      amount: '50.00',
      reason: 'Outage',
      asOf: '2026-11-05',
    });
    const paid = await recordPayment(store(), wire({ amount: '60.00' }));
    expect(paid.invoice).toEqual({
      number: 'INV-2026-00001',
      status: 'paid',
      amount_paid: '60.00',
      balance_due: '0.00',
    });
    expect(paid.overpayment_credit).toEqual({
      id: 'overpayment-pay_1',
      amount: '7.50',
      currency: 'USD',
    });
  });

  it('records the same payment with the same reference once, and reports the second', async () => {
    await withOpenInvoices(store());
    await recordPayment(store(), wire({ reference: 'W-77' }));
    const again = await recordPayment(store(), wire({ reference: 'W-77', amount: '40' }));
    expect(again.duplicate).toBe(true);
    expect(again.payment.id).toBe('pay_1');
    expect(again.invoice.balance_due).toBe('62.50');
    expect(store().read().payments).toHaveLength(1);

    // Without a reference nothing tells two equal payments apart: both are real.
    await recordPayment(store(), wire({ amount: '10.00' }));
    await recordPayment(store(), wire({ amount: '10.00' }));
    expect(store().read().payments).toHaveLength(3);
    // A different date, amount or reference is another payment.
    await recordPayment(store(), wire({ reference: 'W-78', amount: '1.00' }));
    expect(store().read().payments).toHaveLength(4);
  });

  it('shows the invoice overdue on the run date once its due date has passed', async () => {
    await withOpenInvoices(store());
    await store().update((data) => {
      data.settings.today = '2026-12-10';
    });
    const late = await recordPayment(store(), wire({ date: '2026-12-09' }));
    expect(late.invoice.status).toBe('overdue');
    expect(listInvoices(store(), { status: 'overdue' }).map((i) => i.number)).toEqual([
      'INV-2026-00001',
      'INV-2026-00002',
    ]);
  });

  it.each([
    [{ invoice: 'INV-2026-00099' }, "There is no invoice 'INV-2026-00099'."],
    [{ amount: '0' }, "The amount '0' must be greater than 0."],
    [{ amount: '-5.00' }, "The amount '-5.00' must be greater than 0."],
    [{ amount: '12.345' }, "The amount '12.345' has more decimals than USD allows (2)."],
    [
      { amount: '1,50' },
      "The amount '1,50' has a decimal comma: the decimal separator is a dot (1.50).",
    ],
    [
      { invoice: 'INV-2026-00002', amount: '10.5' },
      "The amount '10.5' has more decimals than JPY allows (0).",
    ],
    [
      { date: '2026-11-01' },
      'The payment date 2026-11-01 is before its issue date 2026-11-02; invoice INV-2026-00001 could not be paid then.',
    ],
    [{ date: '2026-02-30' }, "The payment date '2026-02-30' is not a valid date YYYY-MM-DD."],
    [
      { method: 'bitcoin' },
      "'bitcoin' is not a payment method; use one of card, ach, wire, check, cash, marketplace, other.",
    ],
  ])('refuses %o with one sentence', async (fields, message) => {
    await withOpenInvoices(store());
    const before = store().read();
    await expect(recordPayment(store(), wire(fields))).rejects.toThrow(message);
    expect(store().read()).toEqual(before);
  });

  it('refuses a draft, a void invoice and one already paid', async () => {
    await withOpenInvoices(store());
    const [draft] = (await bill(store(), { period: '2026-11', asOf: '2026-11-20' })).invoices;
    await expect(recordPayment(store(), wire({ invoice: draft?.id ?? '' }))).rejects.toThrow(
      'Invoice inv_c1_2026-11_1 is a draft; finalize it before recording a payment against it.',
    );
    await voidInvoice(store(), 'INV-2026-00002', { asOf: '2026-11-03' });
    await expect(recordPayment(store(), wire({ invoice: 'INV-2026-00002' }))).rejects.toThrow(
      'Invoice INV-2026-00002 is void, and a void invoice takes no payment.',
    );
    await recordPayment(store(), wire({ amount: '102.50' }));
    await expect(recordPayment(store(), wire({ amount: '1.00' }))).rejects.toThrow(
      /^Invoice INV-2026-00001 is already paid \(nothing is due\)/,
    );
  });
});

describe('payments and overpayment credits, for any sequence of payments', () => {
  const store = useStore();

  it('keep balance due plus credit granted equal to what was owed less what was paid', async () => {
    await withOpenInvoices(store());
    const initial = store().read();
    const cents = fc.integer({ min: 1, max: 9_000 });
    await fc.assert(
      fc.asyncProperty(fc.array(cents, { minLength: 1, maxLength: 6 }), async (amounts) => {
        await store().update((data) => {
          // Back to the open invoices; the activity log only ever grows, so it stays.
          const { activity: _logged, ...book } = structuredClone(initial);
          Object.assign(data, book);
        });
        let paid = new Dec(0);
        for (const [day, amount] of amounts.entries()) {
          const input = wire({
            amount: new Dec(amount).div(100).toFixed(2),
            date: `2026-11-${10 + day}`,
          });
          try {
            await recordPayment(store(), input);
            paid = paid.plus(input.amount);
          } catch (error) {
            // Only a payment on an invoice already paid is refused here.
            expect((error as Error).message).toMatch(/is already paid/);
          }
        }
        const { invoices, credits } = store().read();
        const invoice = invoices.find((i) => i.number === 'INV-2026-00001');
        const granted = credits.reduce((sum, credit) => sum.plus(credit.amount), new Dec(0));
        const owed = new Dec('102.50');
        expect(new Dec(invoice?.balance_due ?? 'NaN').toFixed(2)).toBe(
          Dec.max(0, owed.minus(paid)).toFixed(2),
        );
        expect(granted.toFixed(2)).toBe(Dec.max(0, paid.minus(owed)).toFixed(2));
        expect(invoice?.status).toBe(paid.gte(owed) ? 'paid' : 'open');
      }),
      { numRuns: 25 },
    );
  });
});
