import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, formatMoney, roundMoney } from '../../src-main/domain/money';
import { decimalText } from '../support/arbitraries';

/** What formatMoney wrote before its text fast path: decimal.js rounding, then fixed decimals. */
function throughDecimal(amount: Dec, currency: string, places: number): string {
  const rounded = roundMoney(amount, currency);
  return (rounded.isZero() ? new Dec(0) : rounded).toFixed(places);
}

const CURRENCIES = [
  ['JPY', 0],
  ['USD', 2],
  ['BHD', 3],
  ['CLF', 4],
] as const;

describe('formatMoney', () => {
  it.each(CURRENCIES)('agrees with decimal.js rounding in %s', (currency, places) => {
    fc.assert(
      fc.property(decimalText(8), (text) => {
        const amount = new Dec(text);
        expect(formatMoney(amount, currency)).toBe(throughDecimal(amount, currency, places));
      }),
      { numRuns: 3000 },
    );
  });

  it('rounds half away from zero and writes every decimal', () => {
    expect(formatMoney(new Dec('2.345'), 'USD')).toBe('2.35');
    expect(formatMoney(new Dec('-2.345'), 'USD')).toBe('-2.35');
    expect(formatMoney(new Dec('-0.004'), 'USD')).toBe('0.00');
    expect(formatMoney(new Dec('9.995'), 'USD')).toBe('10.00');
    expect(formatMoney(new Dec('-999.5'), 'JPY')).toBe('-1000');
    expect(formatMoney(new Dec('1200'), 'USD')).toBe('1200.00');
    expect(formatMoney(new Dec('0.0005'), 'BHD')).toBe('0.001');
    expect(formatMoney(new Dec('-1.5'), 'BHD')).toBe('-1.500');
  });

  it('takes decimal.js for amounts written with an exponent', () => {
    expect(formatMoney(new Dec('1e-70'), 'USD')).toBe('0.00');
    expect(formatMoney(new Dec('-4e-61'), 'JPY')).toBe('0');
  });
});
