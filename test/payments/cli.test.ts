import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { openInvoicesFolder } from '../support/payment-books';

describe('pay', () => {
  it('prints the payment, the invoice and the overpayment credit as the spec shows', async () => {
    const data = await openInvoicesFolder();
    const pay = (...args: string[]) =>
      cli(['pay', '--invoice', 'INV-2026-00001', '--method', 'wire', ...args, '--data', data]);

    const partial = await pay(
      '--amount',
      '100.00',
      '--date',
      '2026-11-20',
      '--reference',
      'W-77',
      '--json',
    );
    expect(partial.code).toBe(0);
    expect(JSON.parse(partial.stdout)).toEqual({
      payment: {
        id: 'pay_1',
        invoice: 'INV-2026-00001',
        amount: '100.00',
        date: '2026-11-20',
        method: 'wire',
        reference: 'W-77',
      },
      invoice: {
        number: 'INV-2026-00001',
        status: 'partially_paid',
        amount_paid: '100.00',
        balance_due: '2.50',
      },
      overpayment_credit: null,
      duplicate: false,
    });

    const again = await pay('--amount', '100.00', '--date', '2026-11-20', '--reference', 'W-77');
    expect(again.stdout).toBe(
      'Already recorded as pay_1 (100.00 on 2026-11-20, reference W-77); nothing new was recorded. INV-2026-00001 is partially paid, balance due 2.50.\n',
    );

    const rest = await pay('--amount', '7.50', '--date', '2026-11-21');
    expect(rest.stdout).toBe(
      [
        'Recorded pay_2: 7.50 by wire on 2026-11-21. INV-2026-00001 is paid, balance due 0.00.',
        '5.00 USD beyond the balance due became credit overpayment-pay_2.',
        '',
      ].join('\n'),
    );
  });

  it('refuses bad input with one sentence and exit code 1, and a missing option as a usage error', async () => {
    const data = await openInvoicesFolder();
    const refused = await cli([
      'pay',
      '--invoice',
      'INV-2026-00001',
      '--amount',
      '10',
      '--method',
      'paypal',
      '--date',
      '2026-11-20',
      '--data',
      data,
    ]);
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "'paypal' is not a payment method; use one of card, ach, wire, check, cash, marketplace, other.\n",
    });
    const usage = await cli(['pay', '--invoice', 'INV-2026-00001', '--data', data]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^pay: --amount is required\./);
  });
});
