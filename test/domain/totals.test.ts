import { describe, expect, it } from 'vitest';
import { CreditLedger } from '../../src-main/domain/credits';
import type { InvoiceLine } from '../../src-main/domain/invoice';
import { invoiceTotals, type TotalsTerms } from '../../src-main/domain/totals';
import { credit, customer } from '../support/builders';

const line = (amount: string): InvoiceLine => ({
  kind: 'usage',
  description: 'x',
  meter: null,
  charge: null,
  period: '2026-10',
  quantity: null,
  unit_price: null,
  amount,
  detail: [],
  explanation: {},
});

function terms(currency: string, overrides: Partial<TotalsTerms> = {}, taxRate = '0'): TotalsTerms {
  return {
    currency,
    discountPercent: '0',
    customer: customer({ id: 'c', name: 'C', currency, tax_rate: taxRate, tax_label: 'VAT' }),
    taxExempt: null,
    takeCredits: () => [],
    ...overrides,
  };
}

describe('invoice totals', () => {
  it('rounds tax once on the sum of rounded lines (50 lines of 241.67 at 20% VAT)', () => {
    const totals = invoiceTotals(
      Array(50).fill(line('241.67')) as InvoiceLine[],
      terms('USD', {}, '20'),
    );
    expect([totals.subtotal, totals.tax, totals.total]).toEqual([
      '12083.50',
      '2416.70',
      '14500.20',
    ]);
  });

  it('rounds JPY to whole yen and BHD to fils, half away from zero', () => {
    expect(invoiceTotals([line('1001')], terms('JPY', {}, '10')).tax).toBe('100');
    expect(invoiceTotals([line('1005')], terms('JPY', {}, '10')).tax).toBe('101');
    expect(invoiceTotals([line('10.005')], terms('BHD', {}, '10')).tax).toBe('1.001');
    expect(invoiceTotals([line('10.015')], terms('BHD', {}, '10')).tax).toBe('1.002');
  });

  it('applies the discount before price credits, price credits before tax, balance credits after', () => {
    const ledger = new CreditLedger(
      [
        credit({
          id: 'promo',
          customer: 'c',
          kind: 'promotional',
          amount: '100.00',
          currency: 'USD',
          granted_on: '2026-01-01',
        }),
        credit({
          id: 'prepaid',
          customer: 'c',
          kind: 'prepaid',
          amount: '1000.00',
          currency: 'USD',
          granted_on: '2026-01-01',
        }),
      ],
      [],
    );
    const scope = { customer: 'c', currency: 'USD', period: '2026-10', onDate: '2026-11-01' };
    const totals = invoiceTotals(
      [line('500.00')],
      terms(
        'USD',
        { discountPercent: '10', takeCredits: (place, limit) => ledger.take(place, scope, limit) },
        '20',
      ),
    );
    expect(totals).toMatchObject({
      subtotal: '500.00',
      discount: '50.00',
      credits: '100.00',
      tax: '70.00',
      total: '420.00',
      prepaid_applied: '420.00',
    });
    expect(totals.credit_applications.map((a) => a.credit)).toEqual(['promo', 'prepaid']);
  });

  it('never takes the pre-tax amount or the total below zero with credits', () => {
    const asked: string[] = [];
    invoiceTotals(
      [line('30.00')],
      terms('USD', {
        takeCredits: (place, limit) => (asked.push(`${place} ${limit.toString()}`), []),
      }),
    );
    expect(asked).toEqual(['price 30', 'balance 30']);
  });

  it('prints the exemption and charges no tax for an exempt customer', () => {
    const totals = invoiceTotals(
      [line('100.00')],
      terms('EUR', { taxExempt: 'Reverse charge' }, '20'),
    );
    expect([totals.tax, totals.tax_exempt, totals.tax_lines]).toEqual([
      '0.00',
      'Reverse charge',
      [],
    ]);
  });
});
