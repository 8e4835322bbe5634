import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatDate,
  formatPercent,
  formatQuantity,
  formatUnitPrice,
} from '../../src-main/domain/locale-format';

describe('locale formatting', () => {
  it('writes amounts with the currency and locale conventions', () => {
    expect(formatAmount('1234.50', 'EUR', 'en-US')).toBe('€1,234.50');
    expect(formatAmount('1234.50', 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
    expect(formatAmount('1235', 'JPY', 'en-US')).toBe('¥1,235');
    expect(formatAmount('1.234', 'BHD', 'en-US')).toBe('BHD\u00a01.234');
    expect(formatAmount('-5.00', 'USD')).toBe('-$5.00');
    expect(formatAmount('0', 'GBP', 'en-GB')).toBe('£0.00');
  });

  it('keeps every digit of amounts beyond what a binary float holds', () => {
    expect(formatAmount('12345678901234567.89', 'USD')).toBe('$12,345,678,901,234,567.89');
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), (minor) => {
        const digits = minor.toString().padStart(3, '0');
        const amount = `${digits.slice(0, -2)}.${digits.slice(-2)}`;
        expect(formatAmount(amount, 'USD').replace(/[$,]/g, '')).toBe(amount);
      }),
    );
  });

  it('writes unit prices with every decimal they have, quantities and rates as the locale does', () => {
    expect(formatUnitPrice('0.0004', 'USD')).toBe('$0.0004');
    expect(formatUnitPrice('12', 'USD')).toBe('$12.00');
    expect(formatUnitPrice('0.0125', 'EUR', 'de-DE')).toBe('0,0125\u00a0€');
    expect(formatQuantity('1350000.5', 'de-DE')).toBe('1.350.000,5');
    expect(formatPercent('8.875')).toBe('8.875%');
    expect(formatDate('2026-11-03')).toBe('Nov 3, 2026');
    expect(formatDate('2026-11-03', 'de-DE')).toBe('03.11.2026');
  });
});
